package com.twelvestreet.systemtests.bench;

import static com.twelvestreet.systemtests.bench.ShopClient.client;
import static com.twelvestreet.systemtests.bench.ShopClient.createProduct;
import static com.twelvestreet.systemtests.bench.ShopClient.deviceToken;
import static com.twelvestreet.systemtests.bench.ShopClient.field;
import static com.twelvestreet.systemtests.bench.ShopClient.get;
import static com.twelvestreet.systemtests.bench.ShopClient.oneUnitOrder;
import static com.twelvestreet.systemtests.bench.ShopClient.post;
import static com.twelvestreet.systemtests.bench.ShopClient.send;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Orders placed per second through the gateway with real tokens (closed loop, N connections), and
 * meanwhile the latency from an order being placed (its OrderPlaced committed) to the order showing
 * in My Page, measured by a probe (another account) that places one order at a time and polls mypage for it.
 * <p>
 * Tokens come from the oauth service by the device flow, approved with the demo accounts, as a
 * command-line user would get them. The admin token creates a product with ample stock first.
 * Run with the shop up: {@code system-tests/benchmark-orders [--connections 16] [--warmup 70] [--duration 30]}.
 * <p>
 * A third of an order's saga runs 30 and 60 s after it was placed (the courier's pick-up and hand-over), so the
 * measured window pays for the orders of the minute before it: the default warm-up covers that minute at the same
 * load, and the CPU per order is then the steady state's.
 */
public final class OrdersBenchmark {

    /** Requests the gateway refused for their budget (429): they make the figures meaningless, so say so. */
    private static final AtomicLong RATE_LIMITED = new AtomicLong();

    private OrdersBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int connections = Options.integer(args, "--connections", 16);
        int warmup = Options.integer(args, "--warmup", 70);
        int duration = Options.integer(args, "--duration", 30);

        System.out.println("getting tokens by the device flow (demo shopper and admin)...");
        String shopper = deviceToken("shopper@12street.dev", "shopper-pass-12");
        String admin = deviceToken("admin@12street.dev", "admin-pass-12");
        String order = oneUnitOrder(createProduct(admin, "OrdersBenchmark"));
        Thread.sleep(2_000); // orders' replica hears of the product

        StackCpu cpu = StackCpu.ofShop();
        System.out.printf("POST /api/orders through the gateway, %d connections, %d s warm-up, %d s measured; tracing sampling %s%n",
                connections, warmup, duration, cpu.available() ? cpu.tracingSampling() : "unknown");
        run(shopper, null, order, connections, Duration.ofSeconds(warmup));
        // the probe orders as the admin: its My Page holds only probe orders, so "visible" is unambiguous
        Map<String, Double> before = cpu.available() ? cpu.snapshot() : Map.of();
        Result result = run(shopper, admin, order, connections, Duration.ofSeconds(duration));
        Map<String, Double> after = cpu.available() ? cpu.snapshot() : Map.of();

