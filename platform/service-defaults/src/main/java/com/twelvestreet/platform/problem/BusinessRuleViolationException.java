package com.twelvestreet.platform.problem;

/**
 * A request that is well-formed but breaks a rule of the domain in the resource's current state
 * (not enough stock, an order that has already shipped...); answered as a 409 problem.
 */
public class BusinessRuleViolationException extends RuntimeException {

    public BusinessRuleViolationException(String message) {
        super(message);
    }
}
