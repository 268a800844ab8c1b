package org.urgentaction.letters;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.modulith.NamedInterface;

import static org.urgentaction.web.Text.blankToNull;

/** A letter template as staff edit it. {@code version} is the one the form was loaded with. */
@NamedInterface("api")
public record TemplateForm(
        Long version,

        @NotBlank @Pattern(regexp = "[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")
        String language,

        @NotNull LetterKind kind,
        @NotBlank @Size(max = 300) String heading,
        @Size(max = 5_000) String guidance,
        @Size(max = 300) String subject,
        @NotBlank @Size(max = 20_000) String body,
        @Size(max = 5_000) String voicemail) {

    /** A letter or message needs a subject, a petition its addressee; a call script or posts have none. */
    @AssertTrue
    public boolean isSubjectGiven() {
        return kind == null || !kind.needsSubject() || (subject != null && !subject.isBlank());
    }

    /** The salutation is printed as the target has it, with its own punctuation: none is added here. */
    static TemplateForm empty() {
        return new TemplateForm(
                null,
                "en",
                LetterKind.APPEAL,
                "",
                "",
                "",
                "{salutation}\n\n\n\nYours sincerely,\n\n{supporter_name}\n{supporter_town}",
                "");
    }

    static TemplateForm of(LetterTemplate template) {
        return new TemplateForm(
                template.getVersion(),
                template.getLanguage(),
                template.getKind(),
                template.getHeading(),
                template.getGuidance(),
                template.getSubject(),
                template.getBody(),
                template.getVoicemail());
    }

    LetterTemplate newTemplate(long appealId) {
        return new LetterTemplate(appealId, language, kind, heading, subject, body)
                .guidance(blankToNull(guidance))
                .voicemail(kind == LetterKind.CALL ? blankToNull(voicemail) : null);
    }

    LetterTemplate applyTo(LetterTemplate template) {
        return template.revise(language, kind, heading, subject, body)
                .guidance(blankToNull(guidance))
                .voicemail(kind == LetterKind.CALL ? blankToNull(voicemail) : null);
    }
}
