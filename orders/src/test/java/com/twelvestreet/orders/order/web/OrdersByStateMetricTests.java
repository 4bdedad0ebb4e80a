package com.twelvestreet.orders.order.web;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import com.twelvestreet.orders.OrdersApiTest;
import com.twelvestreet.orders.order.OrderRepository;
import com.twelvestreet.orders.order.OrderRequest;
import com.twelvestreet.orders.order.OrderService;
import com.twelvestreet.orders.order.ShippingAddress;
import com.twelvestreet.orders.support.ProductsStub;
import com.twelvestreet.platform.security.Caller;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's "orders by state" as Prometheus scrapes it: current counts, moving with the orders. */
@OrdersApiTest
class OrdersByStateMetricTests {

    @Autowired
    RestTestClient http;

    @Autowired
    OrderService orders;

    @Autowired
    OrderRepository repository;

    @Autowired
    ProductsStub products;

    @Test
    void shouldCountOrdersInEachStateAtEveryScrape() {
        products.reset();
        products.put(1, "TV", 10_000);
        repository.deleteAll();
        UUID first = place("customer-1");
        place("customer-2");

        assertThat(scrape()).contains(sample("PENDING", 2), sample("CANCELLED", 0), sample("DELIVERED", 0));

        orders.cancel(first, new Caller("customer-1", false));

        assertThat(scrape()).contains(sample("PENDING", 1), sample("CANCELLED", 1));
    }

    private UUID place(String customer) {
        return orders.place(new OrderRequest(customer, Map.of(1L, 1), new ShippingAddress("Kim", "04524", "Seoul"),
                Optional.empty())).order().getId();
    }

    private String scrape() {
        return http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseBody();
    }

    private static String sample(String state, int count) {
        return "orders_by_state{application=\"orders\",state=\"" + state + "\"} " + count + ".0";
    }
}
