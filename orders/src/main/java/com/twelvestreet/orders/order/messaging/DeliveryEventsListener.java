package com.twelvestreet.orders.order.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.twelvestreet.orders.order.OrderService;
import com.twelvestreet.platform.contracts.Topics;
import com.twelvestreet.platform.contracts.deliveries.DeliveryCompleted;
import com.twelvestreet.platform.contracts.deliveries.DeliveryFailed;
import com.twelvestreet.platform.contracts.deliveries.DeliveryStarted;
import com.twelvestreet.platform.messaging.Inbox;
import com.twelvestreet.platform.messaging.IncomingEvent;

/**
 * The delivery service's events move a confirmed order to SHIPPED and then DELIVERED, or to DELIVERY_FAILED, once
 * each.
 */
@Component
class DeliveryEventsListener {

    private static final Logger log = LoggerFactory.getLogger(DeliveryEventsListener.class);

    private final Inbox inbox;
    private final OrderService orders;

    DeliveryEventsListener(Inbox inbox, OrderService orders) {
        this.inbox = inbox;
        this.orders = orders;
    }

    @KafkaListener(topics = Topics.DELIVERIES, groupId = "orders")
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        inbox.receive(record.value()).ifPresent(this::apply);
    }

    private void apply(IncomingEvent event) {
        switch (event.eventType()) {
            case "DeliveryStarted" -> orders.deliveryStarted(event.payload(DeliveryStarted.class).orderId());
            case "DeliveryCompleted" -> orders.deliveryCompleted(event.payload(DeliveryCompleted.class).orderId());
            case "DeliveryFailed" -> {
                DeliveryFailed failed = event.payload(DeliveryFailed.class);
                log.warn("Delivery of order {} failed: {}", failed.orderId(), failed.reason());
                orders.deliveryFailed(failed.orderId(), failed.reason());
            }
            default -> log.debug("Ignoring {} {}", event.eventType(), event.eventId());
        }
    }
}
