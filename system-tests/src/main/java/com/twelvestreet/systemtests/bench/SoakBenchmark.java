package com.twelvestreet.systemtests.bench;

import static com.twelvestreet.systemtests.bench.ShopClient.createProduct;
import static com.twelvestreet.systemtests.bench.ShopClient.deviceGrant;
import static com.twelvestreet.systemtests.bench.ShopClient.deviceToken;
import static com.twelvestreet.systemtests.bench.ShopClient.oneUnitOrder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Does an order cost the same after the shop has aged? Orders placed at a steady rate for a long time on databases
 * that already hold a year of history ({@link History}); per slice of time it prints orders/s, placement latency,
 * CPU per order summed over the stack, the rows of every bookkeeping table, database and Kafka disk, and each JVM's
 * heap after a full collection; at the end a verdict against the targets: the last slice's CPU per order and p99
 * within 10 % of the first, no bookkeeping row past its retention period, no heap that keeps growing.
 * <p>
 * Run with the shop up: {@code system-tests/benchmark-soak [--rate 30] [--duration 1200] [--slice 300] [--warmup 300]
 * [--history 1000000] [--connections 16]}.
 */
public final class SoakBenchmark {

    /** Growth of a heap after GC from the first reading to the last that counts as a trend: 10 % and 8 MB. */
    private static final double HEAP_GROWTH = 0.10;
    private static final double HEAP_SLACK_MB = 8;

