package com.twelvestreet.platform.contracts.orders;

import java.util.UUID;

/** An order was cancelled; products releases its stock (once, however often this arrives). */
public record OrderCancelled(UUID orderId, String customerId) {
}
