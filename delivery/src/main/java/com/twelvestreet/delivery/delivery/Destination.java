package com.twelvestreet.delivery.delivery;

import jakarta.persistence.Embeddable;

import com.twelvestreet.platform.contracts.orders.DeliveryAddress;

/** Where the courier takes the parcel. */
@Embeddable
public record Destination(String recipient, String postalCode, String addressLine) {

    public static Destination of(DeliveryAddress address) {
        return address == null ? null : new Destination(address.recipient(), address.postalCode(), address.addressLine());
    }
}
