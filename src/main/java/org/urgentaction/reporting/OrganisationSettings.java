package org.urgentaction.reporting;

import java.sql.Types;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.urgentaction.audit.AuditLog;
import org.urgentaction.web.EditConflict;
import org.urgentaction.web.StaleEditException;

/** The organisation's sign-off and tally wording (one row), and each appeal's own wording. */
@Component
class OrganisationSettings {

    /**
     * @param wordingEn null: the built-in English wording
     * @param wordingFr null: the built-in French wording
     */
    record Organisation(
            String name,
            String signatory,
            String address,
            PaperSize paperSize,
            String wordingEn,
            String wordingFr,
            long version) {

        String wording(TallyLanguage language) {
            return language == TallyLanguage.FR ? wordingFr : wordingEn;
        }
    }

    static final String SUBJECT = "organisation";
    // The settings are one row; the audit trail still wants an id for it.
    static final long SUBJECT_ID = 1;

    private final JdbcClient jdbc;
    private final AuditLog audit;

    OrganisationSettings(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** @throws StaleEditException when someone else saved since the form was filled in */
    @Transactional
    void update(OrganisationForm form) {
        OrganisationForm before = OrganisationForm.of(current());
        save(form.toOrganisation(), form.version());
        audit.record(
                "organisation.updated",
                SUBJECT,
                SUBJECT_ID,
                EditConflict.describe(before, OrganisationForm.of(current())));
    }

    /** The appeal's own tally wording; blank: the organisation's. */
    @Transactional
    void reword(long appealId, String wordingEn, String wordingFr) {
        Map<TallyLanguage, String> before = wordingOf(appealId);
        saveWording(appealId, TallyLanguage.EN, wordingEn);
        saveWording(appealId, TallyLanguage.FR, wordingFr);
        Map<TallyLanguage, String> after = wordingOf(appealId);
        List<String> changed = Arrays.stream(TallyLanguage.values())
                .filter(language -> !Objects.equals(before.get(language), after.get(language)))
                .map(TallyLanguage::tag)
                .toList();
        audit.record("appeal.tallyWording.updated", "appeal", appealId, "changed: " + String.join(", ", changed));
    }

    @Transactional(readOnly = true)
    Organisation current() {
        return jdbc.sql("select name, signatory, address, paper_size, tally_wording_en, tally_wording_fr, version "
                        + "from organisation_settings")
                .query((rs, n) -> new Organisation(
                        rs.getString("name"),
                        rs.getString("signatory"),
                        rs.getString("address"),
                        PaperSize.valueOf(rs.getString("paper_size")),
                        rs.getString("tally_wording_en"),
                        rs.getString("tally_wording_fr"),
                        rs.getLong("version")))
                .single();
    }

    /**
     * Saves a new version of the settings.
     *
     * @throws StaleEditException when they were saved by someone else since {@code basedOn} was read
     */
    private void save(Organisation changed, Long basedOn) {
        int updated = jdbc.sql("""
                        update organisation_settings set name = :name, signatory = :signatory, address = :address,
                            paper_size = :paper, tally_wording_en = :en, tally_wording_fr = :fr, version = version + 1
                        where version = :version
                        """)
                .param("name", changed.name(), Types.VARCHAR)
                .param("signatory", changed.signatory(), Types.VARCHAR)
                .param("address", changed.address(), Types.VARCHAR)
                .param("paper", changed.paperSize().name())
                .param("en", changed.wordingEn(), Types.VARCHAR)
                .param("fr", changed.wordingFr(), Types.VARCHAR)
                .param("version", basedOn == null ? -1 : basedOn)
                .update();
        if (updated == 0) {
            throw new StaleEditException();
        }
    }

    /** The appeal's own wording by language (en, fr); a language it has none for is absent. */
    @Transactional(readOnly = true)
    Map<TallyLanguage, String> wordingOf(long appealId) {
        Map<TallyLanguage, String> wording = new HashMap<>();
        jdbc.sql("select language, wording from appeal_tally_wording where appeal_id = ?")
                .param(appealId)
                .query(rs -> {
                    wording.put(TallyLanguage.of(rs.getString("language")), rs.getString("wording"));
                });
        return wording;
    }

    /** @param wording null or blank: the organisation's wording for that language */
    private void saveWording(long appealId, TallyLanguage language, String wording) {
        if (wording == null || wording.isBlank()) {
            jdbc.sql("delete from appeal_tally_wording where appeal_id = ? and language = ?")
                    .param(appealId)
                    .param(language.tag())
                    .update();
            return;
        }
        jdbc.sql("""
                        insert into appeal_tally_wording (appeal_id, language, wording) values (:appeal, :language, :wording)
                        on conflict (appeal_id, language) do update set wording = excluded.wording
                        """)
                .param("appeal", appealId)
                .param("language", language.tag())
                .param("wording", wording)
                .update();
    }
}
