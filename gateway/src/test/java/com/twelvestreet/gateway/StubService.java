package com.twelvestreet.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.twelvestreet.platform.test.TestPorts;

/**
 * A real HTTP server on loopback standing in for a service behind the gateway; it can be stopped
 * and started again on the same port, like a crashed and restarted instance. As a JUnit extension
 * ({@code @RegisterExtension static}) it runs for the whole test class.
 */
final class StubService implements BeforeAllCallback, AfterAllCallback {

    private final int port = TestPorts.free();
    private final AtomicReference<String> lastRequest = new AtomicReference<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicReference<Headers> lastHeaders = new AtomicReference<>(new Headers());
    private HttpServer server;
    private ExecutorService executor;

    int port() {
        return port;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    /** How many requests reached the stub so far. */
    int requests() {
        return requests.get();
    }

    String lastRequest() {
        return lastRequest.get();
    }

    /** The Authorization header of the last request, or "none". */
    String lastAuthorization() {
        return lastHeader("Authorization");
    }

    /** One header of the last request, or "none". */
    String lastHeader(String name) {
        String value = lastHeaders.get().getFirst(name);
        return value == null ? "none" : value;
    }

    synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 200);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            lastRequest.set(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            exchange.getRequestBody().readAllBytes(); // as a real service does before it answers
            lastHeaders.set(exchange.getRequestHeaders());
            if (exchange.getRequestURI().getPath().endsWith("/slow")) {
                sleep(5_000);
            }
            else {
                sleep(20); // enough to keep 50 requests in flight at once
            }
            byte[] body = "{\"items\":[{\"id\":1,\"name\":\"TV\"}],\"servedBy\":\"stub\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        executor = Executors.newFixedThreadPool(64);
        server.setExecutor(executor);
        server.start();
    }

    synchronized void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
