package com.twelvestreet.orders.order;

import java.time.Instant;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One step of the order's timeline. */
@Embeddable
public record StatusChange(@Enumerated(EnumType.STRING) OrderStatus status, Instant changedAt) {
}
