package com.twelvestreet.platform.test;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * The service's database away, as during a restart, for as long as this is open: the server ends every connection
 * to the test context's database and refuses new ones ({@code allow_connections false}); closing it lets them in
 * again. Only this context's database is affected (the statements run from the server's {@code postgres}
 * database), and the server keeps running.
 */
public final class DatabaseOutage implements AutoCloseable {

    private final JdbcConnectionDetails database;
    private final String name;

    private DatabaseOutage(JdbcConnectionDetails database) {
        this.database = database;
        this.name = URI.create(database.getJdbcUrl().substring("jdbc:".length())).getPath().substring(1);
    }

    /** Starts an outage of the test context's database (the connection details Spring Boot's tests use). */
    public static DatabaseOutage of(JdbcConnectionDetails database) {
        DatabaseOutage outage = new DatabaseOutage(database);
        outage.run("alter database \"" + outage.name + "\" allow_connections false",
                "select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + outage.name + "'");
        return outage;
    }

    @Override
    public void close() {
        run("alter database \"" + name + "\" allow_connections true");
    }

    private void run(String... statements) {
        String url = database.getJdbcUrl();
        int path = url.indexOf('/', "jdbc:postgresql://".length());
        int query = url.indexOf('?', path);
        String maintenance = url.substring(0, path + 1) + "postgres" + (query < 0 ? "" : url.substring(query));
        try (Connection connection = DriverManager.getConnection(maintenance, database.getUsername(), database.getPassword());
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Cannot change whether database " + name + " accepts connections", ex);
        }
    }
}
