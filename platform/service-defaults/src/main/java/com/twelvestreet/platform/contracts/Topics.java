package com.twelvestreet.platform.contracts;

/** Kafka topics, one per producing service; each has a {@code .DLT} dead-letter twin. */
public final class Topics {

    public static final String PRODUCTS = "shop.products";

    private Topics() {
    }
}
