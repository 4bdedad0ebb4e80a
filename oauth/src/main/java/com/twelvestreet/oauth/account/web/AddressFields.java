package com.twelvestreet.oauth.account.web;

import com.twelvestreet.oauth.account.Address;

final class AddressFields {

    private AddressFields() {
    }

    /** Blank fields mean "no address yet". */
    static Address address(String postalCode, String line) {
        String code = blankToNull(postalCode);
        String street = blankToNull(line);
        return code == null && street == null ? null : new Address(code, street);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