    private record Slice(double ordersPerSecond, long errors, double p50, double p99, Map<String, Double> cpuPerOrder,
            Measurement measurement) {

        double stackCpuPerOrder() {
            return cpuPerOrder.values().stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    private record Measurement(Map<String, long[]> rows, double databaseMb, double kafkaMb, Map<String, Double> heaps) {

        long pastDue() {
            return rows.values().stream().mapToLong(row -> row[1]).sum();
        }
    }

    private SoakBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rate = Options.integer(args, "--rate", 30);
        int duration = Options.integer(args, "--duration", 1200);
        int sliceSeconds = Options.integer(args, "--slice", 300);
        int warmup = Options.integer(args, "--warmup", 300);
        int history = Options.integer(args, "--history", 1_000_000);
        int connections = Options.integer(args, "--connections", 16);
        String jdbc = "jdbc:postgresql://127.0.0.1:" + Options.integer(args, "--postgres-port", 15432) + "/";

        StackCpu stack = StackCpu.ofShop();
        if (!stack.available()) {
            System.err.println("No /proc or no ./shop run folder (SHOP_HOME): the soak measures the stack ./shop runs.");
            System.exit(1);
        }
        if (history > 0) {
            new History(jdbc, history).fill();
        }
        Bookkeeping bookkeeping = new Bookkeeping(jdbc, stack, Path.of(System.getProperty("shop.home", ".shop")));
        HeapAfterGc heaps = new HeapAfterGc(stack);
        System.out.println("retention as the services run (period + interval of the rounds): " + bookkeeping.periods());

        System.out.println("getting tokens by the device flow (demo shopper, renewed before they expire, and admin)...");
        String order = oneUnitOrder(createProduct(deviceToken("admin@12street.dev", "admin-pass-12"), "SoakBenchmark"));
        Thread.sleep(2_000); // orders' replica hears of the product

        int slices = Math.max(1, duration / sliceSeconds);
        System.out.printf("%d orders/s (open loop, %d connections, each with an Idempotency-Key) for %d s of warm-up, then %d"
                + " slices of %d s; tracing sampling %s%n", rate, connections, warmup, slices, sliceSeconds, stack.tracingSampling());
        SoakLoad load = new SoakLoad(() -> deviceGrant("shopper@12street.dev", "shopper-pass-12"), order, rate, connections);
        load.start();
        Thread.sleep(warmup * 1000L);
        SoakLoad.Window warmupWindow = load.drain();
        Map<String, Double> cpuBefore = stack.snapshot();
        long sliceStart = System.nanoTime();
        Measurement start = measure(bookkeeping, heaps);
        System.out.printf(Locale.ROOT, "warm-up: %d placed, %d errors%s; at the start: %s%n", warmupWindow.latencies().length,
                warmupWindow.errors(), errorNote(warmupWindow), describe(start));

        List<Slice> results = new ArrayList<>();
        for (int i = 1; i <= slices; i++) {
            long end = sliceStart + sliceSeconds * 1_000_000_000L;
            Thread.sleep(Math.max(0, (end - System.nanoTime()) / 1_000_000));
            SoakLoad.Window window = load.drain();
            Map<String, Double> cpuAfter = stack.snapshot();
            double seconds = (System.nanoTime() - sliceStart) / 1e9;
            sliceStart = System.nanoTime();
            Map<String, Double> perOrder = new LinkedHashMap<>();
            int placed = Math.max(1, window.latencies().length);
            StackCpu.delta(cpuBefore, cpuAfter).forEach((part, ms) -> perOrder.put(part, ms / placed));
            cpuBefore = cpuAfter;
            Slice slice = new Slice(window.latencies().length / seconds, window.errors(),
                    OrdersBenchmark.percentile(window.latencies(), 50), OrdersBenchmark.percentile(window.latencies(), 99),
                    perOrder, measure(bookkeeping, heaps));
            results.add(slice);
            System.out.printf(Locale.ROOT, "slice %d of %d: %.1f orders/s, %d errors%s, placement p50 %.0f ms p99 %.0f ms,"
                    + " %.1f ms CPU/order; %s%n", i, slices, slice.ordersPerSecond(), slice.errors(), errorNote(window),
                    slice.p50(), slice.p99(), slice.stackCpuPerOrder(), describe(slice.measurement()));
        }
        load.stop();
        report(start, results, bookkeeping.periods());
    }

    private static Measurement measure(Bookkeeping bookkeeping, HeapAfterGc heaps) throws Exception {
        return new Measurement(bookkeeping.rows(), bookkeeping.databaseMegabytes(), bookkeeping.kafkaMegabytes(), heaps.read());
    }

    private static String describe(Measurement m) {
        return String.format(Locale.ROOT, "bookkeeping rows %,d (%,d past their period), databases %.0f MB, Kafka %.0f MB",
                m.rows().values().stream().mapToLong(row -> row[0]).sum(), m.pastDue(), m.databaseMb(), m.kafkaMb());
    }

    private static String errorNote(SoakLoad.Window window) {
        return window.firstError() == null ? "" : " (first: " + abbreviate(window.firstError()) + ")";
    }

    private static String abbreviate(String text) {
        return text.length() <= 160 ? text : text.substring(0, 160) + "...";
    }

    private static void report(Measurement start, List<Slice> slices, Map<String, String> periods) {
        System.out.println("\n== per slice");
        System.out.printf("%-6s %9s %7s %8s %8s %13s %9s %9s%n", "slice", "orders/s", "errors", "p50 ms", "p99 ms",
                "CPU ms/order", "DB MB", "Kafka MB");
        for (int i = 0; i < slices.size(); i++) {
            Slice s = slices.get(i);
            System.out.printf(Locale.ROOT, "%-6d %9.1f %7d %8.0f %8.0f %13.2f %9.0f %9.0f%n", i + 1, s.ordersPerSecond(),
                    s.errors(), s.p50(), s.p99(), s.stackCpuPerOrder(), s.measurement().databaseMb(), s.measurement().kafkaMb());
        }

        System.out.println("\n== CPU ms per order, per part");
        printColumns(slices.size(), false);
        slices.get(0).cpuPerOrder().keySet().forEach(part -> printRow(part, null,
                slices.stream().map(s -> s.cpuPerOrder().getOrDefault(part, 0.0)).toList(), "%10.2f"));

        System.out.println("\n== bookkeeping rows (kept: period + interval of the rounds; event_publication: unsent rows)");
        printColumns(slices.size(), true);
        start.rows().forEach((table, row) -> printRow(table + " [" + periods.get(table) + "]", (double) row[0],
                slices.stream().map(s -> (double) s.measurement().rows().get(table)[0]).toList(), "%,10.0f"));
        Measurement last = slices.get(slices.size() - 1).measurement();
        last.rows().forEach((table, row) -> {
            if (row[1] > 0) {
                System.out.printf(Locale.ROOT, "  %s: %,d rows past their period at the end%n", table, row[1]);
            }
        });

        System.out.println("\n== heap after a full GC, MB");
        printColumns(slices.size(), true);
        start.heaps().forEach((part, mb) -> printRow(part, mb,
                slices.stream().map(s -> s.measurement().heaps().getOrDefault(part, Double.NaN)).toList(), "%10.1f"));

        verdict(start, slices);
    }

    private static void verdict(Measurement start, List<Slice> slices) {
        Slice first = slices.get(0);
        Slice last = slices.get(slices.size() - 1);
        System.out.println("\n== verdict (targets: last slice at most 10 % above the first; bookkeeping bounded; no heap trend)");
        compare("CPU per order", first.stackCpuPerOrder(), last.stackCpuPerOrder(), "ms");
        compare("placement p99", first.p99(), last.p99(), "ms");
        long pastDue = last.measurement().pastDue();
        System.out.printf(Locale.ROOT, "bookkeeping:    %,d rows past their retention period at the end: %s%n", pastDue,
                pastDue == 0 ? "met" : "NOT MET");
        List<String> growing = new ArrayList<>();
        start.heaps().forEach((part, before) -> {
            Double after = last.measurement().heaps().get(part);
            if (after != null && after > before * (1 + HEAP_GROWTH) && after > before + HEAP_SLACK_MB) {
                growing.add(String.format(Locale.ROOT, "%s %.0f -> %.0f MB", part, before, after));
            }
        });
        System.out.println("heap after GC:  " + (growing.isEmpty()
                ? "no JVM grew by more than 10 % and 8 MB from the start to the last slice: met"
                : "grew: " + String.join(", ", growing) + ": NOT MET"));
        long errors = slices.stream().mapToLong(Slice::errors).sum();
        System.out.printf("errors:         %d%s%n", errors, errors == 0 ? "" : " (see the slices' first errors above)");
    }

    /** Met when the last slice is at most 10 % above the first (lower is better for both figures). */
    private static void compare(String what, double first, double last, String unit) {
        double change = (last - first) / first * 100;
        System.out.printf(Locale.ROOT, "%-15s first %.2f %s, last %.2f %s (%+.1f %%): %s%n", what + ":", first, unit, last,
                unit, change, change <= 10 ? "met" : "NOT MET");
    }

    private static void printColumns(int slices, boolean withStart) {
        StringBuilder header = new StringBuilder(String.format("%-52s", ""));
        if (withStart) {
            header.append(String.format("%10s", "start"));
        }
        for (int i = 1; i <= slices; i++) {
            header.append(String.format("%10s", "slice " + i));
        }
        System.out.println(header);
    }

    private static void printRow(String name, Double start, List<Double> values, String format) {
        StringBuilder row = new StringBuilder(String.format("%-52s", name));
        if (start != null) {
            row.append(String.format(Locale.ROOT, format, start));
        }
        values.forEach(value -> row.append(String.format(Locale.ROOT, format, value)));
        System.out.println(row);
    }
}
