package com.twelvestreet.products.product;

/** What an admin states about a product when creating or editing it. */
public record ProductDetails(String name, String description, long price, int stock) {
}
