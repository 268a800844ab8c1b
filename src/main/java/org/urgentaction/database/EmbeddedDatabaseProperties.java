package org.urgentaction.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded PostgreSQL started when no datasource is configured.
 *
 * @param directory where the cluster's data lives; it survives restarts. Empty: a throw-away
 *                  cluster in a temporary directory, removed on shutdown.
 * @param port      the port to listen on (127.0.0.1 only); 0 picks a free one at each start of the
 *                  app, kept when the server is started again after it died.
 */
@ConfigurationProperties("urgent-action.embedded-database")
public record EmbeddedDatabaseProperties(Path directory, int port) {}
