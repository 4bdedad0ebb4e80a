package com.twelvestreet.platform.contracts.orders;

/** One line of an order: how many of which product, at the name and price the order was placed with. */
public record OrderLine(long productId, int quantity, long unitPrice, String productName) {
}
