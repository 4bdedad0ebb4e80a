package com.twelvestreet.products.stock.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.twelvestreet.platform.contracts.Topics;
import com.twelvestreet.platform.contracts.orders.OrderCancelled;
import com.twelvestreet.platform.contracts.orders.OrderPlaced;
import com.twelvestreet.platform.events.EventEnvelope;
import com.twelvestreet.products.stock.ProcessedEvents;
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
        JsonNode envelope = json.readTree(record.value());
        String type = envelope.required("eventType").asString();
        switch (type) {
            case "OrderPlaced" -> {
                EventEnvelope<OrderPlaced> placed = json.readValue(record.value(), new TypeReference<>() { });
                if (processed.firstTime(placed.eventId())) {
                    log.info("Order {}: stock {}", placed.payload().orderId(), stock.reserve(placed.payload()));
                }
            }
            case "OrderCancelled" -> {
                EventEnvelope<OrderCancelled> cancelled = json.readValue(record.value(), new TypeReference<>() { });
                if (processed.firstTime(cancelled.eventId())) {
                    log.info("Order {} cancelled: stock {}", cancelled.payload().orderId(), stock.release(cancelled.payload()));
                }
            }
            default -> log.debug("Ignoring {} {}", type, envelope.path("eventId").asString());
        }
    }
}
