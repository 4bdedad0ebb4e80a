package com.twelvestreet.products.stock;

/** Where an order's stock reservation stands; RESERVED is the only state a release acts on. */
public enum ReservationStatus {
    RESERVED, REJECTED, RELEASED
}
