package com.twelvestreet.orders.order;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * How many orders are in each state right now, as the gauge {@code orders.by.state{state}} (the
 * dashboard's "orders by state"). Counted in the database at each scrape, on the status index, so
 * every instance reports the same truth.
 */
@Component
class OrdersByState {

    OrdersByState(OrderRepository orders, MeterRegistry meters) {
        for (OrderStatus state : OrderStatus.values()) {
            Gauge.builder("orders.by.state", orders, repository -> repository.countByStatus(state))
                    .description("Orders currently in this state")
                    .tag("state", state.name())
                    .register(meters);
        }
    }
}
