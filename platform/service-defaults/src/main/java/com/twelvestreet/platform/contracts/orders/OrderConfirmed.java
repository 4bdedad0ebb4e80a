package com.twelvestreet.platform.contracts.orders;

import java.util.UUID;

/** Stock is reserved: the order is confirmed; delivery starts and mileage is earned on its amount. */
public record OrderConfirmed(UUID orderId, String customerId, long totalAmount) {
}
