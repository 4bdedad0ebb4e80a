package com.twelvestreet.products.product.web;

import java.time.Instant;

import com.twelvestreet.products.product.Product;

/** A product as the API shows it; {@code version} is what an edit must send back. */
record ProductView(long id, String name, String description, long price, int stock, String imageUrl,
        Instant createdAt, Instant updatedAt, long version) {

    ProductView(Product product) {
        this(product.getId(), product.getName(), product.getDescription(), product.getPrice(), product.getStock(),
                product.hasImage()
                        ? "/api/products/" + product.getId() + "/image?v=" + product.getImageUpdatedAt().toEpochMilli()
                        : null,
                product.getCreatedAt(), product.getUpdatedAt(), product.getVersion());
    }
}
