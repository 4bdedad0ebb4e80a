package com.twelvestreet.orders.order;

import jakarta.persistence.Embeddable;

import com.twelvestreet.platform.contracts.orders.DeliveryAddress;

/** Where the parcel goes. */
@Embeddable
public record ShippingAddress(String recipient, String postalCode, String addressLine) {

    DeliveryAddress toContract() {
        return new DeliveryAddress(recipient, postalCode, addressLine);
    }
}
