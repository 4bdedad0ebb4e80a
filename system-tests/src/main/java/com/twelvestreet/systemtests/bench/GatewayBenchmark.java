package com.twelvestreet.systemtests.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures {@code GET /api/products} through the gateway, directly against products and through a plain
 * nginx proxy (when installed), in the same run and with the same closed-loop load, and prints requests per
 * second, p50, p99, CPU per request of the proxy, products and Redis ({@link StackCpu}) and the ratios to
 * direct. Rounds alternate between the targets so drift hits all alike.
 * <p>
 * Run with the shop up: {@code system-tests/benchmark-gateway} (see README). Options:
 * {@code --connections N --warmup SECONDS --duration SECONDS --rounds N}.
 */
public final class GatewayBenchmark {

    private static final String GATEWAY = "http://127.0.0.1:8080/api/products";
    private static final String DIRECT = "http://127.0.0.1:8081/api/products";
    private static final int NGINX_PORT = 18081;

    /** Requests the gateway refused for their budget (429): they make the figures meaningless, so say so. */
    private static final AtomicLong RATE_LIMITED = new AtomicLong();

    private GatewayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int connections = Options.integer(args, "--connections", 16);
        int warmup = Options.integer(args, "--warmup", 45);
        int duration = Options.integer(args, "--duration", 15);
        int rounds = Options.integer(args, "--rounds", 2);
        StackCpu cpu = StackCpu.ofShop();
        if (!cpu.available()) {
            System.out.println("no /proc or no ./shop run folder (SHOP_HOME): CPU per request is not measured");
        }
        Optional<Path> nginx = ReferenceProxy.nginx();
        ReferenceProxy proxy = null;
        if (nginx.isPresent()) {
            proxy = ReferenceProxy.start(nginx.get(), NGINX_PORT, 8081);
            cpu.include("nginx", proxy.pid());
        }
        else {
            System.out.println("nginx is not installed (Debian: apt-get install nginx-light): no reference proxy in this run");
        }
        try {
            Map<String, String> targets = new LinkedHashMap<>();
            targets.put("direct", DIRECT);
            targets.put("gateway", GATEWAY);
            if (proxy != null) {
                targets.put("nginx", "http://127.0.0.1:" + NGINX_PORT + "/api/products");
            }
            System.out.printf("GET /api/products, %d connections, %d s warm-up, %d x %d s per target; tracing sampling %s%n",
                    connections, warmup, rounds, duration, cpu.available() ? cpu.tracingSampling() : "unknown");
            System.out.printf("warming up (gateway needs ~40 s to reach JIT steady state)...%n");
            run(GATEWAY, connections, Duration.ofSeconds(warmup * 2L / 3));
            run(DIRECT, connections, Duration.ofSeconds(warmup / 3));

            Map<String, Result> results = new LinkedHashMap<>();
            Map<String, Map<String, Double>> used = new LinkedHashMap<>();
            for (int round = 1; round <= rounds; round++) {
                StringBuilder line = new StringBuilder("round " + round + ":");
                for (Map.Entry<String, String> target : targets.entrySet()) {
                    Map<String, Double> before = cpu.available() ? cpu.snapshot() : Map.of();
                    Result result = run(target.getValue(), connections, Duration.ofSeconds(duration));
                    Map<String, Double> after = cpu.available() ? cpu.snapshot() : Map.of();
                    results.merge(target.getKey(), result, Result::plus);
                    StackCpu.delta(before, after).forEach((part, ms) ->
                            used.computeIfAbsent(target.getKey(), key -> new LinkedHashMap<>()).merge(part, ms, Double::sum));
                    line.append(' ').append(target.getKey()).append(' ').append(result).append(" |");
                }
                System.out.println(line);
            }
            System.out.println();
            System.out.printf("%-8s %10s %9s %9s %7s %14s %14s %12s%n", "target", "req/s", "p50 ms", "p99 ms", "errors",
                    "proxy CPU ms", "products CPU", "redis CPU");
            results.forEach((name, result) -> print(name, result, used.getOrDefault(name, Map.of())));
            System.out.println("(CPU ms per request, from /proc over the measured rounds; the proxy is the gateway or nginx)");
            double direct = results.get("direct").throughput();
            System.out.printf(Locale.ROOT, "ratio gateway/direct throughput: %.2f (target >= 0.70)%n",
                    results.get("gateway").throughput() / direct);
            if (results.containsKey("nginx")) {
                System.out.printf(Locale.ROOT, "ratio nginx/direct throughput:   %.2f (a plain proxy hop on the same cores)%n",
                        results.get("nginx").throughput() / direct);
            }
        }
        finally {
            if (proxy != null) {
                proxy.close();
            }
        }
        if (RATE_LIMITED.get() > 0) {
            System.out.printf("%d requests were refused with 429 by the gateway's rate limits: these figures do not count."
                    + " Start the shop with budgets above the load, e.g. RATE_LIMIT_ANONYMOUS_PER_SECOND=100000"
                    + " RATE_LIMIT_ANONYMOUS_BURST=100000 RATE_LIMIT_ACCOUNT_PER_SECOND=100000 RATE_LIMIT_ACCOUNT_BURST=100000"
                    + " ./shop up (README \"Limits at the edge\")%n", RATE_LIMITED.get());
        }
    }

    private static void print(String name, Result result, Map<String, Double> used) {
        long requests = Math.max(result.count(), 1);
        String proxy = name.equals("direct") ? "-" : perRequest(used.get(name), requests);
        System.out.printf(Locale.ROOT, "%-8s %10.0f %9.2f %9.2f %7d %14s %14s %12s%n", name, result.throughput(),
                result.percentileMillis(50), result.percentileMillis(99), result.errors, proxy,
                perRequest(used.get("products"), requests), name.equals("gateway") ? perRequest(used.get("redis"), requests) : "-");
    }

    private static String perRequest(Double ms, long requests) {
        return ms == null ? "?" : String.format(Locale.ROOT, "%.3f", ms / requests);
    }

    /** Closed loop: each connection sends its next request as soon as the previous one is answered. */
    private static Result run(String url, int connections, Duration duration) throws InterruptedException {
        long[][] latencies = new long[connections][];
        int[] counts = new int[connections];
        AtomicLong errors = new AtomicLong();
        CountDownLatch done = new CountDownLatch(connections);
        long end = System.nanoTime() + duration.toNanos();
        long started = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            int slot = c;
            Thread worker = new Thread(() -> {
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(2)).build();
                HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build();
                long[] own = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (response != null && response.statusCode() == 429) {
                            RATE_LIMITED.incrementAndGet();
                        }
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    }
                    catch (Exception ex) {
                        errors.incrementAndGet();
                    }
                    if (n == own.length) {
                        own = Arrays.copyOf(own, n * 2);
                    }
                    own[n++] = System.nanoTime() - t0;
                }
                latencies[slot] = own;
                counts[slot] = n;
                done.countDown();
            }, "load-" + c);
            worker.setDaemon(true);
            worker.start();
        }
        done.await();
        long elapsed = System.nanoTime() - started;
        List<long[]> parts = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            parts.add(Arrays.copyOf(latencies[c], counts[c]));
        }
        return new Result(parts, elapsed, errors.get());
    }

    private record Result(List<long[]> latencies, long elapsedNanos, long errors) {

        Result plus(Result other) {
            List<long[]> all = new ArrayList<>(latencies);
            all.addAll(other.latencies);
            return new Result(all, elapsedNanos + other.elapsedNanos, errors + other.errors);
        }

        long count() {
            return latencies.stream().mapToLong(l -> l.length).sum();
        }

        double throughput() {
            return count() / (elapsedNanos / 1e9);
        }

        double percentileMillis(double percentile) {
            long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            if (all.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.min(all.length - 1, Math.ceil(percentile / 100 * all.length) - 1);
            return all[Math.max(index, 0)] / 1e6;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.0f req/s p50 %.2f ms p99 %.2f ms errors %d", throughput(),
                    percentileMillis(50), percentileMillis(99), errors);
        }
    }
}
