package com.twelvestreet.orders.order.messaging;

import java.time.Clock;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.twelvestreet.orders.catalog.ProductReplica;
import com.twelvestreet.orders.order.OrderService;
import com.twelvestreet.platform.contracts.Topics;
import com.twelvestreet.platform.contracts.products.ProductChanged;
import com.twelvestreet.platform.contracts.products.ProductOutOfStock;
import com.twelvestreet.platform.contracts.products.StockReserved;
import com.twelvestreet.platform.messaging.Inbox;
import com.twelvestreet.platform.messaging.IncomingEvent;

/**
 * The products service's events: its answer about stock moves an order on (CONFIRMED or REJECTED),
 * and every product change refreshes the replica. Each event is applied once, in one transaction
 * with its id; what cannot be read ends in {@code shop.products.DLT} after the retries.
 */
@Component
class ProductEventsListener {

    private static final Logger log = LoggerFactory.getLogger(ProductEventsListener.class);

    private final Inbox inbox;
    private final OrderService orders;
    private final ProductReplica replica;
    private final Clock clock;

    ProductEventsListener(Inbox inbox, OrderService orders, ProductReplica replica,
            Clock clock) {
        this.inbox = inbox;
        this.orders = orders;
        this.replica = replica;
        this.clock = clock;
    }

    @KafkaListener(topics = Topics.PRODUCTS, groupId = "orders")
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        inbox.receive(record.value()).ifPresent(this::apply);
    }

    private void apply(IncomingEvent event) {
        switch (event.eventType()) {
            case "StockReserved" -> orders.stockReserved(event.payload(StockReserved.class).orderId());
            case "ProductOutOfStock" -> {
                ProductOutOfStock outOfStock = event.payload(ProductOutOfStock.class);
                orders.outOfStock(outOfStock.orderId(), outOfStock.productIds());
            }
            case "ProductChanged" -> replica.apply(event.payload(ProductChanged.class), clock.instant());
            default -> log.debug("Ignoring {} {}", event.eventType(), event.eventId());
        }
    }
}
