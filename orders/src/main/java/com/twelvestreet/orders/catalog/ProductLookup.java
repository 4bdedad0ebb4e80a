package com.twelvestreet.orders.catalog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Component;

/**
 * Finds the name and price to order a product at: from the products service when it answers,
 * otherwise from the local replica; when neither knows the product, a fast 503.
 */
@Component
public class ProductLookup {

    private static final Logger log = LoggerFactory.getLogger(ProductLookup.class);

    private final ProductsClient products;
    private final ProductReplica replica;

    ProductLookup(ProductsClient products, ProductReplica replica) {
        this.products = products;
        this.replica = replica;
    }

    public ProductSnapshot find(long productId) {
        try {
            return products.find(productId).orElseThrow(() -> new UnknownProductException(productId));
        }
        catch (UnknownProductException ex) {
            throw ex;
        }
        catch (RuntimeException unavailable) {
            ProductReplica.Entry entry = replica.find(productId)
                    .orElseThrow(() -> new ProductsUnavailableException(productId, unavailable));
            if (entry.deleted()) {
                throw new UnknownProductException(productId);
            }
            log.info("Products unavailable ({}): product {} priced from the replica",
                    NestedExceptionUtils.getMostSpecificCause(unavailable).toString(), productId);
            return entry.product();
        }
    }
}
