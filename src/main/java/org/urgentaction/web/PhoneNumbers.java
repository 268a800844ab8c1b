package org.urgentaction.web;

import java.util.Locale;
import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import org.springframework.modulith.NamedInterface;

/**
 * Phone and fax numbers read by libphonenumber, which knows every country's numbering plan: a
 * number staff typed as "010 6238 1025" for a target in China becomes +86 10 6238 1025.
 */
@NamedInterface("api")
public final class PhoneNumbers {

    private static final PhoneNumberUtil NUMBERS = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {}

    /** The number, read as dialled from the given country (ISO 3166 alpha-2) unless it starts with +. */
    public static Optional<PhoneNumber> parse(String number, String country) {
        if (number == null || number.isBlank()) {
            return Optional.empty();
        }
        try {
            PhoneNumber parsed = NUMBERS.parse(number, country == null ? "ZZ" : country.toUpperCase(Locale.ROOT));
            return NUMBERS.isPossibleNumber(parsed) ? Optional.of(parsed) : Optional.empty();
        } catch (NumberParseException unreadable) {
            return Optional.empty();
        }
    }

    /** "+861062381025", for a tel: link; null when the number cannot be read. */
    public static String e164(String number, String country) {
        return parse(number, country)
                .map(n -> NUMBERS.format(n, PhoneNumberFormat.E164))
                .orElse(null);
    }

    /** "+86 10 6238 1025" for the page; the number as typed when it cannot be read. */
    public static String international(String number, String country) {
        return parse(number, country)
                .map(n -> NUMBERS.format(n, PhoneNumberFormat.INTERNATIONAL))
                .orElse(number);
    }

    /** Whether staff typed a number that is valid in its country's plan (a warning on the form if not). */
    public static boolean isValid(String number, String country) {
        return parse(number, country).map(NUMBERS::isValidNumber).orElse(false);
    }
}
