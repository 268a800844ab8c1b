package org.urgentaction.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import org.urgentaction.IntegrationTest;
import org.urgentaction.TestFixtures;
import org.urgentaction.accounts.Role;
import org.urgentaction.accounts.StaffAccounts;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Every /admin URL, for anonymous visitors and each role. The list below is the access policy; a
 * new endpoint that is not in it fails {@link #everyAdminEndpointIsInThePolicy()}.
 */
@IntegrationTest
class AdminAccessTests {

    private static final Set<Role> ALL = Set.of(Role.EDITOR, Role.ORGANISER, Role.ADMIN);
    private static final Set<Role> EDITORS = Set.of(Role.EDITOR, Role.ADMIN);
    private static final Set<Role> ADMINS = Set.of(Role.ADMIN);
    private static final Set<Role> COUNTS = Set.of(Role.ORGANISER, Role.ADMIN);

    /** "METHOD pattern" → the roles allowed. */
    private static final Map<String, Set<Role>> POLICY = Map.ofEntries(
            entry("GET /admin", ALL),
            entry("GET /admin/appeals", ALL),
            entry("GET /admin/appeals/new", EDITORS),
            entry("POST /admin/appeals", EDITORS),
            entry("GET /admin/appeals/{id}", ALL),
            entry("GET /admin/appeals/{id}/preview", ALL),
            entry("GET /admin/appeals/{id}/edit", EDITORS),
            entry("POST /admin/appeals/{id}", EDITORS),
            entry("POST /admin/appeals/{id}/publish", EDITORS),
            entry("POST /admin/appeals/{id}/close", EDITORS),
            entry("POST /admin/appeals/{id}/reopen", ADMINS),
            entry("POST /admin/appeals/{id}/follow-up", EDITORS),
            entry("GET /admin/appeals/{id}/people/new", EDITORS),
            entry("POST /admin/appeals/{id}/people", EDITORS),
            entry("GET /admin/appeals/{id}/people/{personId}/edit", EDITORS),
            entry("POST /admin/appeals/{id}/people/{personId}", EDITORS),
            entry("POST /admin/appeals/{id}/people/{personId}/delete", EDITORS),
            entry("POST /admin/appeals/{id}/targets", EDITORS),
            entry("POST /admin/appeals/{id}/targets/create", EDITORS),
            entry("POST /admin/appeals/{id}/targets/{targetId}/delete", EDITORS),
            entry("POST /admin/appeals/{id}/targets/{targetId}/move", EDITORS),
            entry("POST /admin/appeals/{id}/updates", EDITORS),
            entry("POST /admin/appeals/{id}/updates/{updateId}/delete", EDITORS),
            entry("POST /admin/appeals/{id}/resources", EDITORS),
            entry("POST /admin/appeals/{id}/resources/{resourceId}/delete", EDITORS),
            entry("GET /admin/appeals/{appealId}/templates/new", EDITORS),
            entry("POST /admin/appeals/{appealId}/templates", EDITORS),
            entry("GET /admin/templates/{id}/edit", ALL),
            entry("POST /admin/templates/{id}", EDITORS),
            entry("GET /admin/targets", ALL),
            entry("GET /admin/targets/new", EDITORS),
            entry("POST /admin/targets", EDITORS),
            entry("GET /admin/targets/{id}/edit", ALL),
            entry("POST /admin/targets/{id}", EDITORS),
            entry("GET /admin/events", ALL),
            entry("GET /admin/events/new", EDITORS),
            entry("POST /admin/events", EDITORS),
            entry("GET /admin/events/{id}", ALL),
            entry("POST /admin/events/{id}", EDITORS),
            entry("POST /admin/events/{id}/publish", EDITORS),
            entry("POST /admin/events/{id}/unpublish", EDITORS),
            entry("POST /admin/events/{id}/event-codes", COUNTS),
            entry("GET /admin/dashboard", COUNTS),
            entry("GET /admin/dashboard/appeals/{id}", COUNTS),
            entry("GET /admin/exports/counts.csv", COUNTS),
            entry("GET /admin/exports/counts.json", COUNTS),
            entry("GET /admin/exports/reports.csv", COUNTS),
            entry("GET /admin/appeals/{id}/tally", COUNTS),
            entry("GET /admin/appeals/{id}/tally/{targetId}.pdf", COUNTS),
            entry("GET /admin/appeals/{id}/tally/wording", COUNTS),
            entry("POST /admin/appeals/{id}/tally/wording", COUNTS),
            entry("GET /admin/organisation", ADMINS),
            entry("POST /admin/organisation", ADMINS),
            entry("GET /admin/appeals/{id}/reports", COUNTS),
            entry("POST /admin/appeals/{id}/reports/{reportId}/approve", COUNTS),
            entry("POST /admin/appeals/{id}/reports/{reportId}/reject", COUNTS),
            entry("POST /admin/appeals/{id}/reports/{reportId}/void", COUNTS),
            entry("POST /admin/appeals/{id}/reports/{reportId}/restore", COUNTS),
            entry("POST /admin/appeals/{id}/reports/threshold", COUNTS),
            entry("POST /admin/appeals/{id}/event-codes", COUNTS),
            entry("POST /admin/appeals/{id}/event-codes/{codeId}/revoke", COUNTS),
            entry("GET /admin/post-times", EDITORS),
            entry("POST /admin/post-times", EDITORS),
            entry("POST /admin/post-times/{country}/remove", EDITORS),
            entry("GET /admin/appeals/{id}/petition", COUNTS),
            entry("GET /admin/appeals/{id}/petition/signers.csv", ADMINS),
            entry("POST /admin/appeals/{id}/petition/goal", COUNTS),
            entry("POST /admin/appeals/{id}/petition/paper-batches", COUNTS),
            entry("POST /admin/appeals/{id}/petition/hand-ins", COUNTS),
            entry("POST /admin/appeals/{id}/petition/signatures/{reportId}/void", COUNTS),
            entry("GET /admin/accounts", ADMINS),
            entry("GET /admin/accounts/new", ADMINS),
            entry("POST /admin/accounts", ADMINS),
            entry("GET /admin/accounts/{id}/edit", ADMINS),
            entry("POST /admin/accounts/{id}", ADMINS),
            entry("POST /admin/accounts/{id}/reset-password", ADMINS),
            entry("POST /admin/accounts/{id}/reset-second-factor", ADMINS),
            entry("GET /admin/security", ADMINS),
            entry("POST /admin/security", ADMINS),
            entry("GET /admin/account/password", ALL),
            entry("POST /admin/account/password", ALL),
            entry("GET /admin/account/second-factor", ALL),
            entry("POST /admin/account/second-factor", ALL),
            entry("POST /admin/account/second-factor/recovery-codes", ALL));

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    StaffAccounts staff;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyAdminEndpointIsInThePolicy() {
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods()
                .keySet()
                .forEach(info -> info.getPatternValues().stream()
                        .filter(pattern -> pattern.equals("/admin") || pattern.startsWith("/admin/"))
                        .forEach(pattern -> info.getMethodsCondition()
                                .getMethods()
                                .forEach(method -> mapped.add(method.name() + " " + pattern))));

        assertThat(mapped).as("every /admin endpoint needs a line in POLICY").isEqualTo(new TreeSet<>(POLICY.keySet()));
    }

    @TestFactory
    Stream<DynamicTest> eachRoleGetsExactlyWhatThePolicyAllows() {
        List<DynamicTest> tests = new ArrayList<>();
        POLICY.forEach((endpoint, allowed) -> {
            tests.add(DynamicTest.dynamicTest("anonymous: " + endpoint, () -> {
                int status = perform(endpoint, null, true);
                assertThat(status)
                        .as("anonymous %s is sent to log in", endpoint)
                        .isEqualTo(302);
            }));
            for (Role role : Role.values()) {
                tests.add(DynamicTest.dynamicTest(role + ": " + endpoint, () -> {
                    int status = perform(endpoint, role, true);
                    if (allowed.contains(role)) {
                        assertThat(status)
                                .as("%s may use %s", role, endpoint)
                                .isNotEqualTo(403)
                                .isLessThan(500);
                    } else {
                        assertThat(status)
                                .as("%s may not use %s", role, endpoint)
                                .isEqualTo(403);
                    }
                }));
            }
        });
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyStateChangeWithoutACsrfTokenIsRefused() {
        return POLICY.keySet().stream()
                .filter(endpoint -> endpoint.startsWith("POST"))
                .map(endpoint -> DynamicTest.dynamicTest(
                        endpoint,
                        () -> assertThat(perform(endpoint, Role.ADMIN, false)).isEqualTo(403)));
    }

    @Test
    void publicFormsWithoutACsrfTokenAreRefusedToo() throws Exception {
        TestFixtures.Created appeal = fixtures.published("Csrf", "CN", null);
        for (String path :
                List.of("/appeals/" + appeal.slug() + "/report", "/appeals/" + appeal.slug() + "/write/print")) {
            int status = mvc.perform(request(org.springframework.http.HttpMethod.POST, path)
                            .param("kind", "LETTER")
                            .param("quantity", "1"))
                    .andReturn()
                    .getResponse()
                    .getStatus();
            assertThat(status).as(path).isEqualTo(403);
        }
    }

    private TestFixtures.Created appeal;
    private TestFixtures.Extras extras;
    private long accountId;
    private long reportId;
    private long eventCodeId;

    @BeforeEach
    void freshRecords() {
        appeal = fixtures.published("Access " + System.nanoTime(), "CN", null);
        extras = fixtures.addUpdateAndResource(appeal.id());
        accountId = staff.idOf(staff.create(Role.EDITOR));
        reportId = jdbc.sql("insert into action_report (appeal_id, kind, quantity, submission_token, status) "
                        + "values (?, 'LETTER', 60, gen_random_uuid(), 'HELD') returning id")
                .param(appeal.id())
                .query(Long.class)
                .single();
        eventCodeId = jdbc.sql(
                        "insert into report_event_code (appeal_id, code, valid_from, valid_until, created_by) "
                                + "values (?, substr(md5(random()::text), 1, 8), now(), now() + interval '1 day', 'test') returning id")
                .param(appeal.id())
                .query(Long.class)
                .single();
    }

    private int perform(String endpoint, Role role, boolean withCsrf) throws Exception {
        String[] parts = endpoint.split(" ", 2);
        String path = parts[1].replace("{appealId}", String.valueOf(appeal.id()))
                .replace("{personId}", String.valueOf(appeal.personId()))
                .replace("{targetId}", String.valueOf(appeal.primaryTargetId()))
                .replace("{updateId}", String.valueOf(extras.updateId()))
                .replace("{resourceId}", String.valueOf(extras.resourceId()))
                .replace("{reportId}", String.valueOf(reportId))
                .replace("{codeId}", String.valueOf(eventCodeId))
                .replace("{country}", "CN");
        path = path.startsWith("/admin/accounts")
                ? path.replace("{id}", String.valueOf(accountId))
                : path.startsWith("/admin/targets")
                        ? path.replace("{id}", String.valueOf(appeal.primaryTargetId()))
                        : path.startsWith("/admin/templates")
                                ? path.replace("{id}", String.valueOf(fixtures.templateIdOf(appeal.id())))
                                : path.replace("{id}", String.valueOf(appeal.id()));
        MockHttpServletRequestBuilder request = request(org.springframework.http.HttpMethod.valueOf(parts[0]), path)
                .param("direction", "1");
        if (role != null) {
            request.with(
                    user("tester-" + role.name().toLowerCase() + "@example.org").roles(role.name()));
        }
        if (withCsrf) {
            request.with(csrf());
        }
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }
}
