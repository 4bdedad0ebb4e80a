package com.twelvestreet.mypage.myorders;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** One order as My Page shows it: status, lines, the timeline of its statuses and the mileage it earned. */
public record MyOrder(UUID orderId, String status, long totalAmount, long mileage, List<Item> items,
        List<Step> timeline, Instant placedAt, Instant updatedAt) {

    public record Item(long productId, String productName, long unitPrice, int quantity) {
    }

    /** {@code reason}: why, where the shopper needs to know (a failed delivery); otherwise absent. */
    public record Step(String status, Instant at, @Nullable String reason) {
    }

    MyOrder with(List<Item> items, List<Step> timeline) {
        return new MyOrder(orderId, status, totalAmount, mileage, items, timeline, placedAt, updatedAt);
    }
}
