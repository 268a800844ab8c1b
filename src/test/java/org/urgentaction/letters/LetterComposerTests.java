package org.urgentaction.letters;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import org.urgentaction.appeals.TargetRole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LetterComposerTests {

    private final LetterComposer composer =
            new LetterComposer(messages(), Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC));

    private final Recipient director = new Recipient(
            "t1",
            "Zhang Rui",
            "Director",
            List.of("Zhang Rui", "Director"),
            "Dear Director Zhang Rui",
            "director@example.org",
            "+86 1",
            null,
            TargetRole.PRIMARY,
            null,
            null);

    private static LetterTemplate template(String language, String subject, String body) {
        return new LetterTemplate(1L, language, LetterKind.APPEAL, "Write", subject, body);
    }

    @Test
    void fillsEveryPlaceholder() {
        Letter letter = composer.compose(
                template(
                        "en",
                        "For {recipient_name}",
                        "{salutation},\n\nWritten on {date} to {recipient_title}.\n\n{supporter_name}\n{supporter_town}"),
                director,
                new Supporter("Ann Lee", "Leeds"));

        assertThat(letter.subject()).isEqualTo("For Zhang Rui");
        assertThat(letter.body())
                .isEqualTo("Dear Director Zhang Rui,\n\nWritten on November 21, 2026 to Director.\n\nAnn Lee\nLeeds");
    }

    @Test
    void datesFollowTheTemplatesLanguage() {
        Letter letter = composer.compose(template("fr", "s", "{date}"), director, new Supporter("A", "B"));

        assertThat(letter.body()).isEqualTo("21 novembre 2026");
    }

    @Test
    void missingNameIsMarkedSoTheSupporterNoticesAndMissingTownLeavesNoBlankLine() {
        Letter letter = composer.compose(
                template("en", "s", "Yours,\n{supporter_name}\n{supporter_town}\nEnd"),
                director,
                new Supporter("  ", null));

        assertThat(letter.body()).isEqualTo("Yours,\n[Your name]\nEnd");
    }

    @Test
    void targetWithoutSalutationIsGreetedFormally() {
        Recipient noSalutation = new Recipient(
                "t2", "Xie Fang", null, List.of("Xie Fang"), " ", null, null, null, TargetRole.COPY, "US", null);

        Letter letter = composer.compose(template("en", "s", "{salutation},"), noSalutation, new Supporter("A", ""));

        assertThat(letter.body()).isEqualTo("Dear Sir or Madam,");
    }

    @Test
    void personAtRiskIsGreetedByName() {
        Recipient person = new Recipient(
                "p1",
                "Liu Ping",
                "Jiangxi Nanchang Women's Prison",
                List.of("Liu Ping"),
                null,
                null,
                null,
                null,
                null,
                null,
                null);

        Letter letter = composer.compose(template("en", "s", "{salutation},"), person, new Supporter("A", ""));

        assertThat(letter.body()).isEqualTo("Dear Liu Ping,");
    }

    @Test
    void valuesThatLookLikePlaceholdersOrRegexAreInsertedLiterally() {
        Letter letter = composer.compose(
                template("en", "s", "{supporter_name}"), director, new Supporter("$1 {date} \\ Ann", ""));

        assertThat(letter.body()).isEqualTo("$1 {date} \\ Ann");
    }

    @Test
    void mailtoLinkCarriesSubjectAndBodyWithCrlfLineBreaks() {
        Letter letter = composer.compose(
                template("en", "Free them & now", "Line one\nLine two"), director, new Supporter("A", ""));

        assertThat(letter.mailto())
                .isEqualTo(
                        "mailto:director@example.org?subject=Free%20them%20%26%20now&body=Line%20one%0D%0ALine%20two");
    }

    @Test
    void anAddressStoredWithAQueryCannotAddACopyToTheMailtoLink() {
        Recipient stored = new Recipient(
                "t4",
                "X",
                null,
                List.of("X"),
                "Dear X",
                "minister?bcc=spy@evil.example&body=hi",
                null,
                null,
                TargetRole.PRIMARY,
                null,
                null);

        String link = composer.compose(template("en", "S", "B"), stored, new Supporter("A", ""))
                .mailto();

        assertThat(link).isEqualTo("mailto:minister%3Fbcc%3Dspy@evil.example%26body%3Dhi?subject=S&body=B");
    }

    @Test
    void noMailtoWithoutAnEmailAddress() {
        Recipient byPost = new Recipient(
                "t3", "X", null, List.of("X"), "Dear X", null, null, null, TargetRole.PRIMARY, null, null);

        assertThat(composer.compose(template("en", "s", "b"), byPost, new Supporter("A", ""))
                        .mailto())
                .isNull();
    }

    @Test
    void templateRefusesUnknownPlaceholders() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> template("en", "s", "Dear {salutaton}, from {supporter_name} {town}"))
                .withMessageContaining("salutaton")
                .withMessageContaining("town");
        assertThat(Placeholders.unknownIn("{salutation} {date} {supporter_name} {supporter_town}"))
                .isEmpty();
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
