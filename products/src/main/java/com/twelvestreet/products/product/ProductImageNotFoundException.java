package com.twelvestreet.products.product;

import com.twelvestreet.platform.problem.ResourceNotFoundException;

public class ProductImageNotFoundException extends ResourceNotFoundException {

    public ProductImageNotFoundException(long productId) {
        super("Image of product", productId);
    }
}
