package org.urgentaction.reporting;

import java.util.ArrayList;
import java.util.List;

/**
 * The letter that tells an official how many people acted. Built only from the appeal and totals:
 * it never carries anything about a single supporter.
 *
 * @param language    the letter's language tag (en, fr)
 * @param salutation  exactly as staff typed it, with its own punctuation ("Your Excellency:")
 * @param wording     the paragraphs of the tally wording, placeholders filled in
 * @param signOff     signatory, organisation and its address, one line each
 * @param forOfficial actions whose report named this official (messages of solidarity never do)
 * @param inAll       actions on the appeal, messages of solidarity left out
 */
public record TallyLetter(
        long targetId,
        String language,
        String date,
        List<String> addressBlock,
        String reference,
        String title,
        String regarding,
        List<String> people,
        String salutation,
        List<String> wording,
        String demandsIntro,
        List<String> demands,
        String closing,
        List<String> signOff,
        long forOfficial,
        long inAll) {

    /** The paragraphs in reading order, for the PDF; lines of one paragraph are joined by new lines. */
    List<String> paragraphs() {
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(salutation);
        paragraphs.addAll(wording);
        if (!demands.isEmpty()) {
            paragraphs.add(demandsIntro);
            for (int i = 0; i < demands.size(); i++) {
                paragraphs.add(Roman.of(i + 1) + ". " + demands.get(i));
            }
        }
        paragraphs.add(closing);
        paragraphs.add(String.join("\n", signOff));
        return paragraphs;
    }

    /** Demands are numbered i., ii., iii. as in the appeals. */
    static final class Roman {

        private static final int[] VALUES = {10, 9, 5, 4, 1};
        private static final String[] NUMERALS = {"x", "ix", "v", "iv", "i"};

        private Roman() {}

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
