package com.twelvestreet.delivery.delivery;

import java.util.EnumSet;
import java.util.Set;

/**
 * READY (waiting for the courier) → SHIPPING → DELIVERED; CANCELLED while READY or SHIPPING (the
 * order was cancelled: the parcel stays or is called back); FAILED by an operator before delivery.
 */
public enum DeliveryStatus {
    READY, SHIPPING, DELIVERED, CANCELLED, FAILED;

    public Set<DeliveryStatus> next() {
        return switch (this) {
            case READY -> EnumSet.of(SHIPPING, CANCELLED, FAILED);
            case SHIPPING -> EnumSet.of(DELIVERED, CANCELLED, FAILED);
            case DELIVERED, CANCELLED, FAILED -> EnumSet.noneOf(DeliveryStatus.class);
        };
    }

    public boolean canBecome(DeliveryStatus target) {
        return next().contains(target);
    }
}
