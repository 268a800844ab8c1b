package org.urgentaction.targets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.modulith.NamedInterface;

/**
 * Prints a postal address the way its destination country writes it (after the layouts of the
 * Universal Postal Union and Google's libaddressinput). The street lines come first; the
 * locality line differs by country; the country name closes the block, in English, as
 * international mail needs.
 */
@NamedInterface("api")
public final class AddressFormat {

    private static final String DEFAULT_LAYOUT = "{city}\n{region}\n{postcode}";

    // Locality layouts, keyed by country. {city}, {region}, {postcode} are the address's parts.
    private static final Map<String, String> LAYOUTS = Map.ofEntries(
            Map.entry("US", "{city}, {region} {postcode}"),
            Map.entry("CA", "{city} {region} {postcode}"),
            Map.entry("AU", "{city} {region} {postcode}"),
            Map.entry("GB", "{city}\n{postcode}"),
            Map.entry("IE", "{city}\n{region}\n{postcode}"),
            Map.entry("CN", "{city}, {region}, {postcode}"),
            Map.entry("HK", "{city}\n{region}"),
            Map.entry("JP", "{region} {city}\n{postcode}"),
            Map.entry("BR", "{city}-{region}\n{postcode}"),
            Map.entry("MX", "{postcode} {city}, {region}"),
            Map.entry("IN", "{city} {postcode}\n{region}"),
            Map.entry("CH", "{postcode} {city}"),
            Map.entry("DE", "{postcode} {city}"),
            Map.entry("AT", "{postcode} {city}"),
            Map.entry("FR", "{postcode} {city}"),
            Map.entry("BE", "{postcode} {city}"),
            Map.entry("NL", "{postcode} {city}"),
            Map.entry("ES", "{postcode} {city}\n{region}"),
            Map.entry("IT", "{postcode} {city} {region}"),
            Map.entry("SE", "{postcode} {city}"),
            Map.entry("NO", "{postcode} {city}"),
            Map.entry("DK", "{postcode} {city}"),
            Map.entry("FI", "{postcode} {city}"),
            Map.entry("PL", "{postcode} {city}"),
            Map.entry("RU", "{city}\n{region}\n{postcode}"),
            Map.entry("TR", "{postcode} {city}/{region}"),
            Map.entry("IR", "{city}\n{region}\n{postcode}"),
            Map.entry("SA", "{city} {postcode}"),
            Map.entry("EG", "{city}\n{region}\n{postcode}"));

    // Where the country's own postal name differs from the plain English one.
    private static final Map<String, String> POSTAL_COUNTRY_NAMES = Map.of(
            "CN", "People's Republic of China",
            "KP", "Democratic People's Republic of Korea",
            "KR", "Republic of Korea",
            "IR", "Islamic Republic of Iran",
            "GB", "United Kingdom",
            "US", "United States of America");

    private AddressFormat() {}

    /** The address block lines, country last; an empty address gives no lines. */
    public static List<String> lines(PostalAddress address) {
        List<String> lines = new ArrayList<>();
        if (address == null || address.isEmpty()) {
            return lines;
        }
        lines.addAll(address.streetLines());
        String layout = address.getCountry() == null
                ? DEFAULT_LAYOUT
                : LAYOUTS.getOrDefault(address.getCountry(), DEFAULT_LAYOUT);
        for (String line : layout.split("\n")) {
            String filled = tidy(line.replace("{city}", nullToEmpty(address.getCity()))
                    .replace("{region}", nullToEmpty(address.getRegion()))
                    .replace("{postcode}", nullToEmpty(address.getPostcode())));
            if (!filled.isEmpty()) {
                lines.add(filled);
            }
        }
        if (address.getCountry() != null) {
            lines.add(postalCountryName(address.getCountry()));
        }
        return lines;
    }

    /**
     * Lines typed as the document prints them, each kept as it is (no comma added, nothing
     * reordered or dropped) but for the spaces around it; blank lines are left out.
     */
    public static List<String> printedLines(String text) {
        return text == null
                ? List.of()
                : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    public static String postalCountryName(String countryCode) {
        return POSTAL_COUNTRY_NAMES.getOrDefault(
                countryCode, Locale.of("", countryCode).getDisplayCountry(Locale.ENGLISH));
    }

    // A missing part leaves its separator behind ("Geneva, , 1201"); take those out.
    static String tidy(String line) {
        return line.replaceAll("\\s+", " ")
                .replaceAll("(\\s*[,/-]\\s*)+(?=[,/-])", "")
                .replaceAll("^[\\s,/-]+|[\\s,/-]+$", "")
                .replaceAll(" ,", ",")
                .strip();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
