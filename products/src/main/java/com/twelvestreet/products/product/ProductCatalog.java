package com.twelvestreet.products.product;

import java.time.Clock;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The catalogue's use cases: browsing for everyone, editing for admins. */
@Service
@Transactional
public class ProductCatalog {

    private final ProductRepository products;
    private final ProductImageRepository images;
    private final Clock clock;

    ProductCatalog(ProductRepository products, ProductImageRepository images, Clock clock) {
        this.products = products;
        this.images = images;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page<Product> browse(String nameContains, Pageable pageable) {
        return nameContains == null || nameContains.isBlank()
                ? products.findAll(pageable)
                : products.findByNameContainingIgnoreCase(nameContains.strip(), pageable);
    }

    @Transactional(readOnly = true)
    public Product get(long id) {
        return products.findById(id).orElseThrow(() -> new ProductNotFoundException(id));
    }

    public Product create(ProductDetails details) {
        return products.save(Product.create(details.name(), details.description(), details.price(),
                details.stock(), clock.instant()));
    }

    /**
     * Applies an edit made on the version the admin saw; if someone changed the product since,
     * the edit is refused rather than silently overwriting theirs.
     */
    public Product update(long id, long expectedVersion, ProductDetails details) {
        Product product = get(id);
        if (product.getVersion() != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException(Product.class, id);
        }
        product.update(details.name(), details.description(), details.price(), details.stock(), clock.instant());
        return products.saveAndFlush(product);
    }

    public Product adjustStock(long id, int delta) {
        Product product = get(id);
        product.adjustStock(delta, clock.instant());
        return products.saveAndFlush(product);
    }

    public void delete(long id) {
        products.delete(get(id));
    }

    public void replaceImage(long id, String contentType, byte[] data) {
        Product product = get(id);
        images.findById(id).ifPresentOrElse(
                image -> image.replace(contentType, data),
                () -> images.save(new ProductImage(id, contentType, data)));
        product.imageChanged(clock.instant());
    }

    @Transactional(readOnly = true)
    public ProductImage image(long id) {
        return images.findById(id).orElseThrow(() -> new ProductImageNotFoundException(id));
    }
}
