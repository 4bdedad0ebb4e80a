package com.twelvestreet.orders.order;

import java.util.EnumSet;
import java.util.Set;

/**
 * The order's life: PENDING → CONFIRMED | REJECTED; CONFIRMED → SHIPPED → DELIVERED; CANCELLED from
 * PENDING or CONFIRMED (before shipping); DELIVERY_FAILED from CONFIRMED or SHIPPED (the delivery failed before
 * the parcel arrived). REJECTED, DELIVERED, CANCELLED and DELIVERY_FAILED are final.
 */
public enum OrderStatus {
    PENDING, CONFIRMED, REJECTED, SHIPPED, DELIVERED, CANCELLED, DELIVERY_FAILED;

    public Set<OrderStatus> next() {
        return switch (this) {
            case PENDING -> EnumSet.of(CONFIRMED, REJECTED, CANCELLED);
            case CONFIRMED -> EnumSet.of(SHIPPED, CANCELLED, DELIVERY_FAILED);
            case SHIPPED -> EnumSet.of(DELIVERED, DELIVERY_FAILED);
            case REJECTED, DELIVERED, CANCELLED, DELIVERY_FAILED -> EnumSet.noneOf(OrderStatus.class);
        };
    }

    /** REJECTED, DELIVERED, CANCELLED and DELIVERY_FAILED: nothing follows. */
    public boolean isFinal() {
        return next().isEmpty();
    }

    public boolean canBecome(OrderStatus target) {
        return next().contains(target);
    }
}
