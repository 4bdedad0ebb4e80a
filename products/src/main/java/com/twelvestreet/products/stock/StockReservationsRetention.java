package com.twelvestreet.products.stock;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.twelvestreet.platform.retention.RetentionRule;

/**
 * A reservation that can no longer change (rejected, released, delivered) is kept as long as the ids of handled
 * events, so an order event that comes back still finds it; a RESERVED one stays until its order is cancelled or
 * delivered, however long that takes.
 */
@Configuration(proxyBeanMethods = false)
class StockReservationsRetention {

    @Bean
    RetentionRule settledReservations(@Value("${twelvestreet.retention.stock-reservations}") Duration keep) {
        return new RetentionRule("stock_reservations", "updated_at", "status <> 'RESERVED'", keep);
    }
}
