package com.twelvestreet.delivery.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The simulated courier ({@code twelvestreet.delivery.courier.*}).
 *
 * @param pickupDelay  from the order's confirmation to pick-up: the window in which a shopper can still cancel
 * @param transitTime  from pick-up to hand-over
 * @param pollInterval how often the courier looks for due deliveries
 * @param batchSize    deliveries handled per look
 */
@ConfigurationProperties("twelvestreet.delivery.courier")
public record CourierProperties(
        @DefaultValue("30s") Duration pickupDelay,
        @DefaultValue("30s") Duration transitTime,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("50") int batchSize) {
}
