package com.twelvestreet.delivery.delivery.web;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.twelvestreet.delivery.delivery.DeliveryService;

/** Operator commands (ADMIN): move a delivery on now, or mark it failed with a reason. */
@RestController
@RequestMapping("/api/admin/deliveries/{id}")
class DeliveryAdminController {

    private final DeliveryService deliveries;

    DeliveryAdminController(DeliveryService deliveries) {
        this.deliveries = deliveries;
    }

    @PostMapping("/advance")
    DeliveryView advance(@PathVariable UUID id) {
        return new DeliveryView(deliveries.advance(id));
    }

    @PostMapping("/fail")
    DeliveryView fail(@PathVariable UUID id, @Valid @RequestBody FailureRequest request) {
        return new DeliveryView(deliveries.fail(id, request.reason().strip()));
    }

    record FailureRequest(@NotBlank @Size(max = 200) String reason) {
    }
}
