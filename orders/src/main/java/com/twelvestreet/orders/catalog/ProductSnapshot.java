package com.twelvestreet.orders.catalog;

/** What an order needs to know about a product: its name and current price. */
public record ProductSnapshot(long id, String name, long price) {
}
