package com.twelvestreet.products.product;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A product of the catalogue. Prices are whole Korean won (the won has no minor unit), so a
 * {@code long} is exact. Stock never goes below zero: the entity refuses it and so does the table.
 */
@Entity
@Table(name = "products")
public class Product {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    private String description;

    private long price;

    private int stock;

    @Column(name = "image_updated_at")
    private Instant imageUpdatedAt;

    private Instant createdAt;

    private Instant updatedAt;

    @Version
    private long version;

    protected Product() {
    }

    public static Product create(String name, String description, long price, int stock, Instant now) {
        Product product = new Product();
        product.describe(name, description, price);
        product.stock = requireNonNegative(stock);
        product.createdAt = now;
        product.updatedAt = now;
        return product;
    }

    public void update(String name, String description, long price, int stock, Instant now) {
        describe(name, description, price);
        this.stock = requireNonNegative(stock);
        this.updatedAt = now;
    }

    /** Adds (or with a negative delta removes) stock; refuses to go below zero. */
    public void adjustStock(int delta, Instant now) {
        long adjusted = (long) stock + delta;
        if (adjusted < 0) {
            throw new InsufficientStockException(id, stock, -delta);
        }
        if (adjusted > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Stock would exceed " + Integer.MAX_VALUE);
        }
        stock = (int) adjusted;
        updatedAt = now;
    }

    public void imageChanged(Instant now) {
        imageUpdatedAt = now;
        updatedAt = now;
    }

    private void describe(String name, String description, long price) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A product needs a name");
        }
        if (price <= 0) {
            throw new IllegalArgumentException("A product's price must be positive");
        }
        this.name = name.strip();
        this.description = description == null ? "" : description.strip();
        this.price = price;
    }

    private static int requireNonNegative(int stock) {
        if (stock < 0) {
            throw new IllegalArgumentException("Stock cannot be negative");
        }
        return stock;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public long getPrice() {
        return price;
    }

    public int getStock() {
        return stock;
    }

    public boolean hasImage() {
        return imageUpdatedAt != null;
    }

    public Instant getImageUpdatedAt() {
        return imageUpdatedAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
