package com.twelvestreet.products.product;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProductTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void shouldAdjustStockUpAndDown() {
        Product tv = Product.create("TV", "", 10_000, 5, NOW);

        tv.adjustStock(3, NOW);
        tv.adjustStock(-8, NOW);

        assertThat(tv.getStock()).isZero();
    }

    @Test
    void shouldRefuseToTakeMoreStockThanThereIs() {
        Product tv = Product.create("TV", "", 10_000, 2, NOW);

        assertThatThrownBy(() -> tv.adjustStock(-3, NOW)).isInstanceOf(InsufficientStockException.class);
        assertThat(tv.getStock()).isEqualTo(2);
    }

    @Test
    void shouldRefuseABlankNameAFreeProductOrNegativeStock() {
        assertThatThrownBy(() -> Product.create(" ", "", 10_000, 1, NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Product.create("TV", "", 0, 1, NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Product.create("TV", "", 10_000, -1, NOW)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldTrimNamesAndAcceptAMissingDescription() {
        Product tv = Product.create("  TV ", null, 10_000, 1, NOW);

        assertThat(tv.getName()).isEqualTo("TV");
        assertThat(tv.getDescription()).isEmpty();
        assertThat(tv.hasImage()).isFalse();
    }
}
