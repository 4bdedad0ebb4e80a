package com.twelvestreet.systemtests.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * CPU time of every process of the running stack, per part, from {@code /proc}: each part's process (its PID
 * from {@code ./shop}'s run folder) and all its descendants, and the PostgreSQL server with its backends
 * (found through its {@code postmaster.pid}). Per process it counts user + system time plus the time of children it has reaped,
 * so a process that ends during a measurement still counts in its parent. Linux only; elsewhere it says so.
 */
final class StackCpu {

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    private final Path runDir;
    private final Map<String, Integer> extraParts = new LinkedHashMap<>();

    StackCpu(Path shopHome) {
        this.runDir = shopHome.resolve("run");
    }

    /** Counts another process tree beside the stack's parts, e.g. a reference proxy the benchmark started. */
    void include(String name, long pid) {
        extraParts.put(name, (int) pid);
    }

    static StackCpu ofShop() {
        String home = System.getProperty("shop.home", System.getenv().getOrDefault("SHOP_HOME", ".shop"));
        return new StackCpu(Path.of(home));
    }

    boolean available() {
        return Files.isDirectory(Path.of("/proc/self")) && Files.isDirectory(runDir);
    }

    /** CPU milliseconds so far per part (postgres, redis, kafka, ..., gateway), in ./shop's order of its run files. */
    Map<String, Double> snapshot() {
        Map<Integer, Long> ticks = new HashMap<>();
        Map<String, List<Integer>> parts = processesByPart((pid, stat) ->
                // utime, stime, cutime, cstime: fields 14–17 of /proc/<pid>/stat
                ticks.put(pid, Long.parseLong(stat[11]) + Long.parseLong(stat[12]) + Long.parseLong(stat[13])
                        + Long.parseLong(stat[14])));
        Map<String, Double> cpu = new LinkedHashMap<>();
        parts.forEach((part, pids) ->
                cpu.put(part, pids.stream().mapToLong(pid -> ticks.getOrDefault(pid, 0L)).sum() * 1000 / TICKS_PER_SECOND));
        return cpu;
    }

    /**
     * Resident memory per part in MB, summed over the part's processes: {@code VmRSS}, the proportional set size
     * (PSS: pages shared with other processes counted by share, so PostgreSQL's buffers, which all its backends map,
     * count once) and the anonymous share of PSS (what no file backs: heap, thread stacks, malloc, written cache pages).
     */
    Map<String, double[]> residentMemory() {
        Map<String, double[]> memory = new LinkedHashMap<>();
        processesByPart((pid, stat) -> { }).forEach((part, pids) -> {
            double[] total = new double[3];
            for (int pid : pids) {
                try {
                    for (String line : Files.readAllLines(Path.of("/proc", Integer.toString(pid), "smaps_rollup"))) {
                        int field = line.startsWith("Rss:") ? 0 : line.startsWith("Pss:") ? 1 : line.startsWith("Pss_Anon:") ? 2 : -1;
                        if (field >= 0) {
                            total[field] += Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                        }
                    }
                }
                catch (IOException | RuntimeException ex) {
                    // a process ending right now: left out
                }
            }
            memory.put(part, total);
        });
        return memory;
    }

    /**
     * Every process of each part: its root processes and all their descendants, from one pass over {@code /proc},
     * which hands each process's {@code stat} fields (after the command name) to {@code eachProcess}.
     */
    private Map<String, List<Integer>> processesByPart(BiConsumer<Integer, String[]> eachProcess) {
        Map<Integer, List<Integer>> children = new HashMap<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes.filter(dir -> dir.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(dir -> {
                String[] stat = stat(dir);
                if (stat != null) {
                    int pid = Integer.parseInt(dir.getFileName().toString());
                    children.computeIfAbsent(Integer.parseInt(stat[1]), parent -> new ArrayList<>()).add(pid);
                    eachProcess.accept(pid, stat);
                }
            });
        }
        catch (IOException ex) {
            throw new IllegalStateException("Cannot read /proc", ex);
        }
        Map<String, List<Integer>> processes = new LinkedHashMap<>();
        parts().forEach((part, roots) -> {
            List<Integer> all = new ArrayList<>();
            List<Integer> pending = new ArrayList<>(roots);
            while (!pending.isEmpty()) {
                int pid = pending.remove(pending.size() - 1);
                all.add(pid);
                pending.addAll(children.getOrDefault(pid, List.of()));
            }
            processes.put(part, all);
        });
        return processes;
    }

