package com.twelvestreet.products.product.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import com.twelvestreet.products.product.ProductDetails;

/** A new product, or an edit of one; an edit must carry the {@code version} the admin saw. */
record ProductRequest(
        @NotBlank @Size(max = 100) String name,
        @Size(max = 2000) String description,
        @NotNull @Positive @Max(1_000_000_000) Long price,
        @NotNull @PositiveOrZero @Max(1_000_000) Integer stock,
        @NotNull(groups = Edit.class, message = "must be the version read before editing") @PositiveOrZero Long version) {

    /** Validation group of the rules that only an edit has. */
    interface Edit {
    }

    ProductDetails details() {
        return new ProductDetails(name, description, price, stock);
    }
}
