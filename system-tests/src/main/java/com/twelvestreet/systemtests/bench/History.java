package com.twelvestreet.systemtests.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * A year of a shop's life written straight into the services' databases with SQL, so a benchmark meets tables
 * of the size a shop in production has: {@code orders} orders spread evenly over 365 days from 10,000 customers,
 * each with its lines, status history, delivery, My Page rows and mileage; and the bookkeeping a shop that runs
 * its retention holds at that rate: each table's rows of its kept period (docs/retention.md), so rows keep ageing
 * out while a benchmark runs and the retention rounds remove them as they would in production. Rows are recognisable by their {@code soak-history-} customers; a database
 * that already has them is left as it is.
 */
final class History {

    private static final int CUSTOMERS = 10_000;
    /** Handled events per order in each consumer, as the saga of a delivered order produces them. */
    private static final int ORDERS_EVENTS = 3;
    private static final int PRODUCTS_EVENTS = 2;
    private static final int DELIVERY_EVENTS = 1;
    private static final int MYPAGE_EVENTS = 4;

    private final String jdbcBase;
    private final int orders;
    private final long perDay;

    History(String jdbcBase, int orders) {
        this.jdbcBase = jdbcBase;
        this.orders = orders;
        this.perDay = Math.max(1, orders / 365);
    }

    void fill() throws SQLException {
        System.out.printf(Locale.ROOT, "history: %,d orders over 365 days (%,d a day), 10,000 customers%n", orders, perDay);
        fill("orders", "select 1 from orders where customer_id like 'soak-history-%' limit 1", List.of(
                "insert into orders (id, customer_id, status, recipient, postal_code, address_line, total_amount, created_at,"
                        + " updated_at, version) select " + id("i") + ", " + customer("i") + ", " + status("i")
                        + ", 'History Kim', '04524', '12 Sejong-daero', 1000 * (1 + i % 5), " + placedAt("i") + ", "
                        + placedAt("i") + " + interval '1 minute', 3 from generate_series(1, " + orders + ") i",
                "insert into order_items (order_id, position, product_id, product_name, unit_price, quantity)"
                        + " select id, 0, 1, 'History item', total_amount, 1 from orders where customer_id like 'soak-history-%'",
                "insert into order_status_changes (order_id, position, status, changed_at) select o.id, s.n - 1, s.status,"
                        + " o.created_at + (s.n - 1) * interval '20 seconds' from orders o cross join lateral unnest("
                        + steps("o.status") + ") with ordinality s(status, n) where o.customer_id like 'soak-history-%'",
                "insert into order_requests (customer_id, idempotency_key, fingerprint, order_id, created_at) select"
                        + " customer_id, 'soak-' || id, repeat('0', 64), id, created_at from orders"
                        + " where customer_id like 'soak-history-%' and created_at > now() - interval '1 day'",
                processedEvents(ORDERS_EVENTS, 9)));
        fill("products", "select 1 from stock_reservations where order_id = " + id(Integer.toString(orders)), List.of(
                "insert into stock_reservations (order_id, status, created_at, updated_at) select " + id("i") + ", case "
                        + status("i") + " when 'DELIVERED' then 'DELIVERED' when 'CANCELLED' then 'RELEASED' else 'REJECTED'"
                        + " end, " + placedAt("i") + ", " + placedAt("i") + " + interval '1 minute' from generate_series("
                        + recentFrom(9) + ", " + orders + ") i",
                "insert into stock_reservation_lines (order_id, product_id, quantity) select " + id("i")
                        + ", (select min(id) from products), 1 from generate_series(" + recentFrom(9) + ", " + orders + ") i",
                processedEvents(PRODUCTS_EVENTS, 9)));
        fill("delivery", "select 1 from deliveries where customer_id like 'soak-history-%' limit 1", List.of(
                "insert into deliveries (id, order_id, customer_id, status, created_at, started_at, completed_at, updated_at,"
                        + " version, recipient, postal_code, address_line) select md5('soak-delivery-' || i)::uuid, "
                        + id("i") + ", " + customer("i") + ", case " + status("i") + " when 'CANCELLED' then 'CANCELLED'"
                        + " else 'DELIVERED' end, " + placedAt("i") + ", " + placedAt("i") + " + interval '30 seconds', "
                        + placedAt("i") + " + interval '1 minute', " + placedAt("i") + " + interval '1 minute', 2,"
                        + " 'History Kim', '04524', '12 Sejong-daero' from generate_series(1, " + orders + ") i where "
                        + status("i") + " <> 'REJECTED'",
                processedEvents(DELIVERY_EVENTS, 9)));
        fill("mypage", "select 1 from my_orders where customer_id like 'soak-history-%' limit 1", List.of(
                "insert into my_orders (order_id, customer_id, status, total_amount, placed_at, updated_at) select "
                        + id("i") + ", " + customer("i") + ", " + status("i") + ", 1000 * (1 + i % 5), " + placedAt("i")
                        + ", " + placedAt("i") + " + interval '1 minute' from generate_series(1, " + orders + ") i",
                "insert into my_order_items (order_id, position, product_id, product_name, unit_price, quantity)"
                        + " select order_id, 0, 1, 'History item', total_amount, 1 from my_orders"
                        + " where customer_id like 'soak-history-%'",
                "insert into my_order_timeline (order_id, status, changed_at) select o.order_id, s.status,"
                        + " o.placed_at + (s.n - 1) * interval '20 seconds' from my_orders o cross join lateral unnest("
                        + steps("o.status") + ") with ordinality s(status, n) where o.customer_id like 'soak-history-%'",
                "insert into mileage_entries (customer_id, order_id, kind, amount, created_at) select customer_id, order_id,"
                        + " 'EARNED', total_amount / 10, placed_at from my_orders where customer_id like 'soak-history-%'"
                        + " and status <> 'REJECTED'",
                "insert into mileage_entries (customer_id, order_id, kind, amount, created_at) select customer_id, order_id,"
                        + " 'REVERSED', -total_amount / 10, updated_at from my_orders where customer_id like 'soak-history-%'"
                        + " and status = 'CANCELLED'",
                "insert into my_order_counts (customer_id, orders) select customer_id, count(*) from my_orders"
                        + " where customer_id like 'soak-history-%' group by customer_id",
                processedEvents(MYPAGE_EVENTS, 9)));
        fill("oauth", "select 1 from login_throttle where email like 'soak-history-%' limit 1", List.of(
                // anonymous device-flow requests nobody finished (a day of them at one per five orders), expired
                "insert into oauth2_authorization (id, registered_client_id, principal_name, authorization_grant_type,"
                        + " device_code_value, device_code_issued_at, device_code_expires_at, created_at) select"
                        + " 'soak-history-' || i, 'shop-cli', 'anonymousUser', 'urn:ietf:params:oauth:grant-type:device_code',"
                        + " md5('soak-device-' || i), t, t + interval '5 minutes', t from (select i, now() - i * interval '1 day' / "
                        + Math.max(1, perDay / 5) + " t from generate_series(1, " + Math.max(1, perDay / 5) + ") i) a",
                "insert into login_throttle (email, failures, last_failure_at) select 'soak-history-' || i || '@example.test',"
                        + " 1 + i % 3, now() - i * interval '1 day' / 1000 from generate_series(1, 1000) i"));
    }

