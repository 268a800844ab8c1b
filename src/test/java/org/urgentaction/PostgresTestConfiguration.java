package org.urgentaction;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Real PostgreSQL for tests: a Testcontainers container when a Docker engine answers (as on
 * GitHub Actions); otherwise nothing here, and the app's own embedded PostgreSQL starts in a
 * throw-away directory (see src/test/resources/config/application.properties). Never H2.
 */
@TestConfiguration(proxyBeanMethods = false)
public class PostgresTestConfiguration {

    @Bean
    @ServiceConnection
    @Conditional(DockerAvailable.class)
    PostgreSQLContainer postgres() {
        return new PostgreSQLContainer("postgres:18-alpine");
    }

    static class DockerAvailable implements org.springframework.context.annotation.Condition {

        private static final boolean AVAILABLE = check();

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return AVAILABLE;
        }

        private static boolean check() {
            try {
                return DockerClientFactory.instance().isDockerAvailable();
            } catch (Throwable unavailable) {
                return false;
            }
        }
    }
}
