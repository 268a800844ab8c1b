package org.urgentaction.database;

import java.io.IOException;
import java.nio.file.Path;

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

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(EmbeddedDatabaseProperties properties) throws IOException {
        boolean persistent = properties.directory() != null
                && !properties.directory().toString().isBlank();
        Path directory = persistent ? properties.directory() : null;
        return EmbeddedDatabase.start(directory, properties.port());
    }

    @Bean
    JdbcConnectionDetails embeddedConnectionDetails(EmbeddedDatabase database) {
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return database.username();
            }

            @Override
            public String getPassword() {
                return database.password();
            }

            @Override
            public String getJdbcUrl() {
                return database.jdbcUrl();
            }
        };
    }
}
