package com.twelvestreet.delivery.delivery;

import java.util.UUID;

import com.twelvestreet.platform.problem.BusinessRuleViolationException;

/** A delivery was asked to do what its state forbids (advance a delivered parcel...): 409. */
public class IllegalDeliveryTransitionException extends BusinessRuleViolationException {

    public IllegalDeliveryTransitionException(UUID deliveryId, DeliveryStatus from, DeliveryStatus to) {
        super("Delivery " + deliveryId + " is " + from + " and cannot become " + to);
    }
}
