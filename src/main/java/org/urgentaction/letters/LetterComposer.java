package org.urgentaction.letters;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import org.urgentaction.appeals.AppealDetails;

/** Turns an appeal's template into one letter per chosen recipient. Stores nothing. */
@Component
public class LetterComposer {

    private final MessageSource messages;
    private final Clock clock;

    LetterComposer(MessageSource messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    /** Targets for a letter to officials (primary first, then copies); people with an address for solidarity. */
    public List<Recipient> recipientsFor(AppealDetails appeal, LetterKind kind) {
        if (kind == LetterKind.SOLIDARITY) {
            return appeal.people().stream()
                    .filter(AppealDetails.Person::canReceiveMail)
                    .map(Recipient::of)
                    .toList();
        }
        return java.util.stream.Stream.concat(appeal.primaryTargets().stream(), appeal.copyTargets().stream())
                .map(Recipient::of)
                .toList();
    }

    public Optional<Recipient> recipient(AppealDetails appeal, LetterKind kind, String key) {
        return recipientsFor(appeal, kind).stream()
                .filter(r -> r.key().equals(key))
                .findFirst();
    }

    public Letter compose(LetterTemplate template, Recipient recipient, Supporter supporter) {
        Map<String, String> values = valuesFor(template, recipient, supporter);
        return new Letter(
                recipient.key(),
                recipient.name(),
                recipient.addressBlock(),
                recipient.email(),
                recipient.fax(),
                recipient.phone(),
                Placeholders.fill(template.getSubject(), values),
                Placeholders.fill(template.getBody(), values));
    }

    /** Any other text of the template (what to say to voicemail) with the same values. */
    String fill(String text, LetterTemplate template, Recipient recipient, Supporter supporter) {
        return Placeholders.fill(text, valuesFor(template, recipient, supporter));
    }

    private Map<String, String> valuesFor(LetterTemplate template, Recipient recipient, Supporter supporter) {
        Locale language = template.locale();
        Map<String, String> values = new HashMap<>();
        values.put(Placeholders.SALUTATION, salutation(recipient, language));
        values.put(
                Placeholders.SUPPORTER_NAME,
                supporter.name().isEmpty()
                        ? messages.getMessage("letter.missing.name", null, language)
                        : supporter.name());
        values.put(Placeholders.SUPPORTER_TOWN, supporter.town());
        values.put(Placeholders.DATE, dateIn(language));
        values.put(Placeholders.RECIPIENT_NAME, recipient.name());
        values.put(Placeholders.RECIPIENT_TITLE, recipient.detail() == null ? "" : recipient.detail());
        values.put(Placeholders.RECIPIENT_HANDLE, recipient.socialHandle() == null ? "" : recipient.socialHandle());
        return values;
    }

    public String dateIn(Locale language) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(language)
                .format(LocalDate.now(clock));
    }

    private String salutation(Recipient recipient, Locale language) {
        if (recipient.salutation() != null && !recipient.salutation().isBlank()) {
            return recipient.salutation();
        }
        if (recipient.isPerson()) {
            return messages.getMessage("letter.salutation.person", new Object[] {recipient.name()}, language);
        }
        return messages.getMessage("letter.salutation.fallback", null, language);
    }
}
