package com.twelvestreet.products.product.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Adds stock (a delivery arrived) or removes it (breakage, a count correction). */
record StockAdjustmentRequest(@NotNull @Min(-1_000_000) @Max(1_000_000) Integer delta) {
}
