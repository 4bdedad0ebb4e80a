package com.twelvestreet.delivery.delivery;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.twelvestreet.platform.events.EventPublisher;
import com.twelvestreet.platform.security.Caller;

/**
 * Deliveries for confirmed orders. Every change is saved with its event in one transaction (the
 * outbox). One delivery per order: a repeated OrderConfirmed finds the existing one.
 */
@Service
@Transactional
public class DeliveryService {

    private static final Logger log = LoggerFactory.getLogger(DeliveryService.class);

    private final DeliveryRepository deliveries;
    private final EventPublisher events;
    private final CourierProperties courier;
    private final Clock clock;

    DeliveryService(DeliveryRepository deliveries, EventPublisher events, CourierProperties courier,
            Clock clock) {
        this.deliveries = deliveries;
        this.events = events;
        this.courier = courier;
        this.clock = clock;
    }

    public Delivery orderConfirmed(UUID orderId, String customerId, Destination destination) {
        return deliveries.findByOrderId(orderId).orElseGet(() -> deliveries.save(
                Delivery.schedule(orderId, customerId, destination, courier.pickupDelay(), clock.instant(),
                        events.currentTrace())));
    }

    public void orderCancelled(UUID orderId) {
        deliveries.findByOrderId(orderId).ifPresentOrElse(
                delivery -> delivery.cancel(clock.instant()).ifPresent(cancelled -> publish(delivery, cancelled)),
                () -> log.debug("Order {} cancelled before it had a delivery", orderId));
    }

    /** The courier's round: every due delivery takes its next step. Returns how many moved. */
    public int courierRound() {
        List<Delivery> due = deliveries.findDue(clock.instant(), PageRequest.ofSize(courier.batchSize()));
        // each step in the trace of its order (the round itself belongs to no order)
        due.forEach(delivery -> events.publish(delivery.getId().toString(),
                delivery.advance(courier.transitTime(), clock.instant()), delivery.getTraceParent()));
        return due.size();
    }

    /** An operator moves a delivery on at once (pick-up, or hand-over). */
    public Delivery advance(UUID deliveryId) {
        Delivery delivery = find(deliveryId);
        publish(delivery, delivery.advance(courier.transitTime(), clock.instant()));
        return delivery;
    }

    public Delivery fail(UUID deliveryId, String reason) {
        Delivery delivery = find(deliveryId);
        publish(delivery, delivery.fail(reason, clock.instant()));
        return delivery;
    }

    @Transactional(readOnly = true)
    public Optional<Delivery> forOrder(UUID orderId, Caller caller) {
        return deliveries.findByOrderId(orderId).filter(delivery -> caller.maySee(delivery.getCustomerId()));
    }

    /** READY or SHIPPING, the courier's next move first (the courier's own index). */
    @Transactional(readOnly = true)
    public List<Delivery> underWay(int limit) {
        return deliveries.findByNextStepAtNotNullOrderByNextStepAt(PageRequest.ofSize(limit));
    }

    @Transactional(readOnly = true)
    public List<Delivery> mine(Caller caller, int limit) {
        return deliveries.findByCustomerIdOrderByCreatedAtDesc(caller.accountId(), PageRequest.ofSize(limit));
    }

    private Delivery find(UUID deliveryId) {
        return deliveries.findById(deliveryId).orElseThrow(() -> new DeliveryNotFoundException(deliveryId));
    }

    private void publish(Delivery delivery, Object event) {
        events.publish(delivery.getId().toString(), event);
    }
}
