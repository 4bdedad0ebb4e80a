package com.twelvestreet.delivery.delivery.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.twelvestreet.delivery.delivery.DeliveryService;
import com.twelvestreet.platform.contracts.Topics;
import com.twelvestreet.platform.contracts.orders.OrderCancelled;
import com.twelvestreet.platform.contracts.orders.OrderConfirmed;
import com.twelvestreet.platform.messaging.IncomingEvent;
import com.twelvestreet.platform.messaging.ProcessedEvents;

/** A confirmed order gets a delivery, a cancelled one loses it; each event applied once. */
@Component
class OrderEventsListener {

    private static final Logger log = LoggerFactory.getLogger(OrderEventsListener.class);

    private final JsonMapper json;
    private final ProcessedEvents processed;
    private final DeliveryService deliveries;

    OrderEventsListener(JsonMapper json, ProcessedEvents processed, DeliveryService deliveries) {
        this.json = json;
        this.processed = processed;
        this.deliveries = deliveries;
    }

    @KafkaListener(topics = Topics.ORDERS, groupId = "delivery")
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.read(json, record.value());
        if (!processed.firstTime(event.eventId())) {
            return;
        }
        switch (event.eventType()) {
            case "OrderConfirmed" -> {
                OrderConfirmed confirmed = event.payload(OrderConfirmed.class);
                deliveries.orderConfirmed(confirmed.orderId(), confirmed.customerId());
            }
            case "OrderCancelled" -> deliveries.orderCancelled(event.payload(OrderCancelled.class).orderId());
            default -> log.trace("Ignoring {} {}", event.eventType(), event.eventId());
        }
    }
}
