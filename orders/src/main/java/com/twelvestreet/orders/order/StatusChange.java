package com.twelvestreet.orders.order;

import java.time.Instant;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.jspecify.annotations.Nullable;

/** One step of the order's timeline; {@code reason} says why where the shopper needs to know (a failed delivery). */
@Embeddable
public record StatusChange(@Enumerated(EnumType.STRING) OrderStatus status, Instant changedAt, @Nullable String reason) {
}
