package com.twelvestreet.systemtests.drill;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * What must hold once a drill's fault is healed, read from the services' own databases and the broker: every
 * accepted order decided (none left PENDING) and exactly one per idempotency key, every accepted cancel CANCELLED,
 * stock left + units confirmed (not cancelled) = the initial stock, mileage = 10 % of the confirmed orders (earned
 * once each, reversed at most once per cancelled order), no unsent outbox publication, no new dead letter.
 */
final class DrillInvariants {

    /** The figures of one look, and what is wrong with them (empty: the drill passes). */
    record Verdict(long orders, long confirmed, long cancelled, long rejected, long pending, long stockLeft,
            long mileage, long earned, long reversed, long outbox, long deadLetters, List<String> failures) {
    }

    private static final String CONFIRMED = "('CONFIRMED', 'SHIPPED', 'DELIVERED')";

    private final String jdbc;
    private final String kafka;
    private final long product;
    private final int initialStock;
    private final long unitPrice;

    DrillInvariants(String jdbc, String kafka, long product, int initialStock, long unitPrice) {
        this.jdbc = jdbc;
        this.kafka = kafka;
        this.product = product;
        this.initialStock = initialStock;
        this.unitPrice = unitPrice;
    }

    /** Records on every dead-letter topic, summed over partitions. */
    long deadLetters() throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        try (Admin admin = Admin.create(config)) {
            List<String> topics = admin.listTopics().names().get(10, TimeUnit.SECONDS).stream()
                    .filter(topic -> topic.endsWith(".DLT")).toList();
            Map<TopicPartition, OffsetSpec> ends = admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS)
                    .values().stream().flatMap(topic -> topic.partitions().stream()
                            .map(partition -> new TopicPartition(topic.name(), partition.partition())))
                    .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
            return admin.listOffsets(ends).all().get(10, TimeUnit.SECONDS).values().stream()
                    .mapToLong(offset -> offset.offset()).sum();
        }
    }

    Verdict check(DrillLoad.Result load, long deadLettersBefore) throws Exception {
        List<String> failures = new ArrayList<>();
        Collection<String> orderIds = load.accepted().values();
        String ids = orderIds.stream().map(id -> "'" + id + "'").collect(Collectors.joining(",", "(", ")"));
        boolean none = orderIds.isEmpty();

        long orders = single("orders", "select count(distinct o.id) from orders o join order_items i on i.order_id = o.id"
                + " where i.product_id = ?", product);
        long keyed = none ? 0 : single("orders", "select count(*) from order_requests where idempotency_key in ("
                + load.accepted().keySet().stream().map(k -> "'" + k + "'").collect(Collectors.joining(",")) + ")");
        long confirmed = status("in " + CONFIRMED);
        long rejected = status("= 'REJECTED'");
        long cancelled = status("= 'CANCELLED'");
        String cancelledIds = load.cancelled().stream().map(id -> "'" + id + "'").collect(Collectors.joining(",", "(", ")"));
        long cancelAccepted = load.cancelled().isEmpty() ? 0 : single("orders",
                "select count(*) from orders where status = 'CANCELLED' and id in " + cancelledIds);
        long pending = status("= 'PENDING'");
        long stockLeft = single("products", "select stock from products where id = ?", product);
        String entries = " from mileage_entries where order_id in " + ids;
        long mileage = none ? 0 : single("mypage", "select coalesce(sum(amount), 0)" + entries);
        long earned = none ? 0 : single("mypage", "select count(*)" + entries + " and kind = 'EARNED'");
        long reversed = none ? 0 : single("mypage", "select count(*)" + entries + " and kind = 'REVERSED'");
        long outbox = 0;
        for (String service : List.of("orders", "products", "delivery")) {
            outbox += single(service, "select count(*) from event_publication where completion_date is null");
        }
        long deadLetters = deadLetters() - deadLettersBefore;

        if (orders != orderIds.size() || keyed != orderIds.size()) {
            failures.add(orders + " orders of the drill's product for " + orderIds.size() + " accepted keys (" + keyed
                    + " keys on record): an order lost or doubled");
        }
        if (pending > 0) {
            failures.add(pending + " orders still PENDING");
        }
        if (cancelAccepted != load.cancelled().size()) {
            failures.add(load.cancelled().size() - cancelAccepted + " orders whose cancel was accepted are not CANCELLED");
        }
        if (stockLeft + confirmed != initialStock) {
            failures.add("stock left " + stockLeft + " + confirmed " + confirmed + " != initial " + initialStock);
        }
        if (mileage != confirmed * unitPrice / 10 || earned - reversed != confirmed || reversed > cancelled) {
            failures.add("mileage " + mileage + " (" + earned + " earned, " + reversed + " reversed) for " + confirmed
                    + " confirmed and " + cancelled + " cancelled orders (expected " + confirmed * unitPrice / 10 + ")");
        }
        if (outbox > 0) {
            failures.add(outbox + " outbox publications unsent");
        }
        if (deadLetters != 0) {
            failures.add(deadLetters + " new dead letters");
        }
        return new Verdict(orders, confirmed, cancelled, rejected, pending, stockLeft, mileage, earned, reversed, outbox,
                deadLetters, failures);
    }

    private long status(String condition) throws SQLException {
        return single("orders", "select count(distinct o.id) from orders o join order_items i on i.order_id = o.id"
                + " where i.product_id = ? and o.status " + condition, product);
    }

    private long single(String database, String sql, Object... parameters) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbc + database, "postgres", "");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
