package com.twelvestreet.platform.contracts.products;

import java.util.UUID;

/** The stock an order had reserved is back on the shelf. */
public record StockReleased(UUID orderId) {
}
