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
}
