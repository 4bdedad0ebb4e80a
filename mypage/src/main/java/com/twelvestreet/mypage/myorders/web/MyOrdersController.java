package com.twelvestreet.mypage.myorders.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.twelvestreet.mypage.myorders.MyOrders;

/** {@code GET /api/mypage/orders}: my orders, newest first, each with its status timeline — one call. */
@RestController
@Validated
class MyOrdersController {

    private final MyOrders orders;

    MyOrdersController(MyOrders orders) {
        this.orders = orders;
    }

    @GetMapping("/api/mypage/orders")
    MyOrders.Page mine(@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, Authentication authentication) {
        return orders.page(authentication.getName(), page, size);
    }
}
