package com.twelvestreet.products.product;

import com.twelvestreet.platform.problem.BusinessRuleViolationException;

public class InsufficientStockException extends BusinessRuleViolationException {

    public InsufficientStockException(Long productId, int available, int requested) {
        super("Product " + productId + " has " + available + " in stock; " + requested + " cannot be taken");
    }
}
