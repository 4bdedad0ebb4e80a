package com.twelvestreet.delivery.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.twelvestreet.platform.contracts.deliveries.DeliveryCancelled;
import com.twelvestreet.platform.contracts.deliveries.DeliveryCompleted;
import com.twelvestreet.platform.contracts.deliveries.DeliveryFailed;
import com.twelvestreet.platform.contracts.deliveries.DeliveryStarted;

/**
 * The parcel of one confirmed order and its state machine ({@link DeliveryStatus}). {@code nextStepAt}
 * is when the simulated courier acts next; each step returns the event it causes.
 */
@Entity
@Table(name = "deliveries")
public class Delivery {

    @Id
    private UUID id;

    private UUID orderId;

    private String customerId;

    @Embedded
    private Destination destination;

    @Enumerated(EnumType.STRING)
    private DeliveryStatus status;

    private Instant nextStepAt;

    private String failureReason;

    private Instant createdAt;

    private Instant startedAt;

    private Instant completedAt;

    private Instant updatedAt;

    /** The trace of the order's confirmation (W3C traceparent), continued by the courier's steps minutes later. */
    private String traceParent;

    @Version
    private long version;

    protected Delivery() {
    }

    /** A confirmed order gets a delivery; the courier picks it up after {@code pickupDelay}. */
    public static Delivery schedule(UUID orderId, String customerId, Destination destination, Duration pickupDelay,
            Instant now, String traceParent) {
        Delivery delivery = new Delivery();
        delivery.id = UUID.randomUUID();
        delivery.orderId = orderId;
        delivery.customerId = customerId;
        delivery.destination = destination;
        delivery.status = DeliveryStatus.READY;
        delivery.nextStepAt = now.plus(pickupDelay);
        delivery.createdAt = now;
        delivery.updatedAt = now;
        delivery.traceParent = traceParent;
        return delivery;
    }

    public DeliveryStarted start(Duration transitTime, Instant now) {
        moveTo(DeliveryStatus.SHIPPING, now);
        startedAt = now;
        nextStepAt = now.plus(transitTime);
        return new DeliveryStarted(id, orderId);
    }

    public DeliveryCompleted complete(Instant now) {
        moveTo(DeliveryStatus.DELIVERED, now);
        completedAt = now;
        return new DeliveryCompleted(id, orderId);
    }

    /** The order was cancelled: a parcel not yet handed over stays home or is called back; else nothing. */
    public Optional<DeliveryCancelled> cancel(Instant now) {
        if (!status.canBecome(DeliveryStatus.CANCELLED)) {
            return Optional.empty();
        }
        moveTo(DeliveryStatus.CANCELLED, now);
        return Optional.of(new DeliveryCancelled(id, orderId));
    }

    public DeliveryFailed fail(String reason, Instant now) {
        moveTo(DeliveryStatus.FAILED, now);
        failureReason = reason;
        return new DeliveryFailed(id, orderId, reason);
    }

    /** The courier's next step, now: pick up a READY parcel, hand over a SHIPPING one. */
    public Object advance(Duration transitTime, Instant now) {
        return switch (status) {
            case READY -> start(transitTime, now);
            case SHIPPING -> complete(now);
            default -> throw new IllegalDeliveryTransitionException(id, status, DeliveryStatus.DELIVERED);
        };
    }

    private void moveTo(DeliveryStatus target, Instant now) {
        if (!status.canBecome(target)) {
            throw new IllegalDeliveryTransitionException(id, status, target);
        }
        status = target;
        updatedAt = now;
        if (target != DeliveryStatus.SHIPPING) {
            nextStepAt = null;
        }
    }

    public boolean isOwnedBy(String customer) {
        return customerId.equals(customer);
    }

    public UUID getId() {
        return id;
    }

    public UUID getOrderId() {
        return orderId;
    }

    public String getCustomerId() {
        return customerId;
    }

    public Destination getDestination() {
        return destination;
    }

    public DeliveryStatus getStatus() {
        return status;
    }

    public Instant getNextStepAt() {
        return nextStepAt;
    }

    public String getFailureReason() {
        return failureReason;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    public String getTraceParent() {
        return traceParent;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
