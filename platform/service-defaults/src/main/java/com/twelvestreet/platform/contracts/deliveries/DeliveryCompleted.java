package com.twelvestreet.platform.contracts.deliveries;

import java.util.UUID;

/** The parcel was handed over: orders moves the order to DELIVERED. */
public record DeliveryCompleted(UUID deliveryId, UUID orderId) {
}
