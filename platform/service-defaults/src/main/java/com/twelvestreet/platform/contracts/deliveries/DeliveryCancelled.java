package com.twelvestreet.platform.contracts.deliveries;

import java.util.UUID;

/** The order was cancelled before the courier picked it up: the delivery will not happen. */
public record DeliveryCancelled(UUID deliveryId, UUID orderId) {
}
