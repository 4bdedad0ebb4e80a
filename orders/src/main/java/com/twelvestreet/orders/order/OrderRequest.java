package com.twelvestreet.orders.order;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A customer's request to order: quantities per product (in the order listed), where to ship, and
 * optionally the client's idempotency key, which makes retrying the request safe.
 */
public record OrderRequest(String customerId, Map<Long, Integer> quantities, ShippingAddress address,
        Optional<String> idempotencyKey) {

    /** Same products, quantities and address → same fingerprint, whatever the order of the lines. */
    String fingerprint() {
        String canonical = new TreeMap<>(quantities) + "|" + address.recipient() + "|" + address.postalCode() + "|"
                + address.addressLine();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every JDK", ex);
        }
    }
}
