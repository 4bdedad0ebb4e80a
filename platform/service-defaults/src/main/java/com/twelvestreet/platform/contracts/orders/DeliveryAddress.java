package com.twelvestreet.platform.contracts.orders;

/** Where an order's parcel goes, as the customer gave it. */
public record DeliveryAddress(String recipient, String postalCode, String addressLine) {
}
