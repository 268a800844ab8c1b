package org.urgentaction.letters;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.urgentaction.appeals.ActionKind;
import org.urgentaction.appeals.AppealLetters;

@Component
class LettersOfAppeal implements AppealLetters {

    private final LetterTemplateRepository templates;
    private final JdbcClient jdbc;

    LettersOfAppeal(LetterTemplateRepository templates, JdbcClient jdbc) {
        this.templates = templates;
        this.jdbc = jdbc;
    }

    @Override
    public List<Summary> of(long appealId) {
        return templates.findByAppealIdOrderByKindAscLanguageAsc(appealId).stream()
                .map(t -> new Summary(
                        t.getId(), t.getHeading(), t.getLanguage(), t.getKind().name()))
                .toList();
    }

    @Override
    public Set<ActionKind> kindsWithText(long appealId) {
        Set<ActionKind> kinds = EnumSet.noneOf(ActionKind.class);
        templates
                .findByAppealIdOrderByKindAscLanguageAsc(appealId)
                .forEach(t -> kinds.addAll(t.getKind().actions()));
        return kinds;
    }

    /**
     * Plain SQL, and only the petition's texts: every signer opens this page, and loading all the
     * appeal's templates as entities cost more than the page's other queries together (bench/results/petition.txt).
     */
    @Override
    public Optional<PetitionText> petitionText(long appealId, Locale reader) {
        return jdbc
                .sql("""
                        select heading, subject, body, language from letter_template
                        where appeal_id = :appeal and kind = 'PETITION' order by language
                        """)
                .param("appeal", appealId)
                .query((rs, n) -> new PetitionText(
                        rs.getString("heading"),
                        rs.getString("subject"),
                        rs.getString("body"),
                        rs.getString("language")))
                .list()
                .stream()
                .min(Comparator.comparing(
                        t -> !Locale.forLanguageTag(t.language()).getLanguage().equals(reader.getLanguage())));
    }
}
