package org.urgentaction.reporting;

import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import org.urgentaction.appeals.AppealDetails;

/** Writes the tally letters of an appeal, one per target, in English. */
@Component
class TallyLetters {

    private static final Locale LANGUAGE = Locale.UK;

    private final ActionStatistics statistics;
    private final MessageSource messages;
    private final Clock clock;

    TallyLetters(ActionStatistics statistics, MessageSource messages, Clock clock) {
        this.statistics = statistics;
        this.messages = messages;
        this.clock = clock;
    }

    List<TallyLetter> of(AppealDetails appeal) {
        ActionStatistics.Tally tally = statistics.tally(appeal.id());
        LocalDate today = LocalDate.now(clock);
        String date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(LANGUAGE).format(today);
        NumberFormat numbers = NumberFormat.getIntegerInstance(LANGUAGE);
        String kinds = String.join(", ", tally.byKind().stream()
                .map(kind -> numbers.format(kind.actions()) + " " + message("tally.kind." + kind.key(), kind.actions()))
                .toList());
        String count = message("tally.count", date, numbers.format(tally.actions()), tally.actions(),
                numbers.format(tally.countries()), tally.countries(), kinds.isEmpty() ? "" : " (" + kinds + ")");
        List<String> people = appeal.people().stream()
                .map(p -> p.nativeName() == null ? p.name() : p.name() + " (" + p.nativeName() + ")").toList();
        String signature = appeal.issuer() != null ? appeal.issuer() : message("app.name");
        return appeal.targets().stream().map(target -> new TallyLetter(target.id(), date, target.addressBlock(),
                appeal.reference(), appeal.title(), people,
                target.salutation() != null && !target.salutation().isBlank() ? target.salutation()
                        : message("letter.salutation.fallback"),
                // The appeal's own introduction to the demands speaks to supporters, not to officials.
                count, message("tally.demands"),
                appeal.demands(), message("tally.closing", String.join(", ", people)), signature)).toList();
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, LANGUAGE);
    }
}
