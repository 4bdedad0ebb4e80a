package com.twelvestreet.platform.contracts.deliveries;

import java.util.UUID;

/** The courier picked the parcel up: orders moves the order to SHIPPED. */
public record DeliveryStarted(UUID deliveryId, UUID orderId) {
}
