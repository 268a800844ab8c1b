package org.urgentaction.appeals;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.modulith.NamedInterface;

import org.urgentaction.web.PartialDate;

import static org.urgentaction.web.Text.blankToNull;

/**
 * An appeal's own fields as staff edit them. Themes are comma-separated; demands one per line;
 * actions are the ways to act it offers. The issue date may be known to the month or year only
 * ("2014-12", "2014"); the deadline is a day.
 * {@code version} is the one the form was loaded with, so a colleague's save in between is noticed.
 */
@NamedInterface("api")
public record AppealForm(
        Long version,
        @NotBlank @Size(max = 100) String referenceCode,
        @Positive Integer followUpNumber,
        @Size(max = 100) String followUpLabel,
        @NotBlank @Size(max = 300) String title,
        @NotBlank @Pattern(regexp = "[A-Za-z]{2}") String country,
        @Size(max = 500) String themes,
        @Size(max = 300) String issuer,
        @NotBlank @Size(max = 5_000) String summary,
        @Size(max = 100_000) String background,
        @Size(max = 1_000) String demandsIntro,
        @Size(max = 20_000) String demands,
        @Size(max = 5_000) String targetNote,
        @Size(max = 5_000) String actionInstructions,
        PartialDate issuedOn,
        @Size(max = 200) String issuedPlace,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
        Set<ActionKind> actions) {

    /** A new appeal offers what most appeals do: a letter, sent by post, e-mail or fax. */
    static final Set<ActionKind> USUAL_ACTIONS = EnumSet.of(ActionKind.LETTER, ActionKind.EMAIL, ActionKind.FAX);

    public AppealForm {
        actions = actions == null ? Set.of() : Set.copyOf(actions);
    }

    static AppealForm empty() {
        return new AppealForm(
                null, "", null, null, "", "", "", "", "", "", "", "", "", "", null, null, null, USUAL_ACTIONS);
    }

    public static AppealForm of(Appeal appeal) {
        return of(appeal, appeal.getTitle());
    }

    /** The appeal's fields as its edit form has them, under another title (a follow-up's, say). */
    public static AppealForm of(Appeal appeal, String title) {
        return new AppealForm(
                appeal.getVersion(),
                appeal.getReferenceCode(),
                appeal.getFollowUpNumber(),
                appeal.getFollowUpLabel(),
                title,
                appeal.getCountry(),
                String.join(", ", appeal.getThemes()),
                appeal.getIssuer(),
                appeal.getSummary(),
                appeal.getBackground(),
                appeal.getDemandsIntro(),
                String.join("\n", appeal.getDemands()),
                appeal.getTargetNote(),
                appeal.getActionInstructions(),
                appeal.getIssued(),
                appeal.getIssuedPlace(),
                appeal.getDeadline(),
                appeal.getActions());
    }

    /** The same fields, offering other ways to act. */
    public AppealForm offering(Set<ActionKind> kinds) {
        return new AppealForm(
                version,
                referenceCode,
                followUpNumber,
                followUpLabel,
                title,
                country,
                themes,
                issuer,
                summary,
                background,
                demandsIntro,
                demands,
                targetNote,
                actionInstructions,
                issuedOn,
                issuedPlace,
                deadline,
                kinds);
    }

    Appeal newAppeal() {
        return applyTo(new Appeal(referenceCode, title, country, summary));
    }

    Appeal applyTo(Appeal appeal) {
        return appeal.describe(referenceCode, title, country, summary)
                .relabelFollowUp(followUpNumber, followUpLabel)
                .themes(split(themes, ",").toArray(String[]::new))
                .issued(blankToNull(issuer), issuedOn, blankToNull(issuedPlace))
                .background(blankToNull(background))
                .demands(blankToNull(demandsIntro), split(demands, "\\R").toArray(String[]::new))
                .targetNote(blankToNull(targetNote))
                .actionInstructions(blankToNull(actionInstructions))
                .deadline(deadline)
                .offer(actions);
    }

    private static List<String> split(String text, String separator) {
        return text == null
                ? List.of()
                : Arrays.stream(text.split(separator))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }
}
