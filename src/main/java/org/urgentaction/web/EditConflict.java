package org.urgentaction.web;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.modulith.NamedInterface;
import org.springframework.ui.Model;

/**
 * Someone else saved the record while this user was editing it. Lists, field by field, where the
 * saved record now differs from what this user submitted, so they can merge by hand; their input
 * stays in the form.
 */
@NamedInterface("api")
public record EditConflict(List<Change> changes) {

    /** @param field the form field's name; the page labels it */
    public record Change(String field, Object saved, Object yours) {}

    private static final Set<String> NOT_COMPARED = Set.of("version");

    /** Compares two instances of the same form record. */
    public static <F extends Record> EditConflict between(F saved, F submitted) {
        List<Change> changes = new ArrayList<>();
        for (RecordComponent component : saved.getClass().getRecordComponents()) {
            if (NOT_COMPARED.contains(component.getName())) {
                continue;
            }
            Object savedValue = value(component, saved);
            Object yourValue = value(component, submitted);
            if (!Objects.equals(blankToNull(savedValue), blankToNull(yourValue))) {
                changes.add(new Change(component.getName(), savedValue, yourValue));
            }
        }
        return new EditConflict(changes);
    }

    /** "changed: title, deadline", for the audit trail. */
    public static <F extends Record> String describe(F before, F after) {
        return "changed: "
                + String.join(
                        ", ",
                        between(before, after).changes().stream()
                                .map(Change::field)
                                .toList());
    }

    /**
     * Puts the differences on the page, and the saved version in the form, so that saving again is
     * a deliberate merge; the page is answered with the status returned (409).
     */
    public static <F extends Record> HttpStatus show(Model model, F saved, F submitted, long savedVersion) {
        model.addAttribute("conflict", between(saved, submitted));
        model.addAttribute("savedVersion", savedVersion);
        return HttpStatus.CONFLICT;
    }

    private static Object value(RecordComponent component, Record record) {
        try {
            component.getAccessor().setAccessible(true);
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    private static Object blankToNull(Object value) {
        return value instanceof String text && text.isBlank() ? null : value;
    }
}
