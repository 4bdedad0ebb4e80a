package com.twelvestreet.orders.order.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import com.twelvestreet.orders.order.ShippingAddress;

/**
 * What a customer sends to order: products and quantities, and where to ship. Prices come from the
 * catalogue and the customer from the token; a price or customer id in the body is ignored.
 */
record PlaceOrderRequest(
        @NotEmpty @Size(max = 20) List<@Valid @NotNull Line> lines,
        @NotNull @Valid Address shippingAddress) {

    static final int MAX_QUANTITY_PER_PRODUCT = 99;

    record Line(@NotNull @Positive Long productId, @NotNull @Min(1) @Max(MAX_QUANTITY_PER_PRODUCT) Integer quantity) {
    }

    record Address(
            @NotBlank @Size(max = 60) String recipient,
            @NotBlank @Pattern(regexp = "\\d{5}", message = "must be a 5-digit postal code") String postalCode,
            @NotBlank @Size(max = 200) String addressLine) {
    }

    /** The limit holds per product, after lines for the same product are added up (20 lines of 99 are not 1,980). */
    @AssertTrue(message = "a product may be ordered at most " + MAX_QUANTITY_PER_PRODUCT
            + " times in one order (lines for the same product are added up)")
    boolean isQuantityPerProductWithinLimit() {
        return lines == null || lines.stream().anyMatch(line -> line == null || line.productId() == null || line.quantity() == null)
                || quantities().values().stream().allMatch(quantity -> quantity <= MAX_QUANTITY_PER_PRODUCT);
    }

    /** Quantities per product in the listed order; a product listed twice is ordered once, added up. */
    Map<Long, Integer> quantities() {
        Map<Long, Integer> quantities = new LinkedHashMap<>();
        lines.forEach(line -> quantities.merge(line.productId(), line.quantity(), Integer::sum));
        return quantities;
    }

    ShippingAddress address() {
        return new ShippingAddress(shippingAddress.recipient().strip(), shippingAddress.postalCode(),
                shippingAddress.addressLine().strip());
    }
}
