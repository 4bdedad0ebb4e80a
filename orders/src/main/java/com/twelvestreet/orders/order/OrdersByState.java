package com.twelvestreet.orders.order;

import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The dashboard's orders by state. Orders in flight (PENDING, CONFIRMED, SHIPPED), as the gauge
 * {@code orders.by.state{state}}, are counted in the database at each scrape on the status index, so every instance
 * reports the same truth and the count reads only the orders in flight. Orders that reached a final state are counted
 * as they get there, by the counter {@code orders.finished{state}}: counting them in the database would read every
 * order the shop ever finished at each scrape, a table that only grows.
 */
@Component
class OrdersByState {

    private final Map<OrderStatus, Counter> finished = new EnumMap<>(OrderStatus.class);

    OrdersByState(OrderRepository orders, MeterRegistry meters) {
        for (OrderStatus state : OrderStatus.values()) {
            if (state.isFinal()) {
                // present from the start, at zero
                finished.put(state, Counter.builder("orders.finished").description("Orders that reached this final state")
                        .tag("state", state.name()).register(meters));
            }
            else {
                Gauge.builder("orders.by.state", orders, repository -> repository.countByStatus(state))
                        .description("Orders currently in this state")
                        .tag("state", state.name())
                        .register(meters);
            }
        }
    }

    /** Counts an order that reached a final state once its transaction commits (a rolled-back step counts nothing). */
    void reached(OrderStatus state) {
        if (!state.isFinal()) {
            return;
        }
        Counter counter = finished.get(state);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    counter.increment();
                }
            });
        }
        else {
            counter.increment();
        }
    }
}
