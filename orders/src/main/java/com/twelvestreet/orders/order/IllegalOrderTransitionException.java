package com.twelvestreet.orders.order;

import java.util.UUID;

import com.twelvestreet.platform.problem.BusinessRuleViolationException;

/** An order was asked to do what its state forbids (cancel after shipping, ship a rejected order...). */
public class IllegalOrderTransitionException extends BusinessRuleViolationException {

    public IllegalOrderTransitionException(UUID orderId, OrderStatus from, OrderStatus to) {
        super("Order " + orderId + " is " + from + " and cannot become " + to);
    }
}
