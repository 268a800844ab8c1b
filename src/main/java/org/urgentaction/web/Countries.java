package org.urgentaction.web;

import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/** ISO 3166-1 countries, named and sorted for the visitor. */
@NamedInterface("api")
@Component("countries")
public class Countries {

    private static final Set<String> CODES = Set.of(Locale.getISOCountries());

    public record Country(String code, String name) {}

    public List<Country> all() {
        Locale locale = LocaleContextHolder.getLocale();
        Collator collator = Collator.getInstance(locale);
        return Arrays.stream(Locale.getISOCountries())
                .map(code -> new Country(code, Locale.of("", code).getDisplayCountry(locale)))
                .sorted(Comparator.comparing(Country::name, collator))
                .toList();
    }

    public static boolean isKnown(String code) {
        return code != null && CODES.contains(code);
    }

    /** The code if it is a country's, else null: a value a URL or a form made up is no country. */
    public static String knownOrNull(String code) {
        return isKnown(code) ? code : null;
    }

    /**
     * The country chosen on a form, as the kept country options read it (actions/country-options). Only
     * a known code: a made-up one matches no option, and must not make a new key of the kept options.
     */
    @NamedInterface("api")
    public record Choice(String code) {

        public static Choice of(String typed) {
            return new Choice(knownOrNull(typed));
        }
    }
}