        System.out.println();
        System.out.printf(Locale.ROOT, "orders placed:   %8.0f orders/s   (%d placed, %d errors; target >= 300/s)%n",
                result.throughput(), result.placed.length, result.errors);
        System.out.printf(Locale.ROOT, "placement:       p50 %7.1f ms   p99 %7.1f ms%n",
                percentile(result.placed, 50), percentile(result.placed, 99));
        System.out.printf(Locale.ROOT, "placed -> mypage: p50 %7.1f ms   p99 %7.1f ms   (%d probes, %d not visible within 30 s; "
                + "target p99 <= 150 ms)%n", percentile(result.visible, 50), percentile(result.visible, 99),
                result.visible.length, NOT_VISIBLE.get());
        System.out.println();
        if (cpu.available()) {
            // the probe's orders are orders too; the saga's asynchronous work for the last ones may still run
            StackCpu.print(StackCpu.delta(before, after), result.placed.length + result.visible.length + NOT_VISIBLE.get(), "order");
        }
        else {
            System.out.println("no /proc or no ./shop run folder (SHOP_HOME): CPU per order is not measured");
        }
        if (RATE_LIMITED.get() > 0) {
            System.out.printf("%d requests were refused with 429 by the gateway's rate limits: these figures do not count."
                    + " Start the shop with budgets above the load, e.g. RATE_LIMIT_ACCOUNT_PER_SECOND=100000"
                    + " RATE_LIMIT_ACCOUNT_BURST=100000 ./shop up (README \"Limits at the edge\")%n", RATE_LIMITED.get());
        }
    }

    /** Closed loop of placements; with a {@code probeToken}, a probe also times placed → visible in mypage. */
    private static Result run(String token, String probeToken, String order, int connections, Duration duration)
            throws InterruptedException {
        boolean measure = probeToken != null;
        long end = System.nanoTime() + duration.toNanos();
        List<long[]> placed = new ArrayList<>();
        long[][] own = new long[connections][];
        int[] counts = new int[connections];
        AtomicLong errors = new AtomicLong();
        CountDownLatch done = new CountDownLatch(connections + (measure ? 1 : 0));
        for (int c = 0; c < connections; c++) {
            int slot = c;
            Thread worker = new Thread(() -> {
                HttpClient client = client();
                long[] latencies = new long[1 << 14];
                int n = 0;
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    HttpResponse<String> response = send(client, post("/api/orders", token, order));
                    if (response != null && response.statusCode() == 429) {
                        RATE_LIMITED.incrementAndGet();
                    }
                    if (response == null || response.statusCode() != 201) {
                        errors.incrementAndGet();
                        continue;
                    }
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = System.nanoTime() - t0;
                }
                own[slot] = latencies;
                counts[slot] = n;
                done.countDown();
            }, "orders-" + c);
            worker.setDaemon(true);
            worker.start();
        }
        long[] visible = new long[0];
        if (measure) {
            long[][] probe = new long[1][];
            Thread prober = new Thread(() -> {
                probe[0] = probeMyPage(probeToken, order, end);
                done.countDown();
            }, "mypage-probe");
            prober.setDaemon(true);
            prober.start();
            done.await();
            visible = probe[0];
        }
        else {
            done.await();
        }
        // throughput over the load's own time: the probe may still be waiting for its last order
        long elapsed = Math.max(duration.toNanos(), 1);
        for (int c = 0; c < connections; c++) {
            placed.add(Arrays.copyOf(own[c], counts[c]));
        }
        return new Result(placed.stream().flatMapToLong(Arrays::stream).sorted().toArray(), visible, elapsed,
                errors.get());
    }

    private static final AtomicLong NOT_VISIBLE = new AtomicLong();

    private static long[] probeMyPage(String token, String order, long end) {
        HttpClient client = client();
        long[] latencies = new long[1 << 12];
        int n = 0;
        while (System.nanoTime() < end && n < latencies.length) {
            HttpResponse<String> placed = send(client, post("/api/orders", token, order));
            long placedAt = System.nanoTime();
            if (placed == null || placed.statusCode() != 201) {
                continue;
            }
            String id = field(placed.body(), "id");
            long deadline = placedAt + Duration.ofSeconds(30).toNanos();
            boolean seen = false;
            while (!seen && System.nanoTime() < deadline) {
                HttpResponse<String> page = send(client, get("/api/mypage/orders?size=5", token));
                seen = page != null && page.body().contains(id);
                if (seen) {
                    latencies[n++] = System.nanoTime() - placedAt;
                }
                else {
                    sleep(20); // polling is load too: at most 50 reads a second
                }
            }
            if (!seen) {
                NOT_VISIBLE.incrementAndGet();
            }
        }
        return Arrays.stream(Arrays.copyOf(latencies, n)).sorted().toArray();
    }

    static double percentile(long[] sorted, double percentile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(percentile / 100 * sorted.length) - 1);
        return sorted[Math.max(index, 0)] / 1e6;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private record Result(long[] placed, long[] visible, long elapsedNanos, long errors) {

        double throughput() {
            return placed.length / (elapsedNanos / 1e9);
        }
    }
}
