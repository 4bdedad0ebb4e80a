package com.twelvestreet.orders.order.web;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.twelvestreet.orders.order.SagaSummary;
import com.twelvestreet.orders.order.StuckOrders;

/**
 * The saga for operators (ADMIN only): {@code GET /api/admin/orders/stuck}, orders PENDING for too long, oldest first;
 * {@code GET /api/admin/orders/summary}, the orders under way per state and those finished in the last day.
 */
@RestController
@Validated
class StuckOrderController {

    private final StuckOrders stuck;
    private final SagaSummary summary;

    StuckOrderController(StuckOrders stuck, SagaSummary summary) {
        this.stuck = stuck;
        this.summary = summary;
    }

    @GetMapping("/api/admin/orders/summary")
    SagaSummary.Counts summary() {
        return summary.now();
    }

    @GetMapping("/api/admin/orders/stuck")
    StuckOrdersView list(@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return new StuckOrdersView(stuck.alertAfter().toString(),
                stuck.oldestFirst(limit).stream().map(OrderView::new).toList());
    }

    record StuckOrdersView(String pendingLongerThan, List<OrderView> items) {
    }
}
