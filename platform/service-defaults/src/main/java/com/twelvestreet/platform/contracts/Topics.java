package com.twelvestreet.platform.contracts;

/** Kafka topics, one per producing service; each has a {@code .DLT} dead-letter twin. */
public final class Topics {

    public static final String PRODUCTS = "shop.products";
    public static final String ORDERS = "shop.orders";
    public static final String DELIVERIES = "shop.deliveries";

    /** The dead-letter topic of a topic: where its poison messages go after bounded retries. */
    public static String deadLetter(String topic) {
        return topic + ".DLT";
    }

    private Topics() {
    }
}
