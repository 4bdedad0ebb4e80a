package com.twelvestreet.products.stock;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.twelvestreet.platform.contracts.orders.OrderCancelled;
import com.twelvestreet.platform.contracts.orders.OrderDelivered;
import com.twelvestreet.platform.contracts.orders.OrderDeliveryFailed;
import com.twelvestreet.platform.contracts.orders.OrderLine;
import com.twelvestreet.platform.contracts.orders.OrderPlaced;
import com.twelvestreet.platform.contracts.products.ProductOutOfStock;
import com.twelvestreet.platform.contracts.products.StockReleased;
import com.twelvestreet.platform.contracts.products.StockReserved;
import com.twelvestreet.platform.events.EventPublisher;

/**
 * The products side of the order saga: reserves all lines of an order or none, and gives the stock
 * back when the order is cancelled or its delivery fails. The product rows are locked in id order for the decision, so
 * concurrent orders cannot oversell and cannot deadlock. Reserving or releasing the same order
 * again changes nothing, and an order cancelled before its placement arrived is never reserved. Its answers are StockReserved, ProductOutOfStock and StockReleased only: a
 * ProductChanged per product touched was an event and a transaction in orders per order line that no
 * reader used (orders' replica keeps names and prices; stock is read from products' API).
 */
@Service
@Transactional
public class StockKeeper {

    private final JdbcClient jdbc;
    private final EventPublisher events;
    private final Clock clock;

    StockKeeper(JdbcClient jdbc, EventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    public ReservationStatus reserve(OrderPlaced order) {
        Optional<ReservationStatus> earlier = status(order.orderId(), false);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Map<Long, Integer> wanted = new TreeMap<>();
        for (OrderLine line : order.lines()) {
            wanted.merge(line.productId(), line.quantity(), Integer::sum);
        }
        Map<Long, Integer> inStock = new TreeMap<>();
        jdbc.sql("select id, stock from products where id in (:ids) order by id for update")
                .param("ids", List.copyOf(wanted.keySet()))
                .query((rs, row) -> inStock.put(rs.getLong("id"), rs.getInt("stock")))
                .list();
        List<Long> lacking = wanted.entrySet().stream()
                .filter(want -> inStock.getOrDefault(want.getKey(), 0) < want.getValue())
                .map(Map.Entry::getKey).toList();
        Instant now = clock.instant();
        if (!lacking.isEmpty()) {
            record(order.orderId(), ReservationStatus.REJECTED, Map.of(), now);
            publish(order.orderId(), new ProductOutOfStock(order.orderId(), lacking));
            return ReservationStatus.REJECTED;
        }
        wanted.forEach((productId, quantity) -> changeStock(productId, -quantity, now));
        record(order.orderId(), ReservationStatus.RESERVED, wanted, now);
        publish(order.orderId(), new StockReserved(order.orderId()));
        return ReservationStatus.RESERVED;
    }

    public ReservationStatus release(OrderCancelled cancelled) {
        return release(cancelled.orderId());
    }

    /** The order's delivery failed before it arrived: its stock goes back on the shelf, once. */
    public ReservationStatus release(OrderDeliveryFailed failed) {
        return release(failed.orderId());
    }

    private ReservationStatus release(UUID orderId) {
        Optional<ReservationStatus> status = status(orderId, true);
        Instant now = clock.instant();
        if (status.isEmpty()) {
            // the cancel overtook the placement (orders' outbox resends an OrderPlaced that met Kafka down only after
            // its retry interval, and a cancel sent since then arrives first): remember it, so that the late
            // OrderPlaced reserves nothing that no cancel would ever give back
            record(orderId, ReservationStatus.RELEASED, Map.of(), now);
            return ReservationStatus.RELEASED;
        }
        if (status.get() != ReservationStatus.RESERVED) {
            return status.get(); // rejected, or given back already
        }
        Map<Long, Integer> reserved = new TreeMap<>();
        jdbc.sql("select product_id, quantity from stock_reservation_lines where order_id = ? order by product_id")
                .param(orderId)
                .query((rs, row) -> reserved.put(rs.getLong("product_id"), rs.getInt("quantity")))
                .list();
        reserved.forEach((productId, quantity) -> changeStock(productId, quantity, now)); // none if deleted meanwhile
        jdbc.sql("update stock_reservations set status = 'RELEASED', updated_at = ? where order_id = ?")
                .param(Timestamp.from(now)).param(orderId).update();
        publish(orderId, new StockReleased(orderId));
        return ReservationStatus.RELEASED;
    }

    /** The order was delivered: its reservation is settled for good (a later cancel or failure cannot touch it). */
    public void settle(OrderDelivered delivered) {
        jdbc.sql("update stock_reservations set status = 'DELIVERED', updated_at = ? where order_id = ? and status = 'RESERVED'")
                .param(Timestamp.from(clock.instant())).param(delivered.orderId()).update();
    }

    private Optional<ReservationStatus> status(UUID orderId, boolean lock) {
        return jdbc.sql("select status from stock_reservations where order_id = ?" + (lock ? " for update" : ""))
                .param(orderId).query(String.class).optional().map(ReservationStatus::valueOf);
    }

    private void changeStock(long productId, int delta, Instant now) {
        jdbc.sql("""
                update products set stock = stock + ?, version = version + 1, updated_at = ?
                where id = ? and stock + ? >= 0""")
                .param(delta).param(Timestamp.from(now)).param(productId).param(delta).update();
    }

    private void record(UUID orderId, ReservationStatus status, Map<Long, Integer> lines, Instant now) {
        jdbc.sql("insert into stock_reservations (order_id, status, created_at, updated_at) values (?, ?, ?, ?)")
                .param(orderId).param(status.name()).param(Timestamp.from(now)).param(Timestamp.from(now)).update();
        lines.forEach((productId, quantity) -> jdbc.sql(
                "insert into stock_reservation_lines (order_id, product_id, quantity) values (?, ?, ?)")
                .param(orderId).param(productId).param(quantity).update());
    }

    private void publish(UUID orderId, Object event) {
        events.publish(orderId.toString(), event);
    }
}
