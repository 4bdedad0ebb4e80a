package com.twelvestreet.orders.order;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.twelvestreet.platform.retention.RetentionRule;

/**
 * An idempotency key answers the retries of its request for {@code twelvestreet.retention.order-requests} (a day):
 * longer than any client retries a lost response. Then it is forgotten, and the same key places a new order.
 */
@Configuration(proxyBeanMethods = false)
class OrderRequestsRetention {

    @Bean
    RetentionRule idempotencyKeysRetention(@Value("${twelvestreet.retention.order-requests}") Duration keep) {
        return RetentionRule.olderThan("order_requests", "created_at", keep);
    }
}
