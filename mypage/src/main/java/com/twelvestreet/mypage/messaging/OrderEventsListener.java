package com.twelvestreet.mypage.messaging;

import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.twelvestreet.mypage.mileage.Mileage;
import com.twelvestreet.mypage.myorders.MyOrders;
import com.twelvestreet.platform.contracts.Topics;
import com.twelvestreet.platform.contracts.orders.OrderCancelled;
import com.twelvestreet.platform.contracts.orders.OrderConfirmed;
import com.twelvestreet.platform.contracts.orders.OrderDelivered;
import com.twelvestreet.platform.contracts.orders.OrderDeliveryFailed;
import com.twelvestreet.platform.contracts.orders.OrderPlaced;
import com.twelvestreet.platform.contracts.orders.OrderRejected;
import com.twelvestreet.platform.contracts.orders.OrderShipped;
import com.twelvestreet.platform.messaging.Inbox;
import com.twelvestreet.platform.messaging.IncomingEvent;

/**
 * Builds My Page from the order events (one topic, keyed by order, so each order's events come in
 * order): the order list and timeline, and mileage earned on confirmation and reversed on cancel or on a failed
 * delivery.
 * Each event is applied once, in one transaction with its id.
 */
@Component
class OrderEventsListener {

    private static final Logger log = LoggerFactory.getLogger(OrderEventsListener.class);

    private final Inbox inbox;
    private final MyOrders orders;
    private final Mileage mileage;

    OrderEventsListener(Inbox inbox, MyOrders orders, Mileage mileage) {
        this.inbox = inbox;
        this.orders = orders;
        this.mileage = mileage;
    }

    @KafkaListener(topics = Topics.ORDERS, groupId = "mypage")
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        inbox.receive(record.value()).ifPresent(this::apply);
    }

    private void apply(IncomingEvent event) {
        Instant at = event.occurredAt();
        switch (event.eventType()) {
            case "OrderPlaced" -> orders.placed(event.payload(OrderPlaced.class), at);
            case "OrderConfirmed" -> {
                OrderConfirmed confirmed = event.payload(OrderConfirmed.class);
                orders.moved(confirmed.orderId(), "CONFIRMED", at);
                mileage.earn(confirmed.orderId(), confirmed.customerId(), confirmed.totalAmount(), at);
            }
            case "OrderRejected" -> orders.moved(event.payload(OrderRejected.class).orderId(), "REJECTED", at);
            case "OrderShipped" -> orders.moved(event.payload(OrderShipped.class).orderId(), "SHIPPED", at);
            case "OrderDelivered" -> orders.moved(event.payload(OrderDelivered.class).orderId(), "DELIVERED", at);
            case "OrderCancelled" -> {
                OrderCancelled cancelled = event.payload(OrderCancelled.class);
                orders.moved(cancelled.orderId(), "CANCELLED", at);
                mileage.reverse(cancelled.orderId(), at);
            }
            case "OrderDeliveryFailed" -> {
                OrderDeliveryFailed failed = event.payload(OrderDeliveryFailed.class);
                orders.moved(failed.orderId(), "DELIVERY_FAILED", at, failed.reason());
                mileage.reverse(failed.orderId(), at);
            }
            default -> log.debug("Ignoring {} {}", event.eventType(), event.eventId());
        }
    }
}
