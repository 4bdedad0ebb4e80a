package com.twelvestreet.systemtests.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The shop's bookkeeping tables as their retention rules see them (docs/retention.md): rows in each, and rows
 * past the period they are kept plus one round's interval, which the rounds should have removed; the outboxes'
 * unsent publications; the databases' and the Kafka broker's disk. Periods as the owning service runs with them.
 */
final class Bookkeeping {

    /** A table, the service and the rule that bound it (an empty period: nothing removes rows by age). */
    private record Table(String service, String table, String timeColumn, String condition, String variable,
            String fallback) {

        String name() {
            return service + "." + table;
        }
    }

    private static final String PROCESSED = "RETENTION_PROCESSED_EVENTS";
    private static final String EXPIRED_AUTHORIZATION = "coalesce(greatest(authorization_code_expires_at,"
            + " access_token_expires_at, refresh_token_expires_at, oidc_id_token_expires_at, user_code_expires_at,"
            + " device_code_expires_at), created_at) < now()";

    private static final List<Table> TABLES = List.of(
            new Table("orders", "event_publication", "publication_date", "completion_date is null", "", ""),
            new Table("orders", "processed_events", "processed_at", "true", PROCESSED, "9d"),
            new Table("orders", "order_requests", "created_at", "true", "RETENTION_ORDER_REQUESTS", "24h"),
            new Table("products", "event_publication", "publication_date", "completion_date is null", "", ""),
            new Table("products", "processed_events", "processed_at", "true", PROCESSED, "9d"),
            new Table("products", "stock_reservations", "updated_at", "status <> 'RESERVED'", "RETENTION_STOCK_RESERVATIONS", "9d"),
            new Table("delivery", "event_publication", "publication_date", "completion_date is null", "", ""),
            new Table("delivery", "processed_events", "processed_at", "true", PROCESSED, "9d"),
            new Table("mypage", "processed_events", "processed_at", "true", PROCESSED, "9d"),
            new Table("oauth", "oauth2_authorization", "created_at", EXPIRED_AUTHORIZATION, "RETENTION_AUTHORIZATIONS", "1d"),
            new Table("oauth", "login_throttle", "last_failure_at", "locked_until is null or locked_until < now()",
                    "RETENTION_LOGIN_THROTTLE", "1d"));

    private final String jdbcBase;
    private final StackCpu stack;
    private final Path kafkaData;

    Bookkeeping(String jdbcBase, StackCpu stack, Path shopHome) {
        this.jdbcBase = jdbcBase;
        this.stack = stack;
        this.kafkaData = shopHome.resolve("data").resolve("kafka");
    }

    /** What the rules keep, per table, e.g. "9d + 10m" (the period, then the interval of the rounds). */
    Map<String, String> periods() {
        Map<String, String> periods = new LinkedHashMap<>();
        for (Table table : TABLES) {
            periods.put(table.name(), table.variable().isEmpty() ? "until sent"
                    : period(table) + " + " + interval(table.service()));
        }
        return periods;
    }

    /** Per table: {rows, rows past period + interval}; the event_publication tables count unsent rows only. */
    Map<String, long[]> rows() throws SQLException {
        Map<String, long[]> rows = new LinkedHashMap<>();
        for (Table table : TABLES) {
            String pastDue = table.variable().isEmpty() ? "0" : "count(*) filter (where " + table.timeColumn()
                    + " < now() - interval '" + seconds(period(table)) + " seconds' - interval '"
                    + seconds(interval(table.service())) + " seconds' and (" + table.condition() + "))";
            String where = table.variable().isEmpty() ? " where " + table.condition() : "";
            try (Connection connection = DriverManager.getConnection(jdbcBase + table.service(), "postgres", "");
                 Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery("select count(*), " + pastDue + " from " + table.table() + where)) {
                result.next();
                rows.put(table.name(), new long[] {result.getLong(1), result.getLong(2)});
            }
        }
        return rows;
    }

    /** All the shop's databases, in MB. */
    double databaseMegabytes() throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcBase + "postgres", "postgres", "");
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select sum(pg_database_size(datname)) from pg_database")) {
            result.next();
            return result.getLong(1) / 1048576.0;
        }
    }

    /** The broker's log folder, in MB (0 if it is elsewhere). */
    double kafkaMegabytes() {
        if (!Files.isDirectory(kafkaData)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(kafkaData)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                }
                catch (IOException ex) {
                    return 0; // a segment deleted right now
                }
            }).sum() / 1048576.0;
        }
        catch (IOException | RuntimeException ex) {
            return 0;
        }
    }

    private String period(Table table) {
        return stack.environment(table.service(), table.variable()).orElse(table.fallback());
    }

    private String interval(String service) {
        return stack.environment(service, "RETENTION_INTERVAL").orElse("10m");
    }

    /** A period as the services write them: 9d, 24h, 10m, 30s (Spring Boot's simple duration format). */
    static long seconds(String period) {
        Matcher matcher = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?").matcher(period.strip());
        if (!matcher.matches()) {
            return Duration.parse(period).toSeconds(); // ISO-8601, e.g. PT24H
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2) == null ? "ms" : matcher.group(2)) {
            case "ms" -> amount / 1000;
            case "s" -> amount;
            case "m" -> amount * 60;
            case "h" -> amount * 3600;
            default -> amount * 86_400;
        };
    }
}
