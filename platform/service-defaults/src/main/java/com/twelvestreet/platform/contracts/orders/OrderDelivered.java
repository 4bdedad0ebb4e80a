package com.twelvestreet.platform.contracts.orders;

import java.util.UUID;

/** The parcel reached the customer; the order is complete. */
public record OrderDelivered(UUID orderId, String customerId) {
}
