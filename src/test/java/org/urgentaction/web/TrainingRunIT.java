package org.urgentaction.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import org.urgentaction.PostgresTestConfiguration;
import org.urgentaction.TestFixtures;

import static org.assertj.core.api.Assertions.assertThat;

/** The training run's requests reach the pages they mean to warm, not error pages. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({PostgresTestConfiguration.class, TestFixtures.class})
class TrainingRunIT {

    @LocalServerPort
    int port;

    @Autowired
    TestFixtures fixtures;

    @Test
    void asksForTheListAnAppealItsLetterPageAndTheLoginAndGetsThemAll() throws Exception {
        fixtures.published("Trained on", "CN", null); // one published appeal at least, demo or not

        java.util.List<String> visited = TrainingRun.visit(port);

        assertThat(visited).hasSize(4).allSatisfy(visit -> assertThat(visit).endsWith(" 200"));
        assertThat(visited.get(0)).isEqualTo("/appeals 200");
        assertThat(visited.get(1)).matches("/appeals/[a-z0-9-]+ 200");
        assertThat(visited.get(2)).isEqualTo(visited.get(1).replace(" 200", "/write 200"));
        assertThat(visited.get(3)).isEqualTo("/login 200");
    }
}
