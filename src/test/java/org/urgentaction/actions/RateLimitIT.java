package org.urgentaction.actions;

import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import org.urgentaction.AtOnce;
import org.urgentaction.PostgresTestConfiguration;
import org.urgentaction.TestFixtures;
import org.urgentaction.appeals.ActionTotals;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limit counts actions, not requests, per client (an IPv6 client by its /64), shared by every
 * instance; an event code lifts it for one appeal. 127.0.0.2 plays the trusted proxy (nginx in
 * production): only its X-Forwarded-For is believed; a client on 127.0.0.1 cannot dodge the limit
 * by forging one. Real HTTP, as a browser sends it: each report's token comes from its form.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "urgent-action.rate-limit.actions-per-hour=60",
            "urgent-action.rate-limit.actions-per-minute=50",
            "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.2"
        })
@Import({PostgresTestConfiguration.class, TestFixtures.class})
class RateLimitIT {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final int HOURLY_BUDGET = 60;

    @LocalServerPort
    int port;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    ActionTotals totals;

    @Autowired
    EventCodes eventCodes;

    /** A browser-like client on one local address, with its own cookies and the form's CSRF token. */
    private final class Supporter {

        private final HttpClient http;
        private final String slug;
        private final String forwardedFor;
        private String csrf;

        Supporter(String localAddress, String slug, String forwardedFor) throws Exception {
            this.http = HttpClient.newBuilder()
                    .localAddress(InetAddress.getByName(localAddress))
                    .cookieHandler(new CookieManager())
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            this.slug = slug;
            this.forwardedFor = forwardedFor;
        }

        /** Opens the form: its submission token (and, the first time, the CSRF token). */
        String openForm() throws Exception {
            String form = http.send(
                            request("/appeals/" + slug + "/report").GET().build(), HttpResponse.BodyHandlers.ofString())
                    .body();
            Matcher csrfToken = CSRF.matcher(form);
            assertThat(csrfToken.find())
                    .as("the report form carries a CSRF token")
                    .isTrue();
            csrf = csrfToken.group(1);
            return ReportForms.tokenIn(form);
        }

        HttpResponse<String> report(int quantity) throws Exception {
            return send(openForm(), Map.of("kind", "LETTER", "quantity", String.valueOf(quantity)));
        }

