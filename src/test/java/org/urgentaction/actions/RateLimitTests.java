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
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import org.urgentaction.PostgresTestConfiguration;
import org.urgentaction.TestFixtures;
import org.urgentaction.appeals.ActionTotals;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A flood of reports from one address is refused with a friendly 429, while supporters at a human
 * pace get through. 127.0.0.2 plays the trusted proxy (nginx in production): only its
 * X-Forwarded-For is believed; a client on 127.0.0.1 cannot dodge the limit by forging one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "urgent-action.rate-limit.reports-per-minute=6",
        "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.2"})
@Import({PostgresTestConfiguration.class, TestFixtures.class})
class RateLimitTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    ActionTotals totals;

    /** A browser-like client on one local address, with its own cookies and the form's CSRF token. */
    private final class Supporter {

        private final HttpClient http;
        private final String slug;
        private String csrf;

        Supporter(String localAddress, String slug) throws Exception {
            this.http = HttpClient.newBuilder().localAddress(InetAddress.getByName(localAddress))
                    .cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();
            this.slug = slug;
        }

        HttpResponse<String> report(String forwardedFor) throws Exception {
            if (csrf == null) {
                String form = http.send(request("/appeals/" + slug + "/report", forwardedFor).GET().build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                Matcher token = CSRF.matcher(form);
                assertThat(token.find()).as("the report form carries a CSRF token").isTrue();
                csrf = token.group(1);
            }
            String body = "submissionToken=" + UUID.randomUUID() + "&kind=LETTER&quantity=1&_csrf="
                    + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
            return http.send(request("/appeals/" + slug + "/report", forwardedFor)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        private HttpRequest.Builder request(String path, String forwardedFor) {
            return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Accept", "text/html").header("X-Forwarded-For", forwardedFor)
                    .timeout(Duration.ofSeconds(10));
        }
    }

    @Test
    void aFloodFromOneAddressIsRefusedWhileSupportersAtAHumanPaceGetThrough() throws Exception {
        TestFixtures.Created appeal = fixtures.published("Flooded", "CN", null);

        Supporter flooder = new Supporter("127.0.0.1", appeal.slug());
        int accepted = 0;
        int refused = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (int i = 0; i < 1000 && System.nanoTime() < deadline; i++) {
            // Forged, and ignored: 127.0.0.1 is not a trusted proxy.
            HttpResponse<String> response = flooder.report("198.51.100." + (i % 250));
            if (response.statusCode() == 302) {
                accepted++;
            } else {
                assertThat(response.statusCode()).isEqualTo(429);
                assertThat(response.headers().firstValue("Retry-After")).hasValue("60");
                assertThat(response.body()).contains("Too many reports from your connection").doesNotContain("Exception");
                refused++;
            }
        }
        assertThat(accepted + refused).isEqualTo(1000);
        assertThat(refused).as("at least 99 %% of the flood is refused").isGreaterThanOrEqualTo(990);

        int humans = 0;
        for (int i = 1; i <= 50; i++) {
            Supporter supporter = new Supporter("127.0.0.2", appeal.slug());
            if (supporter.report("203.0.113." + i).statusCode() == 302) {
                humans++;
            }
        }
        assertThat(humans).as("every supporter behind the trusted proxy got through").isEqualTo(50);
        assertThat(totals.actionsFor(appeal.id())).isEqualTo(accepted + humans);
    }
}
