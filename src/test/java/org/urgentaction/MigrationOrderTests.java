package org.urgentaction;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V11 (the event publication registry) came after V12: a database the previous release left at V12
 * must still migrate, with the app's own Flyway settings.
 */
@IntegrationTest
class MigrationOrderTests {

    @Autowired
    Flyway flyway;

    @Autowired
    JdbcConnectionDetails connection;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path previousRelease;

    @Test
    void aDatabaseAlreadyAtV12GetsV11() throws IOException {
        String database = "migration_order_" + UUID.randomUUID().toString().replace("-", "");
        jdbc.sql("create database " + database).update();
        try {
            copyMigrationsExcept("V11__", previousRelease);
            migrate(database, "filesystem:" + previousRelease);
            assertThat(versions(database, "filesystem:" + previousRelease)).doesNotContain("11");

            migrate(database, "classpath:db/migration");

            assertThat(versions(database, "classpath:db/migration")).contains("11", "12");
        } finally {
            jdbc.sql("drop database " + database + " with (force)").update();
        }
    }

    private Flyway flywayOn(String database, String location) {
        return Flyway.configure()
                .configuration(flyway.getConfiguration())
                .dataSource(urlOf(database), connection.getUsername(), connection.getPassword())
                .locations(location)
                .load();
    }

    private void migrate(String database, String location) {
        flywayOn(database, location).migrate();
    }

    private List<String> versions(String database, String location) {
        return Arrays.stream(flywayOn(database, location).info().applied())
                .map(MigrationInfo::getVersion)
                .map(Object::toString)
                .toList();
    }

    /** The test database's URL with another database name in its path. */
    private String urlOf(String database) {
        URI url = URI.create(connection.getJdbcUrl().substring("jdbc:".length()));
        String query = url.getRawQuery() == null ? "" : "?" + url.getRawQuery();
        return "jdbc:postgresql://" + url.getRawAuthority() + "/" + database + query;
    }

    private static void copyMigrationsExcept(String prefix, Path directory) throws IOException {
        for (Resource migration :
                new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/*.sql")) {
            String name = migration.getFilename();
            if (name != null && !name.startsWith(prefix)) {
                try (InputStream in = migration.getInputStream()) {
                    Files.copy(in, directory.resolve(name));
                }
            }
        }
    }
}