        HttpResponse<String> send(String token, Map<String, String> fields) throws Exception {
            Map<String, String> all = new LinkedHashMap<>(fields);
            all.put("submissionToken", token);
            all.put("_csrf", csrf);
            String body = all.entrySet().stream()
                    .map(f -> f.getKey() + "=" + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return http.send(
                    request("/appeals/" + slug + "/report")
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Accept", "text/html")
                    .header("X-Forwarded-For", forwardedFor)
                    .timeout(Duration.ofSeconds(20));
        }
    }

    private static void assertLimited(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("60");
        assertThat(response.body())
                .contains("Too many reports from your connection")
                .doesNotContain("Exception");
    }

    @Test
    void aFloodFromOneAddressIsRefusedWhileSupportersAtAHumanPaceGetThrough() throws Exception {
        TestFixtures.Created appeal = fixtures.published("Flooded", "CN", null);

        int accepted = 0;
        int refused = 0;
        for (int i = 0; i < 200; i++) {
            // Forged, and ignored: 127.0.0.1 is not a trusted proxy.
            HttpResponse<String> response =
                    new Supporter("127.0.0.1", appeal.slug(), "198.51.100." + (i % 250)).report(1);
            if (response.statusCode() == 302) {
                accepted++;
            } else {
                assertLimited(response);
                refused++;
            }
        }
        assertThat(accepted)
                .as("the minute's budget, and what refilled meanwhile")
                .isBetween(50, HOURLY_BUDGET);
        assertThat(refused).isEqualTo(200 - accepted);

        int humans = 0;
        for (int i = 1; i <= 50; i++) {
            if (new Supporter("127.0.0.2", appeal.slug(), "203.0.113." + i)
                            .report(2)
                            .statusCode()
                    == 302) {
                humans++;
            }
        }
        assertThat(humans)
                .as("every supporter behind the trusted proxy got through")
                .isEqualTo(50);
        assertThat(totals.actionsFor(appeal.id())).isEqualTo(accepted + 2L * humans);
    }

    /** Opens the forms first, then sends them all at once. */
    private List<Integer> inParallel(Supporter supporter, int reports, Map<String, String> fields) throws Exception {
        List<String> forms = new ArrayList<>();
        for (int i = 0; i < reports; i++) {
            forms.add(supporter.openForm());
        }
        List<Callable<Integer>> requests = forms.stream()
                .<Callable<Integer>>map(
                        token -> () -> supporter.send(token, fields).statusCode())
                .toList();
        return AtOnce.run(reports, requests);
    }

    @Test
    void thirtyParallelReportsFromOneAddressAddNoMoreThanItsBudget() throws Exception {
        TestFixtures.Created appeal = fixtures.published("Parallel flood", "CN", null);

        List<Integer> statuses = inParallel(
                new Supporter("127.0.0.2", appeal.slug(), "198.51.100.30"),
                30,
                Map.of("kind", "LETTER", "quantity", "40"));

        assertThat(statuses).containsOnly(302, 429);
        assertThat(totals.actionsFor(appeal.id()))
                .as("30 x 40 asked for")
                .isPositive()
                .isLessThanOrEqualTo(HOURLY_BUDGET);
        // Raising the quantity buys nothing: past the budget a report is held for review, counted nowhere.
        statuses = inParallel(
                new Supporter("127.0.0.2", appeal.slug(), "198.51.100.31"),
                30,
                Map.of("kind", "LETTER", "quantity", "1000"));
        assertThat(statuses).containsOnly(302, 429);
        assertThat(totals.actionsFor(appeal.id())).isLessThanOrEqualTo(HOURLY_BUDGET);
    }

    @Test
    void anIpv6ClientIsLimitedByItsSlash64() throws Exception {
        TestFixtures.Created appeal = fixtures.published("IPv6", "CN", null);

        int accepted = 0;
        for (int i = 1; i <= 10; i++) {
            // Ten addresses of one /64, as a client rotating its interface identifier would use.
            String address = "2001:db8:a:b:" + Integer.toHexString(i * 4099) + ":" + i + "::" + Integer.toHexString(i);
            HttpResponse<String> response = new Supporter("127.0.0.2", appeal.slug(), address).report(10);
            if (response.statusCode() == 302) {
                accepted++;
            } else {
                assertLimited(response);
            }
        }
        assertThat(accepted).as("one budget of 50 for the /64").isEqualTo(5);
        assertThat(new Supporter("127.0.0.2", appeal.slug(), "2001:db8:a:c::1")
                        .report(10)
                        .statusCode())
                .as("the next /64 is another client")
                .isEqualTo(302);
        assertThat(totals.actionsFor(appeal.id())).isEqualTo(60);
    }

    @Test
    void withTheEventCodeThirtyPeopleOnOneConnectionAllGetThroughAndWithoutItTheyKeepWhatTheyTyped() throws Exception {
        TestFixtures.Created appeal = fixtures.published("Letter-writing evening", "CN", null);
        EventCodes.EventCode code = eventCodes.generate(appeal.id(), "org@example.org");
        Map<String, String> typed = Map.of(
                "kind",
                "LETTER",
                "quantity",
                "5",
                "country",
                "FR",
                "name",
                "Ann Lee",
                "consent",
                "true",
                "eventCode",
                code.display().toLowerCase());

        Supporter hall = new Supporter("127.0.0.2", appeal.slug(), "192.0.2.80");
        for (int i = 0; i < 30; i++) {
            assertThat(hall.send(hall.openForm(), typed).statusCode())
                    .as("report %d with the code", i + 1)
                    .isEqualTo(302);
        }
        assertThat(totals.actionsFor(appeal.id()))
                .as("more than one connection's budget")
                .isEqualTo(150);
        // Large reports made with the code are still held for review.
        assertThat(hall.send(hall.openForm(), Map.of("kind", "LETTER", "quantity", "51", "eventCode", code.code()))
                        .headers()
                        .firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/report/thanks?held=true"));
        assertThat(totals.actionsFor(appeal.id())).isEqualTo(150);

        // The same evening without the code: the budget runs out, and the refused form keeps its values.
        Map<String, String> withoutCode = new LinkedHashMap<>(typed);
        withoutCode.remove("eventCode");
        Supporter neighbours = new Supporter("127.0.0.2", appeal.slug(), "192.0.2.81");
        int accepted = 0;
        HttpResponse<String> limited = null;
        for (int i = 0; i < 30; i++) {
            HttpResponse<String> response = neighbours.send(neighbours.openForm(), withoutCode);
            if (response.statusCode() == 302) {
                accepted++;
            } else {
                assertLimited(response);
                limited = response;
            }
        }
        assertThat(accepted).isEqualTo(10);
        assertThat(limited).isNotNull();
        assertThat(limited.body())
                .contains(
                        "value=\"Ann Lee\"",
                        "value=\"5\"",
                        "<option value=\"FR\" selected=\"selected\">France</option>",
                        "ask the organisers for the event code")
                .containsPattern("value=\"LETTER\"[^>]*checked")
                .containsPattern("name=\"submissionToken\" value=\"[A-Za-z0-9_-]{64}\"");

        // A wrong code is refused with a message, keeping the values; it does not lift the limit.
        Supporter guesser = new Supporter("127.0.0.2", appeal.slug(), "192.0.2.82");
        Map<String, String> wrong = new LinkedHashMap<>(typed);
        wrong.put("eventCode", "AAAA-AAAA");
        HttpResponse<String> refused = guesser.send(guesser.openForm(), wrong);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains(
                        "This event code is not valid for this appeal today",
                        "value=\"Ann Lee\"",
                        "value=\"AAAA-AAAA\"");
        assertThat(totals.actionsFor(appeal.id())).isEqualTo(150 + 50);
    }

    @Test
    void oneAttendeesHugeHeldReportsDoNotUseUpTheEventCodeForTheRoom() throws Exception {
        TestFixtures.Created appeal = fixtures.published("Vigil with a code", "CN", null);
        EventCodes.EventCode code = eventCodes.generate(appeal.id(), "org@example.org");
        Supporter hall = new Supporter("127.0.0.2", appeal.slug(), "192.0.2.90");
        for (int i = 0; i < 3; i++) {
            assertThat(hall.send(
                                    hall.openForm(),
                                    Map.of("kind", "LETTER", "quantity", "1000", "eventCode", code.code()))
                            .headers()
                            .firstValue("Location"))
                    .as("held report %d", i + 1)
                    .hasValueSatisfying(location -> assertThat(location).endsWith("/report/thanks?held=true"));
        }
        for (int i = 0; i < 30; i++) {
            assertThat(hall.send(hall.openForm(), Map.of("kind", "LETTER", "quantity", "5", "eventCode", code.code()))
                            .statusCode())
                    .as("the room's report %d after the huge ones", i + 1)
                    .isEqualTo(302);
        }
        assertThat(totals.actionsFor(appeal.id())).isEqualTo(150);
    }
}
