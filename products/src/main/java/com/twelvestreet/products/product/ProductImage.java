package com.twelvestreet.products.product;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The picture of a product, kept in the service's own database so every instance serves the same bytes. */
@Entity
@Table(name = "product_images")
public class ProductImage {

    @Id
    private Long productId;

    private String contentType;

    private byte[] data;

    protected ProductImage() {
    }

    public ProductImage(Long productId, String contentType, byte[] data) {
        this.productId = productId;
        this.contentType = contentType;
        this.data = data;
    }

    public void replace(String contentType, byte[] data) {
        this.contentType = contentType;
        this.data = data;
    }

    public String getContentType() {
        return contentType;
    }

    public byte[] getData() {
        return data;
    }
}
