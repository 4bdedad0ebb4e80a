package com.twelvestreet.orders.order;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

import com.twelvestreet.platform.contracts.orders.OrderCancelled;
import com.twelvestreet.platform.contracts.orders.OrderConfirmed;
import com.twelvestreet.platform.contracts.orders.OrderDelivered;
import com.twelvestreet.platform.contracts.orders.OrderDeliveryFailed;
import com.twelvestreet.platform.contracts.orders.OrderLine;
import com.twelvestreet.platform.contracts.orders.OrderPlaced;
import com.twelvestreet.platform.contracts.orders.OrderRejected;
import com.twelvestreet.platform.contracts.orders.OrderShipped;

/**
 * An order and its state machine ({@link OrderStatus}). Each method checks the current state,
 * changes it, records the step in the timeline and returns the event it caused; a transition the
 * state forbids throws {@link IllegalOrderTransitionException}. Cancelling twice is not an error
 * and causes nothing the second time.
 */
@Entity
@Table(name = "orders")
public class Order {

    @Id
    private UUID id;

    private String customerId;

    @Enumerated(EnumType.STRING)
    private OrderStatus status;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "order_items", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "position")
    private List<OrderItem> items = new ArrayList<>();

    @Embedded
    private ShippingAddress shippingAddress;

    private long totalAmount;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "order_status_changes", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "position")
    private List<StatusChange> timeline = new ArrayList<>();

    private Instant createdAt;

    private Instant updatedAt;

    // a wrapper, null until saved: Spring Data then knows a placed order is new and inserts it, where a
    // primitive version would make it merge (a select first, and a version update after the insert)
    @Version
    private Long version;

    protected Order() {
    }

    /** A customer places an order; it waits (PENDING) until products answers about stock. */
    public static Placed place(String customerId, List<OrderItem> items, ShippingAddress address, Instant now) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("An order needs at least one line");
        }
        Order order = new Order();
        order.id = UUID.randomUUID();
        order.customerId = customerId;
        order.items = new ArrayList<>(items);
        order.shippingAddress = address;
        order.totalAmount = items.stream().mapToLong(OrderItem::amount).sum();
        order.createdAt = now;
        order.moveTo(OrderStatus.PENDING, now);
        OrderPlaced event = new OrderPlaced(order.id, customerId,
                items.stream().map(i -> new OrderLine(i.productId(), i.quantity(), i.unitPrice(), i.productName())).toList(),
                order.totalAmount);
        return new Placed(order, event);
    }

    public OrderConfirmed confirm(Instant now) {
        transition(OrderStatus.CONFIRMED, now);
        return new OrderConfirmed(id, customerId, totalAmount, shippingAddress.toContract());
    }

    public OrderRejected reject(List<Long> lackingProducts, Instant now) {
        transition(OrderStatus.REJECTED, now);
        return new OrderRejected(id, customerId, List.copyOf(lackingProducts));
    }

    public OrderShipped ship(Instant now) {
        transition(OrderStatus.SHIPPED, now);
        return new OrderShipped(id, customerId);
    }

    public OrderDelivered deliver(Instant now) {
        transition(OrderStatus.DELIVERED, now);
        return new OrderDelivered(id, customerId);
    }

    /** The delivery failed before the parcel arrived: the order ends, and the shopper is told why. */
    public OrderDeliveryFailed deliveryFailed(String reason, Instant now) {
        if (!status.canBecome(OrderStatus.DELIVERY_FAILED)) {
            throw new IllegalOrderTransitionException(id, status, OrderStatus.DELIVERY_FAILED);
        }
        moveTo(OrderStatus.DELIVERY_FAILED, now, reason);
        return new OrderDeliveryFailed(id, customerId, reason);
    }

    /** Cancels before shipping; an order already cancelled stays as it is and nothing is published again. */
    public Optional<OrderCancelled> cancel(Instant now) {
        if (status == OrderStatus.CANCELLED) {
            return Optional.empty();
        }
        transition(OrderStatus.CANCELLED, now);
        return Optional.of(new OrderCancelled(id, customerId));
    }

    public boolean isOwnedBy(String customer) {
        return customerId.equals(customer);
    }

    private void transition(OrderStatus target, Instant now) {
        if (!status.canBecome(target)) {
            throw new IllegalOrderTransitionException(id, status, target);
        }
        moveTo(target, now);
    }

    private void moveTo(OrderStatus target, Instant now) {
        moveTo(target, now, null);
    }

    private void moveTo(OrderStatus target, Instant now, @Nullable String reason) {
        status = target;
        updatedAt = now;
        timeline.add(new StatusChange(target, now, reason));
    }

    public UUID getId() {
        return id;
    }

    public String getCustomerId() {
        return customerId;
    }

    public OrderStatus getStatus() {
        return status;
    }

    public List<OrderItem> getItems() {
        return List.copyOf(items);
    }

    public ShippingAddress getShippingAddress() {
        return shippingAddress;
    }

    public long getTotalAmount() {
        return totalAmount;
    }

    public List<StatusChange> getTimeline() {
        return List.copyOf(timeline);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    /** A new order together with the event that announces it. */
    public record Placed(Order order, OrderPlaced event) {
    }
}
