package com.twelvestreet.systemtests.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * How long {@code ./shop up} takes, and what it costs: {@code ./shop down}, then {@code ./shop up} a number of
 * times; the first run after removing the services' start-up caches (as after a build: the caches are made), the
 * others warm. Per part it prints the time to healthy, the CPU-seconds its process used until the whole shop was
 * healthy, and its resident memory after it settled; with {@code --orders}, the memory again after the orders
 * benchmark at 16 connections. The shop stays up at the end.
 * <p>
 * Run: {@code system-tests/benchmark-startup [--runs 3] [--settle 20] [--keep-caches] [--orders]}.
 */
public final class StartupBenchmark {

    private static final List<String> SERVICES =
            List.of("discovery", "oauth", "products", "orders", "delivery", "mypage", "ui", "gateway");

    private final Path root;
    private final Path home;

    private StartupBenchmark(Path root, Path home) {
        this.root = root;
        this.home = home;
    }

    public static void main(String[] args) throws Exception {
        int runs = Options.integer(args, "--runs", 3);
        int settle = Options.integer(args, "--settle", 20);
        boolean keepCaches = List.of(args).contains("--keep-caches");
        boolean orders = List.of(args).contains("--orders");
        StartupBenchmark benchmark = new StartupBenchmark(Path.of(System.getProperty("shop.root", ".")),
                Path.of(System.getProperty("shop.home", ".shop")));
        StackCpu stack = new StackCpu(benchmark.home);

        List<Run> results = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            boolean first = i == 1 && !keepCaches;
            benchmark.shop("down");
            if (first) {
                benchmark.removeStartupCaches();
            }
            System.out.printf("%n== run %d of %d: ./shop up%s%n", i, runs, first ? ", start-up caches removed (the first start after a build)" : "");
            Run run = benchmark.up(stack, first);
            System.out.printf(Locale.ROOT, "   settling %d s before reading memory...%n", settle);
            Thread.sleep(settle * 1000L);
            run.memory.putAll(stack.residentMemory());
            run.print();
            results.add(run);
        }
        List<Run> warm = results.stream().filter(run -> !run.first).toList();
        if (!warm.isEmpty()) {
            System.out.printf("%n== warm starts: median of %d%n", warm.size());
            Run.median(warm).print();
        }
        if (orders) {
            System.out.println("\n== memory after system-tests/benchmark-orders --connections 16 --warmup 15 --duration 30");
            benchmark.run(List.of(benchmark.root.resolve("system-tests/benchmark-orders").toString(), "--connections", "16",
                    "--warmup", "15", "--duration", "30"));
            printMemory(stack.residentMemory());
        }
        System.out.println("\nThe shop is still up ('./shop down' stops it).");
    }

    /** {@code ./shop up}, echoing its lines; then each part's time to healthy, CPU since its start and so on. */
    private Run up(StackCpu stack, boolean first) throws IOException, InterruptedException {
        double shopCpuBefore = ownChildrenCpuSeconds();
        long started = System.nanoTime();
        shop("up");
        Run run = new Run(first, (System.nanoTime() - started) / 1e9);
        // training runs and jar extraction are the ./shop script's children: reaped, so counted in its CPU
        run.cachesCpuSeconds = ownChildrenCpuSeconds() - shopCpuBefore;
        stack.snapshot().forEach((part, ms) -> run.cpuSeconds.put(part, ms / 1000));
        for (String part : run.cpuSeconds.keySet()) {
            Path file = home.resolve("run").resolve(part + ".startup-ms");
            if (Files.exists(file)) {
                run.healthySeconds.put(part, Long.parseLong(Files.readString(file).strip()) / 1000.0);
            }
        }
        return run;
    }

    private void removeStartupCaches() throws IOException {
        for (String service : SERVICES) {
            Path cache = root.resolve(service).resolve("target/startup-cache");
            if (Files.exists(cache)) {
                try (Stream<Path> paths = Files.walk(cache)) {
                    for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
        }
    }

    private void shop(String command) throws IOException, InterruptedException {
        run(List.of(root.resolve("shop").toString(), command));
    }

    private void run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().put("SHOP_HOME", home.toAbsolutePath().toString());
        Process process = builder.start();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
            output.lines().forEach(line -> System.out.println("   " + line));
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed with exit code " + process.exitValue());
        }
    }

    /** User + system CPU of this JVM's reaped children (fields 16 and 17 of /proc/self/stat). */
    private static double ownChildrenCpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / 100.0;
    }

    static void printMemory(Map<String, double[]> memory) {
        double[] stack = new double[3];
        System.out.printf("%-10s %8s %8s %8s%n", "part", "RSS MB", "PSS MB", "anon MB");
        for (Map.Entry<String, double[]> part : memory.entrySet()) {
            System.out.println(memoryColumns(part.getKey(), part.getValue()));
            Arrays.setAll(stack, i -> stack[i] + part.getValue()[i]);
        }
        System.out.println(memoryColumns("stack", stack));
    }

    private static String memoryColumns(String part, double[] memory) {
        return String.format(Locale.ROOT, "%-10s %8.0f %8.0f %8.0f", part, memory[0], memory[1], memory[2]);
    }

    /** One start: seconds to healthy and CPU-seconds per part, memory after settling. */
    private static final class Run {

        final boolean first;
        final double totalSeconds;
        double cachesCpuSeconds;
        final Map<String, Double> healthySeconds = new LinkedHashMap<>();
        final Map<String, Double> cpuSeconds = new LinkedHashMap<>();
        final Map<String, double[]> memory = new LinkedHashMap<>();

        Run(boolean first, double totalSeconds) {
            this.first = first;
            this.totalSeconds = totalSeconds;
        }

        void print() {
            System.out.printf("%-10s %10s %11s %8s %8s %8s%n", "part", "healthy s", "start CPU s", "RSS MB", "PSS MB", "anon MB");
            double cpu = cachesCpuSeconds;
            double[] stack = new double[3];
            for (String part : cpuSeconds.keySet()) {
                double[] resident = memory.getOrDefault(part, new double[3]);
                System.out.printf(Locale.ROOT, "%-10s %10.1f %11.1f %s%n", part, healthySeconds.getOrDefault(part, Double.NaN),
                        cpuSeconds.get(part), memoryColumns("", resident).substring(10));
                cpu += cpuSeconds.get(part);
                Arrays.setAll(stack, i -> stack[i] + resident[i]);
            }
            System.out.printf(Locale.ROOT, "%-10s %10.1f %11.1f %s   (./shop's own CPU, with the cache training: %.1f s)%n",
                    "stack", totalSeconds, cpu, memoryColumns("", stack).substring(10), cachesCpuSeconds);
        }

        static Run median(List<Run> runs) {
            Run median = new Run(false, middle(runs.stream().map(run -> run.totalSeconds).toList()));
            median.cachesCpuSeconds = middle(runs.stream().map(run -> run.cachesCpuSeconds).toList());
            for (String part : runs.get(0).cpuSeconds.keySet()) {
                median.cpuSeconds.put(part, middle(runs.stream().map(run -> run.cpuSeconds.getOrDefault(part, 0.0)).toList()));
                median.healthySeconds.put(part,
                        middle(runs.stream().map(run -> run.healthySeconds.getOrDefault(part, Double.NaN)).toList()));
                double[] memory = new double[3];
                Arrays.setAll(memory, i -> middle(runs.stream().map(run -> run.memory.getOrDefault(part, new double[3])[i]).toList()));
                median.memory.put(part, memory);
            }
            return median;
        }

        private static double middle(List<Double> values) {
            List<Double> sorted = values.stream().sorted().toList();
            int middle = sorted.size() / 2;
            return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
        }
    }
}
