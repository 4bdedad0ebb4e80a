package com.twelvestreet.orders.order.web;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.twelvestreet.orders.order.StuckOrders;

/** {@code GET /api/admin/orders/stuck}: orders PENDING for too long, oldest first (ADMIN only). */
@RestController
@Validated
class StuckOrderController {

    private final StuckOrders stuck;

    StuckOrderController(StuckOrders stuck) {
        this.stuck = stuck;
    }

    @GetMapping("/api/admin/orders/stuck")
    StuckOrdersView list(@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return new StuckOrdersView(stuck.alertAfter().toString(),
                stuck.oldestFirst(limit).stream().map(OrderView::new).toList());
    }

    record StuckOrdersView(String pendingLongerThan, List<OrderView> items) {
    }
}
