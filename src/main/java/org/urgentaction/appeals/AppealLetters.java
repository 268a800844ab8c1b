package org.urgentaction.appeals;

import java.util.List;

import org.springframework.modulith.NamedInterface;

/**
 * An appeal's letter templates, as the appeal pages need them: publishing needs one, and staff see
 * the list. Declared here and implemented by the letters module, which depends on this one.
 */
@NamedInterface("api")
public interface AppealLetters {

    record Summary(long id, String heading, String language, String kind) {}

    List<Summary> of(long appealId);

    default boolean hasTemplate(long appealId) {
        return !of(appealId).isEmpty();
    }
}
