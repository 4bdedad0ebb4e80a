package com.twelvestreet.products.stock;

/**
 * Where an order's stock reservation stands; RESERVED is the only state a release acts on. DELIVERED: the order
 * reached its shopper, so nothing will give its stock back, and the reservation is kept only as long as its events
 * may come back (docs/retention.md).
 */
public enum ReservationStatus {
    RESERVED, REJECTED, RELEASED, DELIVERED
}
