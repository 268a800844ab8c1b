package org.urgentaction.database;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.urgentaction.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The embedded default keeps what it acknowledges and lets in only the app. */
@IntegrationTest
class EmbeddedDatabaseSecurityTests {

    @Autowired
    ObjectProvider<EmbeddedDatabase> embedded;

    @Autowired
    JdbcClient jdbc;

    EmbeddedDatabase database;

    @BeforeEach
    void onTheEmbeddedDefault() {
        database = embedded.getIfAvailable();
        assumeTrue(database != null, "the tests run on Testcontainers' PostgreSQL, not the embedded one");
    }

    private String setting(String name) {
        return jdbc.sql("select current_setting(?)")
                .param(name)
                .query(String.class)
                .single();
    }

    @Test
    void runsDurableEveryCommitIsOnDiskBeforeItIsAcknowledged() {
        assertThat(List.of(setting("fsync"), setting("synchronous_commit"), setting("full_page_writes")))
                .containsExactly("on", "on", "on");
    }

    @Test
    void refusesAConnectionWithoutThePasswordOrWithAWrongOne() {
        Properties noPassword = new Properties();
        noPassword.setProperty("user", "postgres");
        assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), noPassword)
                        .close())
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), "postgres", "wrong")
                        .close())
                .isInstanceOf(SQLException.class)
                .satisfies(refused ->
                        assertThat(((SQLException) refused).getSQLState()).isEqualTo("28P01"));
    }

    @Test
    void allowsOnlyPasswordLoginsFromLoopbackAndThePrivateSocket() {
        List<String> rules = jdbc.sql("select type || ' ' || coalesce(address, '') || ' ' || auth_method "
                        + "from pg_hba_file_rules order by rule_number")
                .query(String.class)
                .list();
        assertThat(rules)
                .containsExactly("local  scram-sha-256", "host 127.0.0.1 scram-sha-256", "host ::1 scram-sha-256");
        assertThat(jdbc.sql("select count(*) from pg_hba_file_rules where error is not null")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void keepsThePasswordTheDataAndTheSocketToTheirOwner() throws Exception {
        assertThat(PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(database.dataDirectory().resolve(SuperuserPassword.FILE_NAME))))
                .isEqualTo("rw-------");
        assertThat(Files.readString(database.dataDirectory().resolve(SuperuserPassword.FILE_NAME))
                        .strip())
                .isEqualTo(database.password())
                .hasSizeGreaterThanOrEqualTo(40);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(database.dataDirectory())))
                .isEqualTo("rwx------");
        assertThat(setting("unix_socket_directories"))
                .isEqualTo(database.socketDirectory().toString())
                .isNotIn("/tmp", "/var/run/postgresql");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(database.socketDirectory())))
                .isEqualTo("rwx------");
    }

    @Test
    void listensOnLoopbackOnly() throws Exception {
        assertThat(setting("listen_addresses")).isEqualTo("127.0.0.1");
        int port = jdbc.sql("select current_setting('port')::int")
                .query(Integer.class)
                .single();
        List<InetAddress> others = NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .toList();
        for (InetAddress address : others) {
            assertThatThrownBy(() -> {
                        try (Socket socket = new Socket()) {
                            socket.connect(new InetSocketAddress(address, port), 1000);
                        }
                    })
                    .as("port %d on %s", port, address)
                    .isInstanceOf(java.io.IOException.class);
        }
    }
}
