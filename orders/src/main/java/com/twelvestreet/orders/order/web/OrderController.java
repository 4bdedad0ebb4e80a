package com.twelvestreet.orders.order.web;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.twelvestreet.orders.order.Order;
import com.twelvestreet.orders.order.OrderService;
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

    @PostMapping
    ResponseEntity<OrderView> place(@Valid @RequestBody PlaceOrderRequest request, Authentication authentication) {
        Order order = orders.place(Caller.of(authentication).accountId(), request.quantities(), request.address());
        return ResponseEntity.created(URI.create("/api/orders/" + order.getId())).body(new OrderView(order));
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
