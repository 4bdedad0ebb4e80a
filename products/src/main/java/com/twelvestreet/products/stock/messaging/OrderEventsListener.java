package com.twelvestreet.products.stock.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.twelvestreet.platform.contracts.Topics;
import com.twelvestreet.platform.contracts.orders.OrderCancelled;
import com.twelvestreet.platform.contracts.orders.OrderDelivered;
import com.twelvestreet.platform.contracts.orders.OrderDeliveryFailed;
import com.twelvestreet.platform.contracts.orders.OrderPlaced;
import com.twelvestreet.platform.messaging.EventTypeFilter;
import com.twelvestreet.platform.messaging.Inbox;
import com.twelvestreet.platform.messaging.IncomingEvent;
import com.twelvestreet.products.stock.StockKeeper;

/**
 * Takes the orders service's events: an order placed reserves stock, a cancel or a failed delivery releases it, a
 * delivery settles the reservation (docs/retention.md). Each event id is recorded in the same transaction as its effect, so a
 * redelivered event changes nothing. A message that cannot be read fails here and ends in {@code shop.orders.DLT}
 * after the retries.
 */
@Component
class OrderEventsListener {

    private static final Logger log = LoggerFactory.getLogger(OrderEventsListener.class);

    private final Inbox inbox;
    private final StockKeeper stock;

    OrderEventsListener(Inbox inbox, StockKeeper stock) {
        this.inbox = inbox;
        this.stock = stock;
    }

    /** Only the events this listener acts on open a transaction; the other order events are skipped unread. */
    @Bean
    static EventTypeFilter orderEventsForStock() {
        return EventTypeFilter.taking(OrderPlaced.class, OrderCancelled.class, OrderDelivered.class,
                OrderDeliveryFailed.class);
    }

    @KafkaListener(topics = Topics.ORDERS, groupId = "products", filter = "orderEventsForStock")
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        inbox.receive(record.value()).ifPresent(this::apply);
    }

    private void apply(IncomingEvent event) {
        switch (event.eventType()) {
            case "OrderPlaced" -> {
                OrderPlaced placed = event.payload(OrderPlaced.class);
                log.debug("Order {}: stock {}", placed.orderId(), stock.reserve(placed));
            }
            case "OrderCancelled" -> {
                OrderCancelled cancelled = event.payload(OrderCancelled.class);
                log.debug("Order {} cancelled: stock {}", cancelled.orderId(), stock.release(cancelled));
            }
            case "OrderDelivered" -> stock.settle(event.payload(OrderDelivered.class));
            case "OrderDeliveryFailed" -> {
                OrderDeliveryFailed failed = event.payload(OrderDeliveryFailed.class);
                log.debug("Order {}'s delivery failed: stock {}", failed.orderId(), stock.release(failed));
            }
            default -> log.debug("Ignoring {} {}", event.eventType(), event.eventId());
        }
    }
}
