package com.twelvestreet.platform.contracts.products;

/**
 * A product was created, edited, restocked or deleted: its state after the change, so a consumer
 * (the orders service's product replica) can keep the latest one. {@code productVersion} grows with
 * every change: a consumer ignores an event older than what it holds, as a redelivered or retried
 * event can arrive late. Sample and compatibility check: {@code contracts/products/ProductChanged.v1.json}.
 */
public record ProductChanged(long productId, long productVersion, String name, long price, int stock,
        boolean deleted) {
}
