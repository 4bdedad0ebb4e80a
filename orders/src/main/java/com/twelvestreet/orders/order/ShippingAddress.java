package com.twelvestreet.orders.order;

import jakarta.persistence.Embeddable;

/** Where the parcel goes. */
@Embeddable
public record ShippingAddress(String recipient, String postalCode, String addressLine) {
}
