package org.urgentaction.accounts;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.passay.DictionaryRule;
import org.passay.LengthRule;
import org.passay.PasswordData;
import org.passay.PasswordValidator;
import org.passay.RuleResult;
import org.passay.RuleResultDetail;
import org.passay.UsernameRule;
import org.passay.dictionary.WordListDictionary;
import org.passay.dictionary.WordLists;
import org.passay.dictionary.sort.ArraysSort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What a password staff choose must be, checked by Passay: at least 12 characters, at most 72 bytes
 * (all bcrypt reads), not one of the 30,000 most common passwords (accounts/common-passwords.txt:
 * the "passwords" frequency list of zxcvbn, as shipped in com.nulab-inc:zxcvbn 1.9.0, drawn from
 * leaked password dumps), and not the e-mail, forwards or backwards.
 */
@Component
class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_BYTES = 72;

    /** One reason a password is refused: a Passay error code and its values, for a message. */
    record Problem(String code, Object[] values) {

        String messageKey() {
            return "password." + code;
        }

        String englishText() {
            return switch (code) {
                case "TOO_SHORT" -> "it has fewer than " + MIN_LENGTH + " characters";
                case "TOO_LONG" -> "it is longer than " + MAX_BYTES + " bytes";
                case "ILLEGAL_WORD", "ILLEGAL_WORD_REVERSED" -> "it is one of the most common passwords";
                default -> "it contains the e-mail address";
            };
        }
    }

    private final PasswordValidator validator;

    PasswordPolicy() {
        this.validator = new PasswordValidator(
                new LengthRule(MIN_LENGTH, Integer.MAX_VALUE),
                new DictionaryRule(new WordListDictionary(commonPasswords())),
                new UsernameRule(true, true));
    }

    /** Empty when the password may be used. */
    List<Problem> problems(String password, String email) {
        List<Problem> problems = new ArrayList<>();
        RuleResult result = validator.validate(new PasswordData(email, password));
        for (RuleResultDetail detail : result.getDetails()) {
            problems.add(new Problem(detail.getErrorCode(), detail.getValues()));
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            problems.add(new Problem("TOO_LONG", new Object[] {MAX_BYTES}));
        }
        return problems;
    }

    private static org.passay.dictionary.ArrayWordList commonPasswords() {
        try (Reader reader = new InputStreamReader(
                new ClassPathResource("accounts/common-passwords.txt").getInputStream(), StandardCharsets.UTF_8)) {
            return WordLists.createFromReader(new Reader[] {reader}, false, new ArraysSort());
        } catch (IOException missing) {
            throw new UncheckedIOException("The common-password list is part of the jar", missing);
        }
    }
}