    private void fill(String database, String alreadyThere, List<String> statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcBase + database, "postgres", "");
             Statement statement = connection.createStatement()) {
            try (ResultSet found = statement.executeQuery(alreadyThere)) {
                if (found.next()) {
                    System.out.printf("  %-9s history already there%n", database);
                    return;
                }
            }
            long started = System.nanoTime();
            long rows = 0;
            connection.setAutoCommit(false); // all of a database's history or none of it
            for (String sql : statements) {
                rows += statement.executeUpdate(sql);
            }
            connection.commit();
            connection.setAutoCommit(true);
            // written once, read from now on: vacuumed and analysed now, not by autovacuum during the measurement
            statement.execute("vacuum (analyze)");
            System.out.printf(Locale.ROOT, "  %-9s %,11d rows in %5.1f s%n", database, rows, (System.nanoTime() - started) / 1e9);
        }
    }

    /** Ids of handled events for the kept period, at the history's rate. */
    private String processedEvents(int perOrder, int days) {
        return "insert into processed_events (event_id, processed_at) select gen_random_uuid(), now() - random() * interval '"
                + days + " days' from generate_series(1, " + perDay * perOrder * days + ")";
    }

    /** The first of the history's orders placed in the last {@code days}. */
    private long recentFrom(int days) {
        return Math.max(1, orders - perDay * days);
    }

    private static String id(String i) {
        return "md5('soak-' || " + i + ")::uuid";
    }

    private static String customer(String i) {
        return "'soak-history-' || (" + i + " % " + CUSTOMERS + ")";
    }

    private static String status(String i) {
        return "(case when " + i + " % 40 = 0 then 'CANCELLED' when " + i + " % 61 = 0 then 'REJECTED' else 'DELIVERED' end)";
    }

    /** Evenly over the year up to an hour ago, in the order of {@code i}. */
    private String placedAt(String i) {
        return "(now() - interval '365 days' + (" + i + " - 1) * (interval '8759 hours' / " + orders + "))";
    }

    private static String steps(String status) {
        return "case " + status + " when 'DELIVERED' then array['PENDING', 'CONFIRMED', 'SHIPPED', 'DELIVERED']"
                + " when 'CANCELLED' then array['PENDING', 'CONFIRMED', 'CANCELLED'] else array['PENDING', 'REJECTED'] end";
    }
}
