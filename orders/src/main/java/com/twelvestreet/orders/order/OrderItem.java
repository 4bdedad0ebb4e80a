package com.twelvestreet.orders.order;

import jakarta.persistence.Embeddable;

/** One line of an order, with the name and price the product had when the order was placed. */
@Embeddable
public record OrderItem(long productId, String productName, long unitPrice, int quantity) {

    public OrderItem {
        if (quantity < 1) {
            throw new IllegalArgumentException("A line needs at least one item");
        }
        if (unitPrice <= 0) {
            throw new IllegalArgumentException("A line needs a positive price");
        }
    }

    long amount() {
        return unitPrice * quantity;
    }
}
