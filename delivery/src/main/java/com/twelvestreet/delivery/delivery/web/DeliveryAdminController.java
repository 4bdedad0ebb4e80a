package com.twelvestreet.delivery.delivery.web;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.twelvestreet.delivery.delivery.DeliveryService;

/** Operators (ADMIN): the deliveries still under way; move one on now, or mark it failed with a reason. */
@RestController
@Validated
@RequestMapping("/api/admin/deliveries")
class DeliveryAdminController {

    private final DeliveryService deliveries;

    DeliveryAdminController(DeliveryService deliveries) {
        this.deliveries = deliveries;
    }

    /** READY or SHIPPING, the courier's next move first. */
    @GetMapping
    DeliveryListView underWay(@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return new DeliveryListView(deliveries.underWay(limit).stream().map(DeliveryView::new).toList());
    }

    @PostMapping("/{id}/advance")
    DeliveryView advance(@PathVariable UUID id) {
        return new DeliveryView(deliveries.advance(id));
    }

    @PostMapping("/{id}/fail")
    DeliveryView fail(@PathVariable UUID id, @Valid @RequestBody FailureRequest request) {
        return new DeliveryView(deliveries.fail(id, request.reason().strip()));
    }

    record FailureRequest(@NotBlank @Size(max = 200) String reason) {
    }
}
