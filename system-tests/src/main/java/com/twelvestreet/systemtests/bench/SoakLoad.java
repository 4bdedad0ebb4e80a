package com.twelvestreet.systemtests.bench;

import static com.twelvestreet.systemtests.bench.ShopClient.client;
import static com.twelvestreet.systemtests.bench.ShopClient.placement;
import static com.twelvestreet.systemtests.bench.ShopClient.send;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Orders placed at a steady rate whatever the shop's answers take (an open loop: order k is due at start + k / rate),
 * each with an Idempotency-Key as a careful client sends it. A placement's latency counts from when it was due, so a
 * shop that falls behind shows it in the percentiles instead of quietly receiving fewer orders.
 */
final class SoakLoad {

    /** What was placed since the last {@link #drain()}: latencies in ns, errors, and the first error seen. */
    record Window(long[] latencies, long errors, String firstError) {
    }

    private final Supplier<ShopClient.AccessToken> login;
    private volatile ShopClient.AccessToken token;
    private final String order;
    private final double rate;
    private final int connections;
    private final List<Long> latencies = new ArrayList<>();
    private final AtomicLong errors = new AtomicLong();
    private volatile String firstError;
    private volatile boolean running = true;
    private final List<Thread> workers = new ArrayList<>();

    SoakLoad(Supplier<ShopClient.AccessToken> login, String order, double rate, int connections) {
        this.login = login;
        this.token = login.get();
        this.order = order;
        this.rate = rate;
        this.connections = connections;
    }

    void start() {
        Thread renewal = new Thread(this::renewTokens, "soak-token-renewal");
        renewal.setDaemon(true);
        renewal.start();
        long start = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            int first = c;
            Thread worker = new Thread(() -> place(start, first), "soak-" + c);
            worker.setDaemon(true);
            worker.start();
            workers.add(worker);
        }
    }

    /** A new token a minute before the current one expires (access tokens live minutes, a soak runs longer). */
    private void renewTokens() {
        while (running) {
            // never less than half a minute: a token valid for under a minute must not make this a busy loop
            LockSupport.parkNanos(Math.max(token.validFor().minusMinutes(1).toNanos(), 30_000_000_000L));
            if (running) {
                token = login.get();
            }
        }
    }

    /** Worker {@code first} places orders first, first + connections, ...; each one when it is due. */
    private void place(long start, int first) {
        HttpClient client = client();
        for (long k = first; running; k += connections) {
            long due = start + (long) (k * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            HttpResponse<String> response = send(client, placement(token.accessToken(), order, UUID.randomUUID().toString()));
            long latency = System.nanoTime() - due;
            if (response != null && response.statusCode() == 201) {
                synchronized (latencies) {
                    latencies.add(latency);
                }
            }
            else {
                errors.incrementAndGet();
                if (firstError == null) {
                    firstError = response == null ? "no answer" : response.statusCode() + " " + response.body();
                }
            }
        }
    }

    Window drain() {
        long[] placed;
        synchronized (latencies) {
            placed = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            latencies.clear();
        }
        String error = firstError;
        firstError = null;
        return new Window(placed, errors.getAndSet(0), error);
    }

    void stop() throws InterruptedException {
        running = false;
        for (Thread worker : workers) {
            worker.join(15_000);
        }
    }
}
