package com.twelvestreet.systemtests.drill;

import com.twelvestreet.systemtests.bench.Options;
import com.twelvestreet.systemtests.bench.ShopClient;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The drills' load: one-unit orders started at a steady rate, each with an idempotency key of its own, and retried
 * with that key as a careful client does while the shop answers 503/502/504 or 429 (after Retry-After), or nothing;
 * some cancelled by the shopper once the saga has decided them (confirmed: stock and mileage to give back), retried
 * the same way. Every answer is tallied; a
 * 500, an error that is not problem details, or no answer in 10 s is a violation.
 */
final class DrillLoad {

    /**
     * The keys the shop accepted (order id per key), those it refused for good, the orders whose cancel it accepted,
     * every answer seen (placements by status, cancels as {@code cancel <status>}) and the slowest of them.
     */
    record Result(Map<String, String> accepted, Set<String> refused, Set<String> cancelled, Map<String, Integer> answers,
            long slowestMillis, List<String> violations) {
    }

    private static final Set<Integer> RETRYABLE = Set.of(429, 502, 503, 504);

    private final String token;
    private final String order;
    private final Duration giveUpAfter;
    private final HttpClient client = ShopClient.client();
    private final Map<String, String> accepted = new ConcurrentHashMap<>();
    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    private final Set<String> cancelled = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
    private final AtomicLong slowest = new AtomicLong();
    private final List<String> violations = Collections.synchronizedList(new ArrayList<>());

    DrillLoad(String token, String order, Duration giveUpAfter) {
        this.token = token;
        this.order = order;
        this.giveUpAfter = giveUpAfter;
    }

    /** Places {@code orders} at {@code perSecond}; the shopper cancels every {@code cancelEvery}th once it is decided. */
    Result run(int orders, double perSecond, int cancelEvery) throws Exception {
        long interval = (long) (1_000_000_000L / perSecond);
        long start = System.nanoTime();
        List<Future<?>> placements = new ArrayList<>();
        ExecutorService threads = Executors.newCachedThreadPool();
        try {
            for (int i = 0; i < orders; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                String key = "drill-" + UUID.randomUUID();
                boolean thenCancel = cancelEvery > 0 && i % cancelEvery == cancelEvery - 1;
                placements.add(threads.submit(() -> place(key, thenCancel)));
            }
            for (Future<?> placement : placements) {
                placement.get();
            }
        }
        finally {
            threads.shutdownNow();
        }
        Map<String, Integer> tally = new TreeMap<>();
        answers.forEach((answer, count) -> tally.put(answer, count.get()));
        return new Result(Map.copyOf(accepted), Set.copyOf(refused), Set.copyOf(cancelled), tally,
                slowest.get() / 1_000_000, List.copyOf(violations));
    }

    private Void place(String key, boolean thenCancel) throws InterruptedException {
        HttpResponse<String> placed = sendRetrying(() -> ShopClient.placement(token, order, key), "", key);
        if (placed == null) {
            return null;
        }
        if (placed.statusCode() != 201 && placed.statusCode() != 200) {
            refused.add(key);
            return null;
        }
        String id = ShopClient.field(placed.body(), "id");
        accepted.put(key, id);
        if (thenCancel) {
            awaitDecided(id);
            HttpResponse<String> cancel = sendRetrying(() -> ShopClient.post("/api/orders/" + id + "/cancel", token, ""),
                    "cancel ", id);
            if (cancel != null && cancel.statusCode() == 200) {
                cancelled.add(id);
            }
        }
        return null;
    }

    /** Waits (at most 15 s) until the saga has confirmed or rejected the order, so a cancel also undoes a confirmation. */
    private void awaitDecided(String id) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> order = ShopClient.send(client, ShopClient.get("/api/orders/" + id, token));
            if (order != null && order.statusCode() == 200 && !"PENDING".equals(ShopClient.field(order.body(), "status"))) {
                return;
            }
            Thread.sleep(500);
        }
    }

    /**
     * Sends until the shop gives an answer other than 429/502/503/504 (waiting Retry-After, at most 5 s, between
     * attempts) and returns it; null after {@code giveUpAfter}. Tallies every answer as {@code label + status}.
     */
    private HttpResponse<String> sendRetrying(Supplier<HttpRequest> request, String label, String subject)
            throws InterruptedException {
        long deadline = System.nanoTime() + giveUpAfter.toNanos();
        while (System.nanoTime() < deadline) {
            long sent = System.nanoTime();
            HttpResponse<String> answer = ShopClient.send(client, request.get());
            slowest.accumulateAndGet(System.nanoTime() - sent, Math::max);
            if (answer == null) {
                count(label + "no answer");
                violations.add(label + "no answer within " + (System.nanoTime() - sent) / 1_000_000 + " ms for " + subject);
                Thread.sleep(1_000);
                continue;
            }
            int status = answer.statusCode();
            count(label + status);
            boolean problem = answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
            if ((status >= 500 || (status >= 400 && !problem)) && !(RETRYABLE.contains(status) && problem)) {
                violations.add(label + status + (problem ? "" : " without problem details") + " for " + subject + ": "
                        + answer.body());
            }
            if (!RETRYABLE.contains(status)) {
                return answer;
            }
            long retryAfter = answer.headers().firstValueAsLong("Retry-After").orElse(1);
            Thread.sleep(Math.min(retryAfter, 5) * 1_000);
        }
        violations.add("no final answer to " + label + "for " + subject + " after retrying for " + giveUpAfter.toSeconds() + " s");
        return null;
    }

    private void count(String answer) {
        answers.computeIfAbsent(answer, a -> new AtomicInteger()).incrementAndGet();
    }
}
