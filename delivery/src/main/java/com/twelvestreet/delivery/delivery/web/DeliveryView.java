package com.twelvestreet.delivery.delivery.web;

import java.time.Instant;
import java.util.UUID;

import com.twelvestreet.delivery.delivery.Delivery;
import com.twelvestreet.delivery.delivery.DeliveryStatus;
import com.twelvestreet.delivery.delivery.Destination;

/** A delivery as its owner or an operator sees it; {@code nextStepAt} is the courier's next move. */
record DeliveryView(UUID id, UUID orderId, DeliveryStatus status, Destination destination, Instant nextStepAt,
        String failureReason, Instant createdAt, Instant startedAt, Instant completedAt, Instant updatedAt) {

    DeliveryView(Delivery delivery) {
        this(delivery.getId(), delivery.getOrderId(), delivery.getStatus(), delivery.getDestination(),
                delivery.getNextStepAt(), delivery.getFailureReason(), delivery.getCreatedAt(),
                delivery.getStartedAt(), delivery.getCompletedAt(), delivery.getUpdatedAt());
    }
}
