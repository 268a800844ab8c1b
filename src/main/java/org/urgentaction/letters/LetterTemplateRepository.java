package org.urgentaction.letters;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface LetterTemplateRepository extends JpaRepository<LetterTemplate, Long> {

    List<LetterTemplate> findByAppealIdOrderByKindAscLanguageAsc(long appealId);

    /** The appeal's text of this kind in the visitor's language, else the first there is. */
    default Optional<LetterTemplate> findForVisitor(long appealId, LetterKind kind, Locale visitor) {
        return findByAppealIdOrderByKindAscLanguageAsc(appealId).stream()
                .filter(t -> t.getKind() == kind)
                .min(Comparator.comparing(t -> !t.locale().getLanguage().equals(visitor.getLanguage())));
    }
}
