package org.urgentaction.letters;

import java.util.List;

import org.springframework.stereotype.Component;

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
}
