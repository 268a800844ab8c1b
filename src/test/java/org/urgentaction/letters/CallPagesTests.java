package org.urgentaction.letters;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import org.urgentaction.IntegrationTest;
import org.urgentaction.TestFixtures;
import org.urgentaction.actions.ReportForms;
import org.urgentaction.appeals.ActionTotals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class CallPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    ActionTotals totals;

    @Autowired
    JdbcClient jdbc;

    /** Every day but today in Beijing: the office is closed now, whatever the hour. */
    private static String everyDayButTodayInBeijing() {
        DayOfWeek today = ZonedDateTime.now(ZoneId.of("Asia/Shanghai")).getDayOfWeek();
        return Arrays.stream(DayOfWeek.values())
                .filter(day -> day != today)
                .map(DayOfWeek::name)
                .collect(Collectors.joining(","));
    }

    private long reportsOn(long appealId) {
        return jdbc.sql("select count(*) from action_report where appeal_id = ?")
                .param(appealId)
                .query(Long.class)
                .single();
    }

    @Test
    void theCallPageGivesTheNumberToDialTheTimeThereTheScriptAndVoicemail() throws Exception {
        TestFixtures.Created appeal = fixtures.published("Call me", "CN", null);
        fixtures.offerCall(appeal, everyDayButTodayInBeijing());

        mvc.perform(get("/appeals/{slug}", appeal.slug()))
                .andExpect(content().string(containsString("href=\"/appeals/" + appeal.slug() + "/call\"")));
        mvc.perform(get("/appeals/{slug}/call", appeal.slug()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                not(containsString("No phone number is on record")),
                                // Typed as dialled in China; dialled from anywhere as E.164.
                                containsString("href=\"tel:+861062381025\""),
                                containsString("Call +86 10 6238 1025"),
                                containsString("there now (Asia/Shanghai)"),
                                containsString("The office is closed now"),
                                containsString(
                                        "Hello, my name is [your name]. I am calling Official " + appeal.reference()),
                                containsString("If you reach voicemail"),
                                containsString("This is [your name], calling Official " + appeal.reference()),
                                containsString("kind=PHONE_CALL&amp;targets=" + appeal.primaryTargetId()
                                        + "&amp;outcome=VOICEMAIL"))));
    }

    @Test
    void anAppealThatOffersNoCallHasNoCallPage() throws Exception {
        TestFixtures.Created appeal = fixtures.published("Letters only", "CN", null);

        mvc.perform(get("/appeals/{slug}/call", appeal.slug())).andExpect(status().isNotFound());
        mvc.perform(get("/appeals/{slug}", appeal.slug())).andExpect(content().string(not(containsString("/call\""))));
    }

    @Test
    void onlyACallThatReachedSomeoneCountsAndAWrongNumberIsFlaggedToStaff() throws Exception {
        TestFixtures.Created appeal = fixtures.published("How did it go", "CN", null);
        fixtures.offerCall(appeal, "MONDAY");
        String target = String.valueOf(appeal.primaryTargetId());

        mvc.perform(ReportForms.report(mvc, appeal.slug())
                        .param("kind", "PHONE_CALL")
                        .param("quantity", "1")
                        .param("targetIds", target))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Say how the call went")));
        assertThat(reportsOn(appeal.id())).isZero();

        mvc.perform(ReportForms.report(mvc, appeal.slug())
                        .param("kind", "PHONE_CALL")
                        .param("outcome", "NO_ANSWER")
                        .param("quantity", "1")
                        .param("targetIds", target))
                .andExpect(redirectedUrl("/appeals/" + appeal.slug() + "/report/thanks?call=NO_ANSWER"));
        assertThat(reportsOn(appeal.id())).isZero();
        mvc.perform(get("/appeals/{slug}/report/thanks", appeal.slug()).param("call", "NO_ANSWER"))
                .andExpect(content().string(containsString("A call no one answered is not counted.")));

        mvc.perform(ReportForms.report(mvc, appeal.slug())
                        .param("kind", "PHONE_CALL")
                        .param("outcome", "VOICEMAIL")
                        .param("quantity", "1")
                        .param("targetIds", target))
                .andExpect(redirectedUrl("/appeals/" + appeal.slug() + "/report/thanks"));
        assertThat(reportsOn(appeal.id())).isEqualTo(1);
        assertThat(totals.actionsFor(appeal.id())).isEqualTo(1);
        assertThat(jdbc.sql("select call_outcome from action_report where appeal_id = ?")
                        .param(appeal.id())
                        .query(String.class)
                        .single())
                .isEqualTo("VOICEMAIL");

        var wrongNumber = ReportForms.report(mvc, appeal.slug())
                .param("kind", "PHONE_CALL")
                .param("outcome", "WRONG_NUMBER")
                .param("quantity", "1")
                .param("targetIds", target, target, target); // named thrice: still one flag
        mvc.perform(wrongNumber)
                .andExpect(redirectedUrl("/appeals/" + appeal.slug() + "/report/thanks?call=WRONG_NUMBER"));
        // The same form again (a replay meant to bury the number in complaints) flags nothing more.
        mvc.perform(wrongNumber).andExpect(status().isConflict());
        fixtures.awaitEventsDelivered();
        assertThat(totals.actionsFor(appeal.id())).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(jdbc.sql("select wrong_number_reports from target where id = ?")
                                .param(appeal.primaryTargetId())
                                .query(Integer.class)
                                .single())
                        .isEqualTo(1));
        mvc.perform(get("/admin/targets/{id}/edit", appeal.primaryTargetId())
                        .with(user("staff@example.org").roles("EDITOR")))
                .andExpect(content().string(containsString("One supporter who called said this number was wrong")));
    }
}
