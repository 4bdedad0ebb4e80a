package com.twelvestreet.platform.contracts.orders;

import java.util.UUID;

/**
 * The order's delivery failed (an operator marked it, e.g. the parcel was lost); the order ends here.
 * products gives its stock back and My Page takes back its mileage, each once however often this arrives;
 * {@code reason} is shown to the shopper.
 */
public record OrderDeliveryFailed(UUID orderId, String customerId, String reason) {
}
