package com.twelvestreet.platform.contracts.deliveries;

import java.util.UUID;

/** An operator marked the delivery failed (e.g. the parcel was lost); {@code reason} says why. */
public record DeliveryFailed(UUID deliveryId, UUID orderId, String reason) {
}
