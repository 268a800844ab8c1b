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

    /** What every letter of one appeal shares. */
    private record Common(
            AppealDetails appeal,
            ActionStatistics.Tally tally,
            OrganisationSettings.Organisation organisation,
            Map<TallyLanguage, String> appealWording,
            List<String> people,
            LocalDate today) {}

    List<TallyLetter> of(AppealDetails appeal) {
        List<String> people = appeal.people().stream()
                .map(p -> p.nativeName() == null ? p.name() : p.name() + " (" + p.nativeName() + ")")
                .toList();
        Common common = new Common(
                appeal,
                statistics.tally(appeal.id()),
                settings.current(),
                settings.wordingOf(appeal.id()),
                people,
                LocalDate.now(clock));
        return appeal.targets().stream().map(target -> letter(common, target)).toList();
    }

    private TallyLetter letter(Common common, AppealDetails.TargetContact target) {
        AppealDetails appeal = common.appeal();
        Locale locale = TallyLanguage.of(target.preferredLanguage()).locale();
        String date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(locale)
                .format(common.today());
        long forOfficial = common.tally().forOfficial(target.id());
        return new TallyLetter(
                target.id(),
                TallyLanguage.of(target.preferredLanguage()).tag(),
                date,
                target.addressBlock(),
                appeal.reference(),
                appeal.title(),
                message(locale, "tally.regarding", appeal.reference(), appeal.title()),
                common.people(),
                // Verbatim: staff type the punctuation ("Your Excellency:", "Dear Director,").
                target.salutation() != null && !target.salutation().isBlank()
                        ? target.salutation().strip()
                        : message(locale, "tally.salutation.fallback"),
                paragraphs(common, target, forOfficial, date),
                // The appeal's own introduction to the demands speaks to supporters, not to officials.
                message(locale, "tally.demands"),
                appeal.demands(),
                message(locale, "tally.closing", String.join(", ", common.people())),
                signOff(common.organisation(), appeal, locale),
                forOfficial,
                common.tally().actions());
    }

    /** The appeal's wording, or the organisation's, or the built-in one, filled in for this official. */
    private List<String> paragraphs(Common common, AppealDetails.TargetContact target, long forOfficial, String date) {
        TallyLanguage language = TallyLanguage.of(target.preferredLanguage());
        Locale locale = language.locale();
        NumberFormat numbers = NumberFormat.getIntegerInstance(locale);
        ActionStatistics.Tally tally = common.tally();
        String wording = common.appealWording()
                .getOrDefault(language, common.organisation().wording(language));
        return TallyWording.fill(
                wording != null ? wording : message(locale, "tally.wording"),
                Map.of(
                        TallyWording.OFFICIAL, target.name(),
                        TallyWording.COUNT, count(locale, numbers, "tally.actions", forOfficial),
                        TallyWording.TOTAL, count(locale, numbers, "tally.actions", tally.actions()),
                        TallyWording.COUNTRIES, count(locale, numbers, "tally.countries", tally.countries()),
                        TallyWording.KINDS, kinds(tally, locale, numbers),
                        TallyWording.DATE, date,
                        TallyWording.REFERENCE, common.appeal().reference(),
                        TallyWording.PEOPLE, String.join(", ", common.people())));
    }

    /** "1,234 actions": the number in the letter's language, the noun agreeing with it. */
    private String count(Locale locale, NumberFormat numbers, String key, long count) {
        return message(locale, key, numbers.format(count), count);
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
