package com.twelvestreet.orders.order;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.test.context.ActiveProfiles;

import com.twelvestreet.platform.test.TestPostgresConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/** Orders on a real PostgreSQL with the Flyway schema. */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(TestPostgresConfiguration.class)
@ActiveProfiles("test")
class OrderRepositoryTests {

    static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");

    @Autowired
    OrderRepository orders;

    @Test
    void shouldKeepLinesAddressAndTimeline() {
        Order order = Order.place("customer-1", List.of(new OrderItem(1, "TV", 10_000, 2),
                new OrderItem(5, "CLOCK", 50_000, 1)), new ShippingAddress("Kim", "04524", "12 Sejong-daero"), T0).order();
        order.confirm(T0.plusSeconds(1));
        orders.saveAndFlush(order);

        Order loaded = orders.findById(order.getId()).orElseThrow();

        assertThat(loaded.getItems()).containsExactly(new OrderItem(1, "TV", 10_000, 2), new OrderItem(5, "CLOCK", 50_000, 1));
        assertThat(loaded.getShippingAddress().postalCode()).isEqualTo("04524");
        assertThat(loaded.getTotalAmount()).isEqualTo(70_000);
        assertThat(loaded.getTimeline()).extracting(StatusChange::status)
                .containsExactly(OrderStatus.PENDING, OrderStatus.CONFIRMED);
    }

    @Test
    void shouldListOnlyTheCustomersOwnOrders() {
        orders.saveAndFlush(OrderTest.pending());
        orders.saveAndFlush(Order.place("customer-2", List.of(new OrderItem(2, "MASK", 20_000, 1)),
                new ShippingAddress("Lee", "06236", "152 Teheran-ro"), T0).order());

        assertThat(orders.findByCustomerId("customer-2", PageRequest.of(0, 10, Sort.by("createdAt"))))
                .extracting(Order::getCustomerId).containsOnly("customer-2");
    }
}