    /** What each part used between two snapshots, in CPU milliseconds. */
    static Map<String, Double> delta(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> used = new LinkedHashMap<>();
        after.forEach((part, ms) -> used.put(part, ms - before.getOrDefault(part, ms)));
        return used;
    }

    /** A table of CPU per unit (an order, a request) for each part and summed over the stack. */
    static void print(Map<String, Double> used, long units, String unit) {
        double sum = used.values().stream().mapToDouble(Double::doubleValue).sum();
        System.out.printf(Locale.ROOT, "%-10s %12s %14s%n", "part", "CPU ms", "CPU ms/" + unit);
        used.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).forEach(part ->
                System.out.printf(Locale.ROOT, "%-10s %12.0f %14.3f%n", part.getKey(), part.getValue(), part.getValue() / units));
        System.out.printf(Locale.ROOT, "%-10s %12.0f %14.3f   (%d %ss; the load generator is not counted)%n", "stack",
                sum, sum / units, units, unit);
    }

    /** TRACING_SAMPLING_PROBABILITY as the gateway runs with it (the shared default is 1.0). */
    String tracingSampling() {
        return environment("gateway", "TRACING_SAMPLING_PROBABILITY").orElse("1.0 (the default)");
    }

    /** An environment variable as a part's process was started with it, if it was set. */
    Optional<String> environment(String part, String name) {
        Integer pid = rootProcesses().get(part);
        if (pid != null) {
            try {
                for (String variable : Files.readString(Path.of("/proc", pid.toString(), "environ")).split("\0")) {
                    if (variable.startsWith(name + "=")) {
                        return Optional.of(variable.substring(name.length() + 1));
                    }
                }
            }
            catch (IOException ex) {
                // the part stopped: as if not set
            }
        }
        return Optional.empty();
    }

    /** The process ./shop started for each part (for PostgreSQL, the JVM that runs it). */
    Map<String, Integer> rootProcesses() {
        Map<String, Integer> roots = new LinkedHashMap<>();
        parts().forEach((part, pids) -> roots.put(part, pids.get(0)));
        return roots;
    }

    /** Each part's root processes: the PID ./shop recorded, and for PostgreSQL also its daemonised server. */
    private Map<String, List<Integer>> parts() {
        Map<String, List<Integer>> pids = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(runDir)) {
            files.filter(file -> file.getFileName().toString().endsWith(".pid")).sorted().forEach(file -> {
                try {
                    pids.put(file.getFileName().toString().replace(".pid", ""),
                            new ArrayList<>(List.of(Integer.parseInt(Files.readString(file).strip()))));
                }
                catch (IOException | NumberFormatException ex) {
                    // a part stopping right now: left out of this snapshot
                }
            });
        }
        catch (IOException ex) {
            throw new IllegalStateException("Cannot read " + runDir, ex);
        }
        extraParts.forEach((name, pid) -> pids.put(name, new ArrayList<>(List.of(pid))));
        // pg_ctl daemonises the embedded PostgreSQL: its postmaster (and so every backend) is no child of the
        // part's JVM, so it is found through its own pid file
        Path postmaster = runDir.resolveSibling("data").resolve("postgres").resolve("postmaster.pid");
        try {
            if (Files.exists(postmaster) && pids.containsKey("postgres")) {
                pids.get("postgres").add(Integer.parseInt(Files.readAllLines(postmaster).get(0).strip()));
            }
        }
        catch (IOException | RuntimeException ex) {
            // PostgreSQL stopping right now: left out of this snapshot
        }
        return pids;
    }

    /** The fields of /proc/<pid>/stat after the command name (which may contain blanks), or null if gone. */
    private static String[] stat(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        }
        catch (IOException | RuntimeException ex) {
            return null;
        }
    }
}
