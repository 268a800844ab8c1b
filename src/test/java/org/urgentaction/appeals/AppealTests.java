package org.urgentaction.appeals;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppealTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    // Officials by their id in the directory.
    private static final long DIRECTOR = 1;
    private static final long EMBASSY = 2;

    private static final java.util.Set<ActionKind> LETTERS =
            java.util.EnumSet.of(ActionKind.LETTER, ActionKind.EMAIL, ActionKind.FAX);

    private static Appeal appeal() {
        return new Appeal("UA 44.22", "Two activists", "cn", "Summary");
    }

    @Test
    void refusesToPublishWithoutAPrimaryTarget() {
        Appeal appeal = appeal().addTarget(EMBASSY, TargetRole.COPY);

        assertThatThrownBy(() -> appeal.offer(LETTERS).publish(LETTERS))
                .isInstanceOf(AppealRuleException.class)
                .hasMessage("appeal.rule.publishNeedsPrimaryTarget");
        assertThat(appeal.getStatus()).isEqualTo(AppealStatus.DRAFT);
    }

    @Test
    void publishingNeedsAWayToActAndTheTextOfEachOffered() {
        Appeal appeal = appeal().addTarget(DIRECTOR, TargetRole.PRIMARY);

        assertThatThrownBy(() -> appeal.publish(LETTERS)).hasMessage("appeal.rule.publishNeedsAction");
        appeal.offer(java.util.EnumSet.of(ActionKind.LETTER, ActionKind.PHONE_CALL));
        // A letter template but no call script.
        assertThatThrownBy(() -> appeal.publish(LETTERS)).hasMessage("appeal.rule.publishNeedsTemplate");
        assertThat(appeal.getStatus()).isEqualTo(AppealStatus.DRAFT);
        appeal.publish(java.util.EnumSet.of(ActionKind.LETTER, ActionKind.EMAIL, ActionKind.PHONE_CALL));
        assertThat(appeal.getStatus()).isEqualTo(AppealStatus.PUBLISHED);
    }

    @Test
    void closingNeedsAnOutcome() {
        Appeal appeal =
                appeal().addTarget(DIRECTOR, TargetRole.PRIMARY).offer(LETTERS).publish(LETTERS);

        assertThatThrownBy(() -> appeal.close(null, null, TODAY)).isInstanceOf(AppealRuleException.class);
        appeal.close(Outcome.RELEASED, "Released on bail", TODAY);
        assertThat(appeal.deadlineStateOn(TODAY))
                .isEqualTo(new DeadlineState(DeadlineState.Kind.CLOSED, 0, Outcome.RELEASED));
    }

    @Test
    void aClosedAppealOrOnePastItsDeadlineTakesNoReports() {
        Appeal open = appeal().addTarget(DIRECTOR, TargetRole.PRIMARY)
                .deadline(TODAY)
                .offer(LETTERS)
                .publish(LETTERS);
        reportable(open, TODAY).ensureAcceptsReports();

        assertThatThrownBy(() -> reportable(open, TODAY.plusDays(1)).ensureAcceptsReports())
                .isInstanceOf(AppealNotAcceptingReportsException.class);
        open.close(Outcome.NO_CHANGE, null, TODAY);
        assertThatThrownBy(() -> reportable(open, TODAY).ensureAcceptsReports())
                .isInstanceOf(AppealNotAcceptingReportsException.class);
    }

    @Test
    void aDraftTakesNoReports() {
        assertThatThrownBy(() -> reportable(appeal(), TODAY).ensureAcceptsReports())
                .isInstanceOf(AppealNotAcceptingReportsException.class);
    }

    /** What the report form reads of an appeal (AppealCatalog.reportable), on a given day. */
    private static ReportableAppeal reportable(Appeal appeal, LocalDate today) {
        return new ReportableAppeal(1, appeal.deadlineStateOn(today), java.util.Set.of(), appeal.getActions());
    }

    @Test
    void deadlineStateCountsDaysLeftAndKnowsNoEndDate() {
        Appeal appeal =
                appeal().addTarget(DIRECTOR, TargetRole.PRIMARY).offer(LETTERS).publish(LETTERS);

        assertThat(appeal.deadlineStateOn(TODAY).kind()).isEqualTo(DeadlineState.Kind.NO_END_DATE);
        appeal.deadline(TODAY.plusDays(12));
        assertThat(appeal.deadlineStateOn(TODAY)).isEqualTo(new DeadlineState(DeadlineState.Kind.OPEN_UNTIL, 12, null));
        assertThat(appeal.deadlineStateOn(TODAY.plusDays(13)).kind()).isEqualTo(DeadlineState.Kind.PASSED);
    }

    @Test
    void theSameTargetCannotBeListedTwice() {
        Appeal appeal = appeal().addTarget(DIRECTOR, TargetRole.PRIMARY);

        assertThatThrownBy(() -> appeal.addTarget(DIRECTOR, TargetRole.COPY))
                .isInstanceOf(AppealRuleException.class)
                .hasMessage("appeal.rule.targetAlreadyOn");
    }

    @Test
    void followUpIsQuotedByItsOwnReferenceAndGetsItsOwnSlug() {
        Appeal followUp = appeal().followUpNumber(2, "Second UA 44.22");

        assertThat(followUp.displayReference()).isEqualTo("Second UA 44.22");
        assertThat(followUp.getReferenceCode()).isEqualTo("UA 44.22");
        assertThat(followUp.getSlug()).isEqualTo("second-ua-44-22-two-activists");
        assertThat(followUp.getCountry()).isEqualTo("CN");
    }

    @Test
    void resourceLinksMustBeWebAddresses() {
        assertThat(AppealResource.link("PDF", "https://example.org/a.pdf").getUrl())
                .isEqualTo("https://example.org/a.pdf");
        for (String unsafe :
                new String[] {"javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "//evil", "ftp://x"}) {
            assertThatIllegalArgumentException().isThrownBy(() -> AppealResource.link("x", unsafe));
        }
    }

    @Test
    void slugsAreAsciiAndBounded() {
        assertThat(Slugs.of("CHN 002 / 0505 / OBS 028 Élan 黄雪琴")).isEqualTo("chn-002-0505-obs-028-elan");
        assertThat(Slugs.of("黄雪琴")).isEqualTo("appeal");
        assertThat(Slugs.of("a ".repeat(100))).hasSizeLessThanOrEqualTo(80).doesNotEndWith("-");
    }
}
