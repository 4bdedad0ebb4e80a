package com.twelvestreet.orders.order;

import java.util.EnumSet;
import java.util.Set;

/**
 * The order's life: PENDING → CONFIRMED | REJECTED; CONFIRMED → SHIPPED → DELIVERED; and
 * CANCELLED from PENDING or CONFIRMED (before shipping). REJECTED, CANCELLED and DELIVERED are final.
 */
public enum OrderStatus {
    PENDING, CONFIRMED, REJECTED, SHIPPED, DELIVERED, CANCELLED;

    public Set<OrderStatus> next() {
        return switch (this) {
            case PENDING -> EnumSet.of(CONFIRMED, REJECTED, CANCELLED);
            case CONFIRMED -> EnumSet.of(SHIPPED, CANCELLED);
            case SHIPPED -> EnumSet.of(DELIVERED);
            case REJECTED, DELIVERED, CANCELLED -> EnumSet.noneOf(OrderStatus.class);
        };
    }

    /** REJECTED, DELIVERED and CANCELLED: nothing follows. */
    public boolean isFinal() {
        return next().isEmpty();
    }

    public boolean canBecome(OrderStatus target) {
        return next().contains(target);
    }
}
