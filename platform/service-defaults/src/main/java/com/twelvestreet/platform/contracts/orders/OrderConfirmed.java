package com.twelvestreet.platform.contracts.orders;

import java.util.UUID;

/**
 * Stock is reserved: the order is confirmed; delivery ships it to {@code shippingAddress} (added in
 * v1 after the first sample: readers of the older sample simply ignore it) and mileage is earned on
 * its amount.
 */
public record OrderConfirmed(UUID orderId, String customerId, long totalAmount, DeliveryAddress shippingAddress) {
}
