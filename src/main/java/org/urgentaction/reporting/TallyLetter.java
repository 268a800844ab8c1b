package org.urgentaction.reporting;

import java.util.List;

/**
 * The letter that tells an official how many people acted. Built only from the appeal and totals:
 * it never carries anything about a single supporter.
 */
public record TallyLetter(long targetId, String date, List<String> addressBlock, String reference, String title,
                   List<String> people, String salutation, String count, String demandsIntro, List<String> demands,
                   String closing, String signature) {

    /** The paragraphs in reading order, for the PDF. */
    List<String> paragraphs() {
        List<String> paragraphs = new java.util.ArrayList<>();
        paragraphs.add(salutation + ",");
        paragraphs.add(count);
        if (!demands.isEmpty()) {
            paragraphs.add(demandsIntro);
            for (int i = 0; i < demands.size(); i++) {
                paragraphs.add(Roman.of(i + 1) + ". " + demands.get(i));
            }
        }
        paragraphs.add(closing);
        paragraphs.add(signature);
        return paragraphs;
    }

    /** Demands are numbered i., ii., iii. as in the appeals. */
    static final class Roman {

        private static final int[] VALUES = {10, 9, 5, 4, 1};
        private static final String[] NUMERALS = {"x", "ix", "v", "iv", "i"};

        private Roman() {
        }

        static String of(int number) {
            StringBuilder roman = new StringBuilder();
            int rest = number;
            for (int i = 0; i < VALUES.length; i++) {
                while (rest >= VALUES[i]) {
                    roman.append(NUMERALS[i]);
                    rest -= VALUES[i];
                }
            }
            return roman.toString();
        }
    }
}
