package com.twelvestreet.orders.order;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.twelvestreet.platform.contracts.orders.OrderLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderTest {

    static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");
    static final ShippingAddress HOME = new ShippingAddress("Kim", "04524", "12 Sejong-daero");

    @Test
    void shouldPlaceAPendingOrderWithItsTotalAndAnnounceIt() {
        Order.Placed placed = Order.place("customer-1",
                List.of(new OrderItem(1, "TV", 10_000, 2), new OrderItem(3, "NOTEBOOK", 30_000, 1)), HOME, T0);

        assertThat(placed.order().getStatus()).isEqualTo(OrderStatus.PENDING);
        assertThat(placed.order().getTotalAmount()).isEqualTo(50_000);
        assertThat(placed.event().orderId()).isEqualTo(placed.order().getId());
        assertThat(placed.event().lines()).containsExactly(new OrderLine(1, 2, 10_000, "TV"), new OrderLine(3, 1, 30_000, "NOTEBOOK"));
        assertThat(placed.order().getTimeline()).extracting(StatusChange::status).containsExactly(OrderStatus.PENDING);
    }

    @Test
    void shouldGoFromConfirmedThroughShippedToDeliveredKeepingTheTimeline() {
        Order order = pending();

        assertThat(order.confirm(T0.plusSeconds(1)).totalAmount()).isEqualTo(20_000);
        order.ship(T0.plusSeconds(2));
        order.deliver(T0.plusSeconds(3));

        assertThat(order.getTimeline()).extracting(StatusChange::status).containsExactly(
                OrderStatus.PENDING, OrderStatus.CONFIRMED, OrderStatus.SHIPPED, OrderStatus.DELIVERED);
    }

    @Test
    void shouldRejectAPendingOrderNamingTheProductsThatLacked() {
        Order order = pending();

        assertThat(order.reject(List.of(1L), T0).productIds()).containsExactly(1L);
        assertThat(order.getStatus()).isEqualTo(OrderStatus.REJECTED);
    }

    @Test
    void shouldCancelBeforeShippingAndOnlyOnce() {
        Order pending = pending();
        Order confirmed = pending();
        confirmed.confirm(T0);

        assertThat(pending.cancel(T0)).isPresent();
        assertThat(confirmed.cancel(T0)).isPresent();
        assertThat(confirmed.cancel(T0.plusSeconds(5))).as("a second cancel causes nothing").isEmpty();
        assertThat(confirmed.getTimeline()).extracting(StatusChange::status)
                .containsExactly(OrderStatus.PENDING, OrderStatus.CONFIRMED, OrderStatus.CANCELLED);
    }

    @Test
    void shouldRefuseToCancelAfterShipping() {
        Order order = pending();
        order.confirm(T0);
        order.ship(T0);

        assertThatThrownBy(() -> order.cancel(T0)).isInstanceOf(IllegalOrderTransitionException.class)
                .hasMessageContaining("is SHIPPED and cannot become CANCELLED");
        assertThat(order.getStatus()).isEqualTo(OrderStatus.SHIPPED);
    }

    @Test
    void shouldRefuseTransitionsTheStateMachineDoesNotHave() {
        Order rejected = pending();
        rejected.reject(List.of(1L), T0);
        Order confirmed = pending();
        confirmed.confirm(T0);

        assertThatThrownBy(() -> pending().ship(T0)).isInstanceOf(IllegalOrderTransitionException.class);
        assertThatThrownBy(() -> rejected.confirm(T0)).isInstanceOf(IllegalOrderTransitionException.class);
        assertThatThrownBy(() -> rejected.cancel(T0)).isInstanceOf(IllegalOrderTransitionException.class);
        assertThatThrownBy(() -> confirmed.reject(List.of(), T0)).isInstanceOf(IllegalOrderTransitionException.class);
        assertThatThrownBy(() -> confirmed.deliver(T0)).isInstanceOf(IllegalOrderTransitionException.class);
    }

    @Test
    void shouldEndAConfirmedOrShippedOrderWhoseDeliveryFailedAndKeepTheReason() {
        Order confirmed = pending();
        confirmed.confirm(T0);
        Order shipped = pending();
        shipped.confirm(T0);
        shipped.ship(T0.plusSeconds(1));

        assertThat(confirmed.deliveryFailed("Address does not exist", T0.plusSeconds(2)).reason())
                .isEqualTo("Address does not exist");
        assertThat(shipped.deliveryFailed("Parcel lost", T0.plusSeconds(2)).customerId()).isEqualTo("customer-1");

        assertThat(shipped.getStatus()).isEqualTo(OrderStatus.DELIVERY_FAILED);
        assertThat(shipped.getStatus().isFinal()).isTrue();
        assertThat(shipped.getTimeline()).last().isEqualTo(
                new StatusChange(OrderStatus.DELIVERY_FAILED, T0.plusSeconds(2), "Parcel lost"));
        assertThatThrownBy(() -> shipped.deliver(T0)).isInstanceOf(IllegalOrderTransitionException.class);
        assertThatThrownBy(() -> shipped.deliveryFailed("again", T0)).isInstanceOf(IllegalOrderTransitionException.class);
        assertThatThrownBy(() -> confirmed.cancel(T0)).as("nothing left to cancel")
                .isInstanceOf(IllegalOrderTransitionException.class);
    }

    @Test
    void shouldNotFailTheDeliveryOfAnOrderThatNeverHadOne() {
        Order delivered = pending();
        delivered.confirm(T0);
        delivered.ship(T0);
        delivered.deliver(T0);
        Order cancelled = pending();
        cancelled.cancel(T0);

        for (Order order : List.of(pending(), delivered, cancelled)) {
            assertThatThrownBy(() -> order.deliveryFailed("lost", T0)).isInstanceOf(IllegalOrderTransitionException.class);
        }
    }

    @Test
    void shouldRefuseEmptyOrdersAndNonsenseLines() {
        assertThatThrownBy(() -> Order.place("c", List.of(), HOME, T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OrderItem(1, "TV", 10_000, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OrderItem(1, "TV", 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    static Order pending() {
        return Order.place("customer-1", List.of(new OrderItem(1, "TV", 10_000, 2)), HOME, T0).order();
    }
}
