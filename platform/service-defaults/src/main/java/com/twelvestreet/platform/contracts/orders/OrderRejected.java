package com.twelvestreet.platform.contracts.orders;

import java.util.List;
import java.util.UUID;

/** The order could not be fulfilled: these products lacked stock. */
public record OrderRejected(UUID orderId, String customerId, List<Long> productIds) {
}
