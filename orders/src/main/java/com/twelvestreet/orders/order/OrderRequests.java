package com.twelvestreet.orders.order;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The idempotency keys customers sent with their orders, and the order each one created. */
@Repository
class OrderRequests {

    record Earlier(UUID orderId, String fingerprint) {
    }

    private final JdbcClient jdbc;

    OrderRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Earlier> find(String customerId, String idempotencyKey) {
        return jdbc.sql("""
                select order_id, fingerprint from order_requests where customer_id = ? and idempotency_key = ?""")
                .params(customerId, idempotencyKey)
                .query((row, n) -> new Earlier(row.getObject("order_id", UUID.class), row.getString("fingerprint")))
                .optional();
    }

    /** Fails with a DuplicateKeyException when the customer already used the key (maybe right now, concurrently). */
    void remember(OrderRequest request, UUID orderId, Instant now) {
        jdbc.sql("""
                insert into order_requests (customer_id, idempotency_key, fingerprint, order_id, created_at)
                values (?, ?, ?, ?, ?)""")
                .params(request.customerId(), request.idempotencyKey().orElseThrow(), request.fingerprint(), orderId,
                        Timestamp.from(now))
                .update();
    }
}
