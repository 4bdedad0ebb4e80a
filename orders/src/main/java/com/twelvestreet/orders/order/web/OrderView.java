package com.twelvestreet.orders.order.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.twelvestreet.orders.order.Order;
import com.twelvestreet.orders.order.OrderStatus;
import com.twelvestreet.orders.order.ShippingAddress;

/** An order as its owner (or an admin) sees it; {@code cancellable} tells a UI whether to offer cancel. */
record OrderView(UUID id, OrderStatus status, boolean cancellable, List<Item> items, long totalAmount,
        ShippingAddress shippingAddress, List<Step> timeline, Instant createdAt, Instant updatedAt) {

    record Item(long productId, String productName, long unitPrice, int quantity, long amount) {
    }

    /** {@code reason}: why, where the shopper needs to know (a failed delivery); otherwise absent. */
    record Step(OrderStatus status, Instant at, @Nullable String reason) {
    }

    OrderView(Order order) {
        this(order.getId(), order.getStatus(), order.getStatus().canBecome(OrderStatus.CANCELLED),
                order.getItems().stream().map(item -> new Item(item.productId(), item.productName(), item.unitPrice(),
                        item.quantity(), item.unitPrice() * item.quantity())).toList(),
                order.getTotalAmount(), order.getShippingAddress(),
                order.getTimeline().stream().map(change -> new Step(change.status(), change.changedAt(), change.reason())).toList(),
                order.getCreatedAt(), order.getUpdatedAt());
    }
}
