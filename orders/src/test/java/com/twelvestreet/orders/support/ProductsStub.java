package com.twelvestreet.orders.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import com.twelvestreet.platform.test.TestPorts;

/**
 * Stands in for the products service on a loopback port: {@code GET /api/products/{id}} answers what
 * the test put in, 404 otherwise. {@link #down()} closes the port (connection refused), {@link #up()}
 * opens it again, {@link #slow(Duration)} delays every answer.
 */
public final class ProductsStub {

    private final int port = TestPorts.free();
    private final Map<Long, String> products = new ConcurrentHashMap<>();
    private volatile Duration delay = Duration.ZERO;
    private HttpServer server;

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public void put(long id, String name, long price) {
        products.put(id, """
                {"id": %d, "name": "%s", "description": "", "price": %d, "stock": 100, "version": 0}
                """.formatted(id, name, price));
    }

    public void slow(Duration delay) {
        this.delay = delay;
    }

    public synchronized void up() {
        if (server != null) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/api/products/", this::answer);
        server.start();
    }

    public synchronized void down() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    public void reset() {
        products.clear();
        delay = Duration.ZERO;
        up();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!delay.isZero()) {
                Thread.sleep(delay.toMillis());
            }
            String id = exchange.getRequestURI().getPath().substring("/api/products/".length());
            String body = id.matches("\\d+") ? products.get(Long.parseLong(id)) : null;
            byte[] bytes = (body != null ? body : "{\"status\": 404}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(body != null ? 200 : 404, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
