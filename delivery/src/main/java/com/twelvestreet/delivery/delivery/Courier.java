package com.twelvestreet.delivery.delivery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The simulated courier: every {@code poll-interval} it picks up parcels whose pick-up time has come
 * and hands over those whose transit is over. Rows are locked with SKIP LOCKED, so several delivery
 * instances share the work without taking the same parcel twice.
 */
@Component
class Courier {

    private static final Logger log = LoggerFactory.getLogger(Courier.class);

    private final DeliveryService deliveries;
    private final int batchSize;

    Courier(DeliveryService deliveries, CourierProperties properties) {
        this.deliveries = deliveries;
        this.batchSize = properties.batchSize();
    }

    /**
     * Moves every due delivery, a batch per transaction, until a batch comes back short: one batch per round
     * capped the shop at 50 steps a second (25 orders), and deliveries fell behind any faster ordering.
     */
    @Scheduled(fixedDelayString = "${twelvestreet.delivery.courier.poll-interval:1s}")
    void round() {
        try {
            int moved = 0;
            int batch;
            do {
                batch = deliveries.courierRound();
                moved += batch;
            } while (batch == batchSize);
            if (moved > 0) {
                log.debug("Courier moved {} deliveries", moved);
            }
        }
        catch (RuntimeException ex) {
            log.warn("Courier round failed; trying again at the next one", ex);
        }
    }
}
