package com.twelvestreet.delivery.delivery;

import java.util.UUID;

import com.twelvestreet.platform.problem.ResourceNotFoundException;

public class DeliveryNotFoundException extends ResourceNotFoundException {

    public DeliveryNotFoundException(UUID id) {
        super("Delivery", id);
    }
}
