package org.urgentaction.actions;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.validation.BindingResult;

import org.urgentaction.appeals.ActionKind;
import org.urgentaction.appeals.AppealCatalog;
import org.urgentaction.appeals.AppealNotAcceptingReportsException;
import org.urgentaction.appeals.AppealNotFoundException;
import org.urgentaction.appeals.ReportableAppeal;
import org.urgentaction.web.Countries;

/**
 * Signing a petition, under the rules reports follow: a token the server issued, counted once; the
 * per-address budget (one signature takes one action's worth); only while the appeal takes reports.
 * One signature per e-mail address per petition, where one is given.
 */
@Service
class PetitionSignatures {

    /** How a signing ended, and the status the page is answered with. */
    enum Outcome {
        SIGNED(HttpStatus.FOUND),
        ALREADY_SIGNED(HttpStatus.CONFLICT),
        REFUSED(HttpStatus.BAD_REQUEST),
        EMAIL_ALREADY_SIGNED(HttpStatus.CONFLICT),
        CLOSED(HttpStatus.CONFLICT),
        LIMITED(HttpStatus.TOO_MANY_REQUESTS);

        final HttpStatus status;

        Outcome(HttpStatus status) {
            this.status = status;
        }
    }

    /** Where a petition stands: the count, the goal, the names shown, the hand-ins. */
    record Standing(long signatures, Integer goal, List<PetitionAdmin.ShownSignature> recent, List<HandIn> handIns) {

        /** How far to the goal, for the progress bar; null without a goal. */
        public Integer percent() {
            return goal == null ? null : (int) Math.min(100, signatures * 100 / goal);
        }
    }

    record HandIn(LocalDate handedInOn, String handedTo, int signatures, String note) {}

    static final int SHOWN = 20;

    private final AppealCatalog catalog;
    private final SubmissionTokens tokens;
    private final ReportRateLimit rateLimit;
    private final PetitionSigning signing;
    private final PetitionTally tally;
    private final JdbcClient jdbc;
    private final PetitionAdmin admin;

    PetitionSignatures(
            AppealCatalog catalog,
            SubmissionTokens tokens,
            ReportRateLimit rateLimit,
            PetitionSigning signing,
            PetitionTally tally,
            JdbcClient jdbc,
            PetitionAdmin admin) {
        this.catalog = catalog;
        this.tokens = tokens;
        this.rateLimit = rateLimit;
        this.signing = signing;
        this.tally = tally;
        this.jdbc = jdbc;
        this.admin = admin;
    }

    String newToken(long appealId) {
        return tokens.issue(appealId);
    }

    /** The checks in the order of their cost: the token's signature, the budget, then the database. */
    Outcome sign(String slug, SignatureForm form, BindingResult errors, String clientAddress) {
        SubmissionTokens.Checked token = tokens.check(form.getSubmissionToken());
        if (!rateLimit.allows(clientAddress, 1)) {
            return Outcome.LIMITED;
        }
        ReportableAppeal appeal = catalog.reportable(slug);
        if (!appeal.actions().contains(ActionKind.SIGNATURE)) {
            throw new AppealNotFoundException(slug + "/petition");
        }
        if (!token.valid() || token.appealId() != appeal.id()) {
            SubmissionTokens.Problem problem = token.valid() ? SubmissionTokens.Problem.OTHER_APPEAL : token.problem();
            errors.rejectValue(
                    "submissionToken", "report.token." + problem.name().toLowerCase(Locale.ROOT));
            form.setSubmissionToken(tokens.issue(appeal.id()));
            return Outcome.REFUSED;
        }
        if (!errors.hasFieldErrors("country") && form.getCountry() != null && !Countries.isKnown(form.getCountry())) {
            errors.rejectValue("country", "report.country.unknown");
        }
        if (errors.hasErrors()) {
            return Outcome.REFUSED;
        }
        try {
            appeal.ensureAcceptsReports();
        } catch (AppealNotAcceptingReportsException closed) {
            return Outcome.CLOSED;
        }
        return switch (signing.sign(appeal.id(), form, token.submissionId())) {
            case SIGNED -> Outcome.SIGNED;
            case ALREADY_SIGNED -> Outcome.ALREADY_SIGNED;
            case EMAIL_ALREADY_SIGNED -> {
                // The answer says whether an address signed: each ask costs as much as a wrong event code.
                rateLimit.allows(clientAddress, ReportController.WRONG_EVENT_CODE_COST);
                errors.rejectValue("email", "petition.email.alreadySigned");
                yield Outcome.EMAIL_ALREADY_SIGNED;
            }
        };
    }

    Standing standing(long appealId) {
        Integer goal = admin.goal(appealId);
        return new Standing(tally.of(appealId), goal, admin.shownSignatures(appealId), handIns(appealId));
    }

    List<HandIn> handIns(long appealId) {
        return jdbc.sql("""
                        select handed_in_on, handed_to, signatures, note from petition_hand_in
                        where appeal_id = :appeal order by handed_in_on, id
                        """)
                .param("appeal", appealId)
                .query((rs, n) -> new HandIn(
                        rs.getObject("handed_in_on", LocalDate.class),
                        rs.getString("handed_to"),
                        rs.getInt("signatures"),
                        rs.getString("note")))
                .list();
    }
}
