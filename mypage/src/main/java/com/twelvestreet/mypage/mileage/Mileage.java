package com.twelvestreet.mypage.mileage;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mileage ledger: a confirmed order earns once, a cancelled one gives back exactly what it
 * earned, once. The table's unique (order, kind) key enforces both, whatever the events do.
 */
@Component
public class Mileage {

    private final JdbcClient jdbc;
    private final MileagePolicy policy;

    Mileage(JdbcClient jdbc, MileagePolicy policy) {
        this.jdbc = jdbc;
        this.policy = policy;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void earn(UUID orderId, String customerId, long orderAmount, Instant at) {
        long amount = policy.earnedOn(orderAmount);
        if (amount > 0) {
            jdbc.sql("""
                    insert into mileage_entries (customer_id, order_id, kind, amount, created_at)
                    values (?, ?, 'EARNED', ?, ?) on conflict do nothing""")
                    .param(customerId).param(orderId).param(amount).param(Timestamp.from(at)).update();
        }
    }

    /** Takes back what the order earned; nothing if it earned nothing (cancelled while pending). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void reverse(UUID orderId, Instant at) {
        jdbc.sql("""
                insert into mileage_entries (customer_id, order_id, kind, amount, created_at)
                select customer_id, order_id, 'REVERSED', -amount, ? from mileage_entries
                where order_id = ? and kind = 'EARNED'
                on conflict do nothing""")
                .param(Timestamp.from(at)).param(orderId).update();
    }

    @Transactional(readOnly = true)
    public Account account(String customerId, int limit) {
        long balance = jdbc.sql("select coalesce(sum(amount), 0) from mileage_entries where customer_id = ?")
                .param(customerId).query(Long.class).single();
        List<Entry> history = jdbc.sql("""
                select order_id, kind, amount, created_at from mileage_entries
                where customer_id = ? order by created_at desc, id desc limit ?""")
                .param(customerId).param(limit)
                .query((rs, row) -> new Entry(rs.getObject("order_id", UUID.class), rs.getString("kind"),
                        rs.getLong("amount"), rs.getTimestamp("created_at").toInstant()))
                .list();
        return new Account(balance, policy.percent(), history);
    }

    public record Account(long balance, int percent, List<Entry> history) {
    }

    public record Entry(UUID orderId, String kind, long amount, Instant at) {
    }
}
