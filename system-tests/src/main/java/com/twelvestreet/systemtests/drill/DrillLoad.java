package com.twelvestreet.systemtests.drill;

import com.twelvestreet.systemtests.bench.Options;
import com.twelvestreet.systemtests.bench.ShopClient;

import java.net.http.HttpClient;
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

/**
 * The drills' load: one-unit orders started at a steady rate, each with an idempotency key of its own, and retried
 * with that key as a careful client does while the shop answers 503/502/504 or 429 (after Retry-After), or nothing.
 * Every answer is tallied; a 500, an answer that is not problem details, or none in 10 s is a violation.
 */
final class DrillLoad {

    /** The keys the shop accepted (order id per key), those it refused for good, and every answer seen. */
    record Result(Map<String, String> accepted, Set<String> refused, Map<String, Integer> answers, long slowestMillis,
            List<String> violations) {
    }

    private static final Set<Integer> RETRYABLE = Set.of(429, 502, 503, 504);

    private final String token;
    private final String order;
    private final Duration giveUpAfter;
    private final HttpClient client = ShopClient.client();
    private final Map<String, String> accepted = new ConcurrentHashMap<>();
    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
    private final AtomicLong slowest = new AtomicLong();
    private final List<String> violations = Collections.synchronizedList(new ArrayList<>());

    DrillLoad(String token, String order, Duration giveUpAfter) {
        this.token = token;
        this.order = order;
        this.giveUpAfter = giveUpAfter;
    }

    Result run(int orders, double perSecond) throws Exception {
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
                placements.add(threads.submit(() -> place(key)));
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
        return new Result(Map.copyOf(accepted), Set.copyOf(refused), tally, slowest.get() / 1_000_000, List.copyOf(violations));
    }

    private Void place(String key) throws InterruptedException {
        long deadline = System.nanoTime() + giveUpAfter.toNanos();
        while (System.nanoTime() < deadline) {
            long sent = System.nanoTime();
            HttpResponse<String> answer = ShopClient.send(client, ShopClient.placement(token, order, key));
            slowest.accumulateAndGet(System.nanoTime() - sent, Math::max);
            if (answer == null) {
                count("no answer");
                violations.add("no answer within " + (System.nanoTime() - sent) / 1_000_000 + " ms for " + key);
                Thread.sleep(1_000);
                continue;
            }
            int status = answer.statusCode();
            count(String.valueOf(status));
            if (status == 201 || status == 200) {
                accepted.put(key, ShopClient.field(answer.body(), "id"));
                return null;
            }
            boolean problem = answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
            if (!RETRYABLE.contains(status)) {
                if (status >= 500 || !problem) {
                    violations.add(status + " for " + key + ": " + answer.body());
                }
                refused.add(key);
                return null;
            }
            if (!problem) {
                violations.add(status + " without problem details for " + key + ": " + answer.body());
            }
            long retryAfter = answer.headers().firstValueAsLong("Retry-After").orElse(1);
            Thread.sleep(Math.min(retryAfter, 5) * 1_000);
        }
        violations.add("no order for " + key + " after retrying for " + giveUpAfter.toSeconds() + " s");
        return null;
    }

    private void count(String answer) {
        answers.computeIfAbsent(answer, a -> new AtomicInteger()).incrementAndGet();
    }
}
