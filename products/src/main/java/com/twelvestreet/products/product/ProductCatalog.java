package com.twelvestreet.products.product;

import java.time.Clock;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.twelvestreet.platform.contracts.products.ProductChanged;
import com.twelvestreet.platform.events.EventPublisher;

/** The catalogue's use cases: browsing for everyone, editing for admins. */
@Service
@Transactional
public class ProductCatalog {

    private final ProductRepository products;
    private final ProductImageRepository images;
    private final EventPublisher events;
    private final Clock clock;

    ProductCatalog(ProductRepository products, ProductImageRepository images, EventPublisher events,
            Clock clock) {
        this.products = products;
        this.images = images;
        this.events = events;
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
        return changed(products.saveAndFlush(Product.create(details.name(), details.description(), details.price(),
                details.stock(), clock.instant())));
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
        return changed(products.saveAndFlush(product));
    }

    public Product adjustStock(long id, int delta) {
        Product product = get(id);
        product.adjustStock(delta, clock.instant());
        return changed(products.saveAndFlush(product));
    }

    public void delete(long id) {
        Product product = get(id);
        products.delete(product);
        events.publish(String.valueOf(id), new ProductChanged(id, product.getVersion() + 1, product.getName(),
                product.getPrice(), 0, true));
    }

    /**
     * Publishes the product's new state in this transaction: the outbox stores it with the change,
     * and it reaches Kafka after the commit (or is retried until it does).
     */
    private Product changed(Product product) {
        events.publish(String.valueOf(product.getId()), new ProductChanged(product.getId(), product.getVersion(),
                product.getName(), product.getPrice(), product.getStock(), false));
        return product;
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
