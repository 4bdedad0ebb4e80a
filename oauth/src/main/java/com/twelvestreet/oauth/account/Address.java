package com.twelvestreet.oauth.account;

/** Where a shopper's parcels go by default; checkout pre-fills it. */
public record Address(String postalCode, String line) {
}
