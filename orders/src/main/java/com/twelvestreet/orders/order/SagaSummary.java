package com.twelvestreet.orders.order;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The saga at a glance, for the operations page: the orders in each state still under way, and how many reached
 * each final state in the last day (counted on the status index, a range per state, not the whole history).
 */
@Component
public class SagaSummary {

    static final Duration RECENT = Duration.ofDays(1);

    private final OrderRepository orders;
    private final StuckOrders stuck;
    private final Clock clock;

    SagaSummary(OrderRepository orders, StuckOrders stuck, Clock clock) {
        this.orders = orders;
        this.stuck = stuck;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Counts now() {
        Map<OrderStatus, Long> underWay = new EnumMap<>(OrderStatus.class);
        Map<OrderStatus, Long> finishedLastDay = new EnumMap<>(OrderStatus.class);
        Instant since = clock.instant().minus(RECENT);
        for (OrderStatus state : OrderStatus.values()) {
            if (state.isFinal()) {
                finishedLastDay.put(state, orders.countByStatusAndUpdatedAtAfter(state, since));
            }
            else {
                underWay.put(state, orders.countByStatus(state));
            }
        }
        return new Counts(underWay, finishedLastDay, stuck.count());
    }

    /** {@code stuck}: PENDING longer than {@code twelvestreet.orders.pending-alert-after}. */
    public record Counts(Map<OrderStatus, Long> underWay, Map<OrderStatus, Long> finishedLastDay, long stuck) {
    }
}
