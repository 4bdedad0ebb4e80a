package com.twelvestreet.devstack;

import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresServerTests {

    @TempDir
    Path home;

    @Test
    void shouldKeepDataAndDatabasesBetweenRuns() throws Exception {
        File data = home.resolve("postgres").toFile();
        int port = freePort();

        try (EmbeddedPostgres first = PostgresServer.start(data, port)) {
            PostgresServer.createMissing(first, List.of("products", "orders"));
            try (Connection c = first.getDatabase("postgres", "products").getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (id int)");
                s.execute("INSERT INTO kept VALUES (42)");
            }
        }

        try (EmbeddedPostgres second = PostgresServer.start(data, port)) {
            PostgresServer.createMissing(second, List.of("products", "orders"));
            try (Connection c = second.getDatabase("postgres", "products").getConnection(); Statement s = c.createStatement();
                    ResultSet rows = s.executeQuery("SELECT id FROM kept")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(42);
            }
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
