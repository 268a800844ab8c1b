package org.urgentaction.letters;

import java.util.Locale;
import java.util.Set;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import org.springframework.modulith.NamedInterface;

import org.urgentaction.audit.Versioned;

/** The sample letter of an appeal, in one language, of one kind, with {placeholders}. */
@NamedInterface("api")
@Entity
public class LetterTemplate implements Versioned {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long appealId;

    /** BCP 47 tag: "en", "fr", "zh-Hans". */
    private String language;

    @Enumerated(EnumType.STRING)
    private LetterKind kind;

    /** "Write to the Chinese President". */
    private String heading;

    /** What to say, for supporters who write in their own words. */
    private String guidance;

    private String subject;
    private String body;

    /** For a call script: what to say when the call goes to voicemail. */
    private String voicemail;

    @Version
    private long version;

    protected LetterTemplate() {}

    public LetterTemplate(
            long appealId, String language, LetterKind kind, String heading, String subject, String body) {
        this.appealId = appealId;
        revise(language, kind, heading, subject, body);
    }

    public LetterTemplate revise(String language, LetterKind kind, String heading, String subject, String body) {
        Set<String> unknown = Placeholders.unknownIn(subject + "\n" + body);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown placeholders: " + unknown);
        }
        this.language = Locale.forLanguageTag(language).toLanguageTag();
        this.kind = kind;
        this.heading = heading;
        this.subject = subject == null ? "" : subject;
        this.body = body;
        return this;
    }

    public LetterTemplate voicemail(String voicemail) {
        Set<String> unknown = Placeholders.unknownIn(voicemail == null ? "" : voicemail);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown placeholders: " + unknown);
        }
        this.voicemail = voicemail;
        return this;
    }

    public LetterTemplate guidance(String guidance) {
        this.guidance = guidance;
        return this;
    }

    public Locale locale() {
        return Locale.forLanguageTag(language);
    }

    public Long getId() {
        return id;
    }

    public Long getAppealId() {
        return appealId;
    }

    public String getLanguage() {
        return language;
    }

    public LetterKind getKind() {
        return kind;
    }

    public String getHeading() {
        return heading;
    }

    public String getGuidance() {
        return guidance;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public String getVoicemail() {
        return voicemail;
    }

    public long getVersion() {
        return version;
    }
}
