package com.twelvestreet.delivery.delivery.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.twelvestreet.delivery.delivery.DeliveryService;
import com.twelvestreet.platform.security.Caller;

/**
 * {@code GET /api/deliveries?orderId=}: the delivery of one of my orders (an empty list when there is
 * none yet, or the order is not mine); without {@code orderId}, my deliveries, newest first.
 */
@RestController
@RequestMapping("/api/deliveries")
@Validated
class DeliveryController {

    private final DeliveryService deliveries;

    DeliveryController(DeliveryService deliveries) {
        this.deliveries = deliveries;
    }

    @GetMapping
    DeliveryListView find(@RequestParam(required = false) UUID orderId,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        List<DeliveryView> found = orderId != null
                ? deliveries.forOrder(orderId, caller).map(DeliveryView::new).stream().toList()
                : deliveries.mine(caller, limit).stream().map(DeliveryView::new).toList();
        return new DeliveryListView(found);
    }
}
