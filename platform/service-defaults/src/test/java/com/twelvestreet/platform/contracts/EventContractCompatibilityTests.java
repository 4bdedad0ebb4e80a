package com.twelvestreet.platform.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.twelvestreet.platform.contracts.deliveries.DeliveryCancelled;
import com.twelvestreet.platform.contracts.deliveries.DeliveryCompleted;
import com.twelvestreet.platform.contracts.deliveries.DeliveryFailed;
import com.twelvestreet.platform.contracts.deliveries.DeliveryStarted;
import com.twelvestreet.platform.contracts.orders.OrderCancelled;
import com.twelvestreet.platform.contracts.orders.DeliveryAddress;
import com.twelvestreet.platform.contracts.orders.OrderConfirmed;
import com.twelvestreet.platform.contracts.orders.OrderLine;
import com.twelvestreet.platform.contracts.orders.OrderPlaced;
import com.twelvestreet.platform.contracts.orders.OrderDelivered;
import com.twelvestreet.platform.contracts.orders.OrderDeliveryFailed;
import com.twelvestreet.platform.contracts.orders.OrderRejected;
import com.twelvestreet.platform.contracts.orders.OrderShipped;
import com.twelvestreet.platform.contracts.products.ProductChanged;
import com.twelvestreet.platform.contracts.products.ProductOutOfStock;
import com.twelvestreet.platform.contracts.products.StockReleased;
import com.twelvestreet.platform.contracts.products.StockReserved;
import com.twelvestreet.platform.events.EventEnvelope;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every published event version has a sample under {@code contracts/}, kept in the repository. A
 * change to an event record must stay readable by consumers built against that sample: no field
 * may disappear, be renamed or change its JSON type (new fields are fine). Breaking changes need a
 * new version (a new sample) instead.
 */
class EventContractCompatibilityTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static List<Arguments> events() {
        UUID order = UUID.randomUUID();
        UUID delivery = UUID.randomUUID();
        return List.of(
                sample("products/ProductChanged", new ProductChanged(3, 2, "NOTEBOOK", 30_000, 98, false)),
                sample("products/StockReserved", new StockReserved(order)),
                sample("products/StockReleased", new StockReleased(order)),
                sample("products/ProductOutOfStock", new ProductOutOfStock(order, List.of(1L))),
                sample("orders/OrderPlaced", new OrderPlaced(order, "customer", List.of(new OrderLine(1, 2, 10_000, "TV")), 20_000)),
                sample("orders/OrderCancelled", new OrderCancelled(order, "customer")),
                sample("orders/OrderConfirmed", new OrderConfirmed(order, "customer", 20_000, new DeliveryAddress("Kim", "04524", "Seoul"))),
                sample("orders/OrderRejected", new OrderRejected(order, "customer", List.of(1L))),
                sample("orders/OrderShipped", new OrderShipped(order, "customer")),
                sample("orders/OrderDelivered", new OrderDelivered(order, "customer")),
                sample("orders/OrderDeliveryFailed", new OrderDeliveryFailed(order, "customer", "parcel lost")),
                sample("deliveries/DeliveryStarted", new DeliveryStarted(delivery, order)),
                sample("deliveries/DeliveryCompleted", new DeliveryCompleted(delivery, order)),
                sample("deliveries/DeliveryCancelled", new DeliveryCancelled(delivery, order)),
                sample("deliveries/DeliveryFailed", new DeliveryFailed(delivery, order, "parcel lost")));
    }

    private static Arguments sample(String name, Object event) {
        return Arguments.of("contracts/" + name + ".v1.json", EventEnvelope.of("aggregate", event, Instant.now()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void shouldStayCompatibleWithItsPublishedSample(String sample, EventEnvelope<?> current) throws IOException {
        JsonNode published;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(sample)) {
            assertThat(in).as(sample).isNotNull();
            published = JSON.readTree(in);
        }
        JsonNode now = JSON.readTree(JSON.writeValueAsString(current));

        List<String> breaks = new ArrayList<>();
        compare("", published, now, breaks);
        assertThat(breaks).as("incompatible with " + sample).isEmpty();
        assertThat(now.get("eventType").asString()).isEqualTo(published.get("eventType").asString());
        assertThat(now.get("version").asInt()).isEqualTo(published.get("version").asInt());
    }

    private static void compare(String path, JsonNode published, JsonNode now, List<String> breaks) {
        for (Map.Entry<String, JsonNode> field : published.properties()) {
            String name = path + "/" + field.getKey();
            JsonNode current = now.get(field.getKey());
            if (current == null) {
                breaks.add(name + " is gone");
            }
            else if (current.getNodeType() != field.getValue().getNodeType()) {
                breaks.add(name + " changed from " + field.getValue().getNodeType() + " to " + current.getNodeType());
            }
            else if (current.isObject()) {
                compare(name, field.getValue(), current, breaks);
            }
            else if (current.isArray() && !current.isEmpty() && !field.getValue().isEmpty()) {
                JsonNode publishedItem = field.getValue().get(0);
                if (publishedItem.getNodeType() != current.get(0).getNodeType()) {
                    breaks.add(name + "[] items changed from " + publishedItem.getNodeType() + " to " + current.get(0).getNodeType());
                }
                else if (publishedItem.isObject()) {
                    compare(name + "[]", publishedItem, current.get(0), breaks);
                }
            }
        }
    }
}
