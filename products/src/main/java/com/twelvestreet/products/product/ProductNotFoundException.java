package com.twelvestreet.products.product;

import com.twelvestreet.platform.problem.ResourceNotFoundException;

public class ProductNotFoundException extends ResourceNotFoundException {

    public ProductNotFoundException(long id) {
        super("Product", id);
    }
}
