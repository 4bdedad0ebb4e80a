package com.twelvestreet.products.stock;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.twelvestreet.platform.contracts.orders.OrderCancelled;
import com.twelvestreet.platform.contracts.orders.OrderLine;
import com.twelvestreet.platform.contracts.orders.OrderPlaced;
import com.twelvestreet.products.ProductsApiTest;
import com.twelvestreet.products.product.ProductCatalog;
import com.twelvestreet.products.product.ProductDetails;

import static org.assertj.core.api.Assertions.assertThat;

@ProductsApiTest
class StockKeeperTests {

    @Autowired
    StockKeeper keeper;

    @Autowired
    ProductCatalog catalog;

    @Autowired
    JdbcClient jdbc;

    @Test
    void shouldReserveEveryLineOfAnOrder() {
        long tv = product("TV", 5);
        long mask = product("MASK", 10);

        assertThat(keeper.reserve(order(line(tv, 2), line(mask, 3), line(tv, 1)))).isEqualTo(ReservationStatus.RESERVED);

        assertThat(stock(tv)).isEqualTo(2);
        assertThat(stock(mask)).isEqualTo(7);
    }

    @Test
    void shouldTakeNothingWhenOneLineLacksStock() {
        long tv = product("TV", 5);
        long mask = product("MASK", 1);

        assertThat(keeper.reserve(order(line(tv, 2), line(mask, 3)))).isEqualTo(ReservationStatus.REJECTED);

        assertThat(stock(tv)).isEqualTo(5);
        assertThat(stock(mask)).isEqualTo(1);
    }

    @Test
    void shouldReserveAnOrderOnlyOnceHoweverOftenItArrives() {
        long tv = product("TV", 5);
        OrderPlaced order = order(line(tv, 2));

        keeper.reserve(order);
        keeper.reserve(order);

        assertThat(stock(tv)).isEqualTo(3);
    }

    @Test
    void shouldNeverReserveAnOrderWhoseCancelArrivedBeforeItsPlacement() {
        // as the kafka-outage drill met it: OrderPlaced waited in orders' outbox, the shopper's cancel went first
        long tv = product("TV", 5);
        OrderPlaced order = order(line(tv, 1));

        keeper.release(new OrderCancelled(order.orderId(), "c-1"));
        assertThat(keeper.reserve(order)).isEqualTo(ReservationStatus.RELEASED);

        assertThat(stock(tv)).isEqualTo(5);
    }

    @Test
    void shouldGiveStockBackOnceWhenTheOrderIsCancelledTwice() {
        long tv = product("TV", 5);
        OrderPlaced order = order(line(tv, 4));
        keeper.reserve(order);

        assertThat(keeper.release(new OrderCancelled(order.orderId(), "c-1"))).isEqualTo(ReservationStatus.RELEASED);
        keeper.release(new OrderCancelled(order.orderId(), "c-1"));

        assertThat(stock(tv)).isEqualTo(5);
    }

    @Test
    void shouldGiveNothingBackForARejectedOrUnknownOrder() {
        long tv = product("TV", 1);
        OrderPlaced tooMuch = order(line(tv, 2));
        keeper.reserve(tooMuch);

        keeper.release(new OrderCancelled(tooMuch.orderId(), "c-1"));
        keeper.release(new OrderCancelled(UUID.randomUUID(), "c-1"));

        assertThat(stock(tv)).isEqualTo(1);
    }

    @Test
    void shouldNeverOversellUnderConcurrentOrders() throws Exception {
        long clock = product("CLOCK", 10);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<ReservationStatus>> orders = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                orders.add(() -> keeper.reserve(order(line(clock, 1))));
            }
            List<ReservationStatus> outcomes = new ArrayList<>();
            for (Future<ReservationStatus> outcome : pool.invokeAll(orders)) {
                outcomes.add(outcome.get());
            }

            assertThat(outcomes).filteredOn(ReservationStatus.RESERVED::equals).hasSize(10);
            assertThat(outcomes).filteredOn(ReservationStatus.REJECTED::equals).hasSize(40);
            assertThat(stock(clock)).isZero();
        }
        finally {
            pool.shutdownNow();
        }
    }

    private long product(String name, int stock) {
        return catalog.create(new ProductDetails(name, "", 10_000, stock)).getId();
    }

    private int stock(long productId) {
        return jdbc.sql("select stock from products where id = ?").param(productId).query(Integer.class).single();
    }

    static OrderPlaced order(OrderLine... lines) {
        long total = 0;
        for (OrderLine line : lines) {
            total += line.unitPrice() * line.quantity();
        }
        return new OrderPlaced(UUID.randomUUID(), "customer-1", List.of(lines), total);
    }

    static OrderLine line(long productId, int quantity) {
        return new OrderLine(productId, quantity, 10_000, "PRODUCT");
    }
}
