package com.twelvestreet.orders.order;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Orders waiting in PENDING longer than {@code twelvestreet.orders.pending-alert-after}: the saga
 * has not heard back from products (a consumer down, a message in the dead-letter topic). Shown
 * as the gauge {@code orders.pending.stuck} and in the admin list.
 */
@Component
public class StuckOrders {

    private final OrderRepository orders;
    private final Clock clock;
    private final Duration alertAfter;

    StuckOrders(OrderRepository orders, Clock clock, MeterRegistry meters,
            @Value("${twelvestreet.orders.pending-alert-after:2m}") Duration alertAfter) {
        this.orders = orders;
        this.clock = clock;
        this.alertAfter = alertAfter;
        Gauge.builder("orders.pending.stuck", this, stuck -> stuck.count())
                .description("Orders in PENDING for longer than " + alertAfter)
                .register(meters);
    }

    @Transactional(readOnly = true)
    public List<Order> oldestFirst(int limit) {
        return orders.findByStatusAndUpdatedAtBeforeOrderByUpdatedAt(OrderStatus.PENDING, threshold(),
                PageRequest.ofSize(limit));
    }

    public Duration alertAfter() {
        return alertAfter;
    }

    public long count() {
        return orders.countByStatusAndUpdatedAtBefore(OrderStatus.PENDING, threshold());
    }

    private Instant threshold() {
        return clock.instant().minus(alertAfter);
    }
}
