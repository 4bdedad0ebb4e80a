package com.twelvestreet.orders.order.web;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.twelvestreet.orders.order.Order;
import com.twelvestreet.orders.order.OrderRequest;
import com.twelvestreet.orders.order.OrderService;
import com.twelvestreet.orders.order.OrderService.Placement;
import com.twelvestreet.platform.security.Caller;

/** A customer's orders: place, list, read, cancel. Who the customer is comes from the token only. */
@RestController
@RequestMapping("/api/orders")
@Validated
class OrderController {

    private final OrderService orders;

    OrderController(OrderService orders) {
        this.orders = orders;
    }

    /**
     * 201 with the new order; with an {@code Idempotency-Key} the customer already sent, 200 with
     * the order that request placed and {@code Idempotent-Replayed: true} (a different order under
     * the same key: 422).
     */
    @PostMapping
    ResponseEntity<OrderView> place(@Valid @RequestBody PlaceOrderRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false)
            @Pattern(regexp = "[A-Za-z0-9_.:-]{8,64}", message = "must be 8 to 64 letters, digits or _.:-")
            String idempotencyKey,
            Authentication authentication) {
        Placement placement = orders.place(new OrderRequest(Caller.of(authentication).accountId(),
                request.quantities(), request.address(), Optional.ofNullable(idempotencyKey)));
        OrderView body = new OrderView(placement.order());
        if (placement.replayed()) {
            return ResponseEntity.ok().location(location(placement.order())).header("Idempotent-Replayed", "true")
                    .body(body);
        }
        return ResponseEntity.created(location(placement.order())).body(body);
    }

    private static URI location(Order order) {
        return URI.create("/api/orders/" + order.getId());
    }

    @GetMapping
    OrderPageView mine(@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, Authentication authentication) {
        PageRequest newestFirst = PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("id")));
        return new OrderPageView(orders.mine(Caller.of(authentication), newestFirst));
    }

    @GetMapping("/{id}")
    OrderView get(@PathVariable UUID id, Authentication authentication) {
        return new OrderView(orders.get(id, Caller.of(authentication)));
    }

    @PostMapping("/{id}/cancel")
    OrderView cancel(@PathVariable UUID id, Authentication authentication) {
        return new OrderView(orders.cancel(id, Caller.of(authentication)));
    }
}
