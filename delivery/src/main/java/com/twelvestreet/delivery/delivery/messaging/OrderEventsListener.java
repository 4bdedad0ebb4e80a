package com.twelvestreet.delivery.delivery.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.twelvestreet.delivery.delivery.DeliveryService;
import com.twelvestreet.delivery.delivery.Destination;
import com.twelvestreet.platform.contracts.Topics;
import com.twelvestreet.platform.contracts.orders.OrderCancelled;
import com.twelvestreet.platform.contracts.orders.OrderConfirmed;
import com.twelvestreet.platform.messaging.EventTypeFilter;
import com.twelvestreet.platform.messaging.Inbox;
import com.twelvestreet.platform.messaging.IncomingEvent;

/** A confirmed order gets a delivery, a cancelled one loses it; each event applied once. */
@Component
class OrderEventsListener {

    private static final Logger log = LoggerFactory.getLogger(OrderEventsListener.class);

    private final Inbox inbox;
    private final DeliveryService deliveries;

    OrderEventsListener(Inbox inbox, DeliveryService deliveries) {
        this.inbox = inbox;
        this.deliveries = deliveries;
    }

    /** Only the events this listener acts on open a transaction; the other order events are skipped unread. */
    @Bean
    static EventTypeFilter orderEventsForDeliveries() {
        return EventTypeFilter.taking(OrderConfirmed.class, OrderCancelled.class);
    }

    @KafkaListener(topics = Topics.ORDERS, groupId = "delivery", filter = "orderEventsForDeliveries")
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        inbox.receive(record.value()).ifPresent(this::apply);
    }

    private void apply(IncomingEvent event) {
        switch (event.eventType()) {
            case "OrderConfirmed" -> {
                OrderConfirmed confirmed = event.payload(OrderConfirmed.class);
                deliveries.orderConfirmed(confirmed.orderId(), confirmed.customerId(),
                        Destination.of(confirmed.shippingAddress()));
            }
            case "OrderCancelled" -> deliveries.orderCancelled(event.payload(OrderCancelled.class).orderId());
            default -> log.trace("Ignoring {} {}", event.eventType(), event.eventId());
        }
    }
}
