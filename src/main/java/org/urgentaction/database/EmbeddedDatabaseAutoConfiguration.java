package org.urgentaction.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;

/**
 * The embedded default: with no {@code spring.datasource.url} (and no other connection details, such
 * as a Testcontainers service connection) the app starts a real PostgreSQL of its own. It only
 * supplies connection details, so the pool, Flyway and JPA are configured exactly as for an
 * external server.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
// Matches only when spring.datasource.url is absent (no real URL equals "embedded").
@ConditionalOnProperty(prefix = "spring.datasource", name = "url", matchIfMissing = true, havingValue = "embedded")
@ConditionalOnMissingBean(JdbcConnectionDetails.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
public class EmbeddedDatabaseAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseAutoConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException {
        boolean persistent = properties.directory() != null && !properties.directory().toString().isBlank();
        Path directory = persistent
                ? properties.directory().toAbsolutePath()
                : Files.createTempDirectory("urgent-action-pg");
        Files.createDirectories(directory);
        if (persistent) {
            OrphanedPostmaster.stopIfRunning(directory);
        }
        log.info("Starting embedded PostgreSQL in {} ({})", directory,
                persistent ? "kept across restarts" : "removed on shutdown");
        return EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(!persistent)
                .setPort(properties.port() > 0 ? properties.port() : 0)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "100")
                .start();
    }

    @Bean
    JdbcConnectionDetails embeddedConnectionDetails(EmbeddedPostgres postgres) {
        String url = postgres.getJdbcUrl("postgres", "postgres");
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return "postgres";
            }

            @Override
            public String getPassword() {
                return "";
            }

            @Override
            public String getJdbcUrl() {
                return url;
            }
        };
    }
}
