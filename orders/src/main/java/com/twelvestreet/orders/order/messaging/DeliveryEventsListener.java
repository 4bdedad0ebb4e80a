package com.twelvestreet.orders.order.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.twelvestreet.orders.order.OrderService;
import com.twelvestreet.platform.contracts.Topics;
import com.twelvestreet.platform.contracts.deliveries.DeliveryCompleted;
import com.twelvestreet.platform.contracts.deliveries.DeliveryFailed;
import com.twelvestreet.platform.contracts.deliveries.DeliveryStarted;
import com.twelvestreet.platform.messaging.IncomingEvent;
import com.twelvestreet.platform.messaging.ProcessedEvents;

/** The delivery service's events move a confirmed order to SHIPPED and then DELIVERED, once each. */
@Component
class DeliveryEventsListener {

    private static final Logger log = LoggerFactory.getLogger(DeliveryEventsListener.class);

    private final JsonMapper json;
    private final ProcessedEvents processed;
    private final OrderService orders;

    DeliveryEventsListener(JsonMapper json, ProcessedEvents processed, OrderService orders) {
        this.json = json;
        this.processed = processed;
        this.orders = orders;
    }

    @KafkaListener(topics = Topics.DELIVERIES, groupId = "orders")
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.read(json, record.value());
        if (!processed.firstTime(event.eventId())) {
            return;
        }
        switch (event.eventType()) {
            case "DeliveryStarted" -> orders.deliveryStarted(event.payload(DeliveryStarted.class).orderId());
            case "DeliveryCompleted" -> orders.deliveryCompleted(event.payload(DeliveryCompleted.class).orderId());
            case "DeliveryFailed" -> {
                DeliveryFailed failed = event.payload(DeliveryFailed.class);
                log.warn("Delivery of order {} failed: {}", failed.orderId(), failed.reason());
            }
            default -> log.debug("Ignoring {} {}", event.eventType(), event.eventId());
        }
    }
}
