package com.twelvestreet.mypage.myorders;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.twelvestreet.platform.contracts.orders.OrderLine;
import com.twelvestreet.platform.contracts.orders.OrderPlaced;

/**
 * The projection of a shopper's orders: a row per order with its lines and a timeline of statuses, and the
 * number of orders per shopper, written from the order events and read through indexes, four queries a page.
 * Applying the same event twice changes nothing.
 */
@Component
public class MyOrders {

    private final JdbcClient jdbc;

    MyOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void placed(OrderPlaced order, Instant at) {
        int inserted = jdbc.sql("""
                insert into my_orders (order_id, customer_id, status, total_amount, placed_at, updated_at)
                values (?, ?, 'PENDING', ?, ?, ?) on conflict do nothing""")
                .param(order.orderId()).param(order.customerId()).param(order.totalAmount())
                .param(Timestamp.from(at)).param(Timestamp.from(at)).update();
        if (inserted == 0) {
            return;
        }
        jdbc.sql("""
                insert into my_order_counts (customer_id, orders) values (?, 1)
                on conflict (customer_id) do update set orders = my_order_counts.orders + 1""")
                .param(order.customerId()).update();
        List<OrderLine> lines = order.lines();
        for (int position = 0; position < lines.size(); position++) {
            OrderLine line = lines.get(position);
            jdbc.sql("""
                    insert into my_order_items (order_id, position, product_id, product_name, unit_price, quantity)
                    values (?, ?, ?, ?, ?, ?)""")
                    .param(order.orderId()).param(position).param(line.productId()).param(line.productName())
                    .param(line.unitPrice()).param(line.quantity()).update();
        }
        addToTimeline(order.orderId(), "PENDING", at);
    }

    /** The order reached {@code status}; the row keeps the latest status, the timeline every one. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void moved(UUID orderId, String status, Instant at) {
        moved(orderId, status, at, null);
    }

    /** As {@link #moved(UUID, String, Instant)}, with the reason the shopper is shown at that step. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void moved(UUID orderId, String status, Instant at, @Nullable String reason) {
        jdbc.sql("update my_orders set status = ?, updated_at = ? where order_id = ?")
                .param(status).param(Timestamp.from(at)).param(orderId).update();
        addToTimeline(orderId, status, at, reason);
    }

    private void addToTimeline(UUID orderId, String status, Instant at) {
        addToTimeline(orderId, status, at, null);
    }

    private void addToTimeline(UUID orderId, String status, Instant at, @Nullable String reason) {
        jdbc.sql("""
                insert into my_order_timeline (order_id, status, changed_at, reason)
                select ?, ?, ?, ? where exists (select 1 from my_orders where order_id = ?)
                on conflict do nothing""")
                .param(orderId).param(status).param(Timestamp.from(at)).param(reason).param(orderId).update();
    }

    /**
     * One page of a shopper's orders with the mileage each earned, summed for the page's orders only: a join
     * with mileage summed per order over the whole ledger cost 226 ms per page on a shop of 38,000 orders.
     */
    static final String PAGE = """
            select o.order_id, o.status, o.total_amount, o.placed_at, o.updated_at,
                   (select coalesce(sum(m.amount), 0) from mileage_entries m where m.order_id = o.order_id) as mileage
            from my_orders o
            where o.customer_id = ? order by o.placed_at desc, o.order_id limit ? offset ?""";

    @Transactional(readOnly = true)
    public Page page(String customerId, int page, int size) {
        long total = jdbc.sql("select orders from my_order_counts where customer_id = ?").param(customerId)
                .query(Long.class).optional().orElse(0L);
        List<MyOrder> orders = jdbc.sql(PAGE).param(customerId).param(size).param((long) page * size)
                .query((rs, row) -> new MyOrder(rs.getObject("order_id", UUID.class), rs.getString("status"),
                        rs.getLong("total_amount"), rs.getLong("mileage"), List.of(), List.of(),
                        rs.getTimestamp("placed_at").toInstant(), rs.getTimestamp("updated_at").toInstant()))
                .list();
        if (orders.isEmpty()) {
            return new Page(List.of(), page, size, total);
        }
        List<UUID> ids = orders.stream().map(MyOrder::orderId).toList();
        Map<UUID, List<MyOrder.Item>> items = jdbc.sql("""
                select order_id, product_id, product_name, unit_price, quantity from my_order_items
                where order_id in (:ids) order by order_id, position""").param("ids", ids)
                .query((rs, row) -> Map.entry(rs.getObject("order_id", UUID.class), new MyOrder.Item(
                        rs.getLong("product_id"), rs.getString("product_name"), rs.getLong("unit_price"),
                        rs.getInt("quantity"))))
                .list().stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        Map<UUID, List<MyOrder.Step>> timelines = jdbc.sql("""
                select order_id, status, changed_at, reason from my_order_timeline
                where order_id in (:ids) order by order_id, changed_at""").param("ids", ids)
                .query((rs, row) -> Map.entry(rs.getObject("order_id", UUID.class), new MyOrder.Step(
                        rs.getString("status"), rs.getTimestamp("changed_at").toInstant(), rs.getString("reason"))))
                .list().stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return new Page(orders.stream().map(order -> order.with(items.getOrDefault(order.orderId(), List.of()),
                timelines.getOrDefault(order.orderId(), List.of()))).toList(), page, size, total);
    }

    public record Page(List<MyOrder> items, int page, int size, long totalItems) {
    }
}
