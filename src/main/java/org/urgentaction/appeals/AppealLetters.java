package org.urgentaction.appeals;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.modulith.NamedInterface;

/**
 * An appeal's letter templates, as the appeal pages need them: publishing needs the texts of the actions it offers, and staff see
 * the list. Declared here and implemented by the letters module, which depends on this one.
 */
@NamedInterface("api")
public interface AppealLetters {

    record Summary(long id, String heading, String language, String kind) {}

    List<Summary> of(long appealId);

    /** The ways to act the appeal has its text for: a letter serves post, e-mail and fax. */
    Set<ActionKind> kindsWithText(long appealId);

    /** A petition or open letter as signers read it: its title, to whom it goes, and the text. */
    record PetitionText(String title, String addressee, String body, String language) {

        /** The text's paragraphs, as separated by empty lines. */
        public List<String> paragraphs() {
            return java.util.Arrays.stream(body.strip().split("\\R\\s*\\R"))
                    .map(String::strip)
                    .toList();
        }
    }

    /** The petition's text in the reader's language, else the first there is. */
    Optional<PetitionText> petitionText(long appealId, Locale reader);
}
