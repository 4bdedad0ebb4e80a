package com.twelvestreet.orders.order.web;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

/**
 * The dashboard's "orders by state" as Prometheus scrapes it: orders in flight counted at each scrape, finished orders
 * counted as they finish (never by reading every finished order again).
 */
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

        String before = scrape();
        assertThat(before).contains(sample("PENDING", 2), sample("CONFIRMED", 0), sample("SHIPPED", 0))
                .doesNotContain("orders_by_state{application=\"orders\",state=\"CANCELLED\"}")
                .contains(finished("DELIVERED"), finished("REJECTED"));
        double cancelledBefore = finishedCount(before, "CANCELLED");

        orders.cancel(first, new Caller("customer-1", false));
        orders.cancel(first, new Caller("customer-1", false)); // cancelling again changes nothing

        String after = scrape();
        assertThat(after).contains(sample("PENDING", 1));
        assertThat(finishedCount(after, "CANCELLED")).isEqualTo(cancelledBefore + 1);
    }

    private UUID place(String customer) {
        return orders.place(new OrderRequest(customer, Map.of(1L, 1), new ShippingAddress("Kim", "04524", "Seoul"),
                Optional.empty())).order().getId();
    }

    private String scrape() {
        return http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseBody();
    }

    private static String finished(String state) {
        return "orders_finished_total{application=\"orders\",state=\"" + state + "\"} ";
    }

    private static double finishedCount(String scrape, String state) {
        Matcher value = Pattern.compile(Pattern.quote(finished(state)) + "([0-9.E]+)").matcher(scrape);
        assertThat(value.find()).as(finished(state)).isTrue();
        return Double.parseDouble(value.group(1));
    }

    private static String sample(String state, int count) {
        return "orders_by_state{application=\"orders\",state=\"" + state + "\"} " + count + ".0";
    }
}
