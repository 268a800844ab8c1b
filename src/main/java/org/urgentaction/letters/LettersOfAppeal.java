package org.urgentaction.letters;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import org.urgentaction.appeals.ActionKind;
import org.urgentaction.appeals.AppealLetters;

@Component
class LettersOfAppeal implements AppealLetters {

    private final LetterTemplateRepository templates;

    LettersOfAppeal(LetterTemplateRepository templates) {
        this.templates = templates;
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

    @Override
    public Optional<PetitionText> petitionText(long appealId, Locale reader) {
        return templates.findByAppealIdOrderByKindAscLanguageAsc(appealId).stream()
                .filter(t -> t.getKind() == LetterKind.PETITION)
                .min(Comparator.comparing(t -> !t.locale().getLanguage().equals(reader.getLanguage())))
                .map(t -> new PetitionText(t.getHeading(), t.getSubject(), t.getBody(), t.getLanguage()));
    }
}
