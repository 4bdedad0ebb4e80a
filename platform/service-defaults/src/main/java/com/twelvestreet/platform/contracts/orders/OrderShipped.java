package com.twelvestreet.platform.contracts.orders;

import java.util.UUID;

/** The courier picked the parcel up; the order can no longer be cancelled. */
public record OrderShipped(UUID orderId, String customerId) {
}
