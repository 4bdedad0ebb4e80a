package com.twelvestreet.platform.contracts.products;

import java.util.List;
import java.util.UUID;

/** The order could not be reserved: these products lack stock (or no longer exist). Nothing was taken. */
public record ProductOutOfStock(UUID orderId, List<Long> productIds) {
}
