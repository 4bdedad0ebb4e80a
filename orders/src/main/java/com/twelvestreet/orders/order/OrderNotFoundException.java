package com.twelvestreet.orders.order;

import java.util.UUID;

import com.twelvestreet.platform.problem.ResourceNotFoundException;

/** No such order, or not the caller's: the answer is the same 404, so ids reveal nothing. */
public class OrderNotFoundException extends ResourceNotFoundException {

    public OrderNotFoundException(UUID id) {
        super("Order", id);
    }
}
