package com.twelvestreet.products.stock.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.twelvestreet.platform.contracts.Topics;
import com.twelvestreet.platform.contracts.orders.OrderCancelled;
import com.twelvestreet.platform.contracts.orders.OrderPlaced;
import com.twelvestreet.platform.messaging.IncomingEvent;
import com.twelvestreet.platform.messaging.ProcessedEvents;
import com.twelvestreet.products.stock.StockKeeper;

/**
 * Takes the orders service's events: an order placed reserves stock, a cancel releases it. Each
 * event id is recorded in the same transaction as its effect, so a redelivered event changes nothing.
 * A message that cannot be read fails here and ends in {@code shop.orders.DLT} after the retries.
 */
@Component
class OrderEventsListener {

    private static final Logger log = LoggerFactory.getLogger(OrderEventsListener.class);

    private final JsonMapper json;
    private final ProcessedEvents processed;
    private final StockKeeper stock;

    OrderEventsListener(JsonMapper json, ProcessedEvents processed, StockKeeper stock) {
        this.json = json;
        this.processed = processed;
        this.stock = stock;
    }

    @KafkaListener(topics = Topics.ORDERS, groupId = "products")
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.read(json, record.value());
        switch (event.eventType()) {
            case "OrderPlaced" -> {
                if (processed.firstTime(event.eventId())) {
                    OrderPlaced placed = event.payload(OrderPlaced.class);
                    log.info("Order {}: stock {}", placed.orderId(), stock.reserve(placed));
                }
            }
            case "OrderCancelled" -> {
                if (processed.firstTime(event.eventId())) {
                    OrderCancelled cancelled = event.payload(OrderCancelled.class);
                    log.info("Order {} cancelled: stock {}", cancelled.orderId(), stock.release(cancelled));
                }
            }
            default -> log.debug("Ignoring {} {}", event.eventType(), event.eventId());
        }
    }
}
