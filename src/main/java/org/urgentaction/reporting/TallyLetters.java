package org.urgentaction.reporting;

import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import org.urgentaction.appeals.AppealDetails;

/**
 * Writes the tally letters of an appeal, one per official, each in the official's preferred
 * language when it is English or French (else English): the actions that concerned that official,
 * the appeal's total beside them, in the appeal's or else the organisation's wording, signed off
 * with the organisation's name, signatory and address.
 */
@Component
class TallyLetters {

    private final ActionStatistics statistics;
    private final OrganisationSettings settings;
    private final MessageSource messages;
    private final Clock clock;

    TallyLetters(ActionStatistics statistics, OrganisationSettings settings, MessageSource messages, Clock clock) {
        this.statistics = statistics;
        this.settings = settings;
        this.messages = messages;
        this.clock = clock;
    }

    List<TallyLetter> of(AppealDetails appeal) {
        ActionStatistics.Tally tally = statistics.tally(appeal.id());
        OrganisationSettings.Organisation organisation = settings.current();
        Map<TallyLanguage, String> appealWording = settings.wordingOf(appeal.id());
        LocalDate today = LocalDate.now(clock);
        List<String> people = appeal.people().stream()
                .map(p -> p.nativeName() == null ? p.name() : p.name() + " (" + p.nativeName() + ")")
                .toList();
        return appeal.targets().stream()
                .map(target -> {
                    TallyLanguage language = TallyLanguage.of(target.preferredLanguage());
                    Locale locale = language.locale();
                    NumberFormat numbers = NumberFormat.getIntegerInstance(locale);
                    String date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                            .withLocale(locale)
                            .format(today);
                    long forOfficial = tally.forOfficial(target.id());
                    String wording = appealWording.getOrDefault(language, organisation.wording(language));
                    List<String> paragraphs = TallyWording.fill(
                            wording != null ? wording : message(locale, "tally.wording"),
                            Map.of(
                                    TallyWording.OFFICIAL, target.name(),
                                    TallyWording.COUNT,
                                            message(locale, "tally.actions", numbers.format(forOfficial), forOfficial),
                                    TallyWording.TOTAL,
                                            message(
                                                    locale,
                                                    "tally.actions",
                                                    numbers.format(tally.actions()),
                                                    tally.actions()),
                                    TallyWording.COUNTRIES,
                                            message(
                                                    locale,
                                                    "tally.countries",
                                                    numbers.format(tally.countries()),
                                                    tally.countries()),
                                    TallyWording.KINDS, kinds(tally, locale, numbers),
                                    TallyWording.DATE, date,
                                    TallyWording.REFERENCE, appeal.reference(),
                                    TallyWording.PEOPLE, String.join(", ", people)));
                    return new TallyLetter(
                            target.id(),
                            language.tag(),
                            date,
                            target.addressBlock(),
                            appeal.reference(),
                            appeal.title(),
                            message(locale, "tally.regarding", appeal.reference(), appeal.title()),
                            people,
                            // Verbatim: staff type the punctuation ("Your Excellency:", "Dear Director,").
                            target.salutation() != null && !target.salutation().isBlank()
                                    ? target.salutation().strip()
                                    : message(locale, "tally.salutation.fallback"),
                            paragraphs,
                            // The appeal's own introduction to the demands speaks to supporters, not to officials.
                            message(locale, "tally.demands"),
                            appeal.demands(),
                            message(locale, "tally.closing", String.join(", ", people)),
                            signOff(organisation, appeal, locale),
                            forOfficial,
                            tally.actions());
                })
                .toList();
    }

    /** "280 letters, 40 e-mails, 20 phone calls"; empty when there are none. */
    private String kinds(ActionStatistics.Tally tally, Locale locale, NumberFormat numbers) {
        return String.join(
                ", ",
                tally.byKind().stream()
                        .map(kind -> numbers.format(kind.actions()) + " "
                                + message(locale, "tally.kind." + kind.key(), kind.actions()))
                        .toList());
    }

    private List<String> signOff(OrganisationSettings.Organisation organisation, AppealDetails appeal, Locale locale) {
        List<String> lines = new ArrayList<>();
        lines.add(message(locale, "tally.yours"));
        if (organisation.signatory() != null && !organisation.signatory().isBlank()) {
            lines.add(organisation.signatory().strip());
        }
        String name = organisation.name() != null && !organisation.name().isBlank()
                ? organisation.name().strip()
                : appeal.issuer() != null ? appeal.issuer() : message(locale, "app.name");
        lines.add(name);
        if (organisation.address() != null) {
            organisation
                    .address()
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty())
                    .forEach(lines::add);
        }
        return lines;
    }

    private String message(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
