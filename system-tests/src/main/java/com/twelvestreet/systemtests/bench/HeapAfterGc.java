package com.twelvestreet.systemtests.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Each JVM's live heap: a full collection asked for with {@code jcmd PID GC.run}, then the heap in use from
 * {@code GC.heap_info} (summed over the generations of whichever collector runs). What stays after a full
 * collection is what the JVM holds on to; a leak shows as a trend from one reading to the next.
 */
final class HeapAfterGc {

    private static final Pattern USED = Pattern.compile("total[^\\n]*?, used (\\d+)K");

    private final StackCpu stack;

    HeapAfterGc(StackCpu stack) {
        this.stack = stack;
    }

    /** MB per JVM part (parts that are no JVM, or that do not answer, are left out). */
    Map<String, Double> read() {
        Map<String, Double> heaps = new LinkedHashMap<>();
        stack.rootProcesses().forEach((part, pid) -> {
            Path java = javaOf(pid);
            if (java != null) {
                Path jcmd = java.resolveSibling("jcmd");
                if (jcmd(jcmd, pid, "GC.run") != null) {
                    String info = jcmd(jcmd, pid, "GC.heap_info");
                    if (info != null) {
                        Matcher used = USED.matcher(info);
                        long kilobytes = 0;
                        while (used.find()) {
                            kilobytes += Long.parseLong(used.group(1));
                        }
                        heaps.put(part, kilobytes / 1024.0);
                    }
                }
            }
        });
        return heaps;
    }

    private static Path javaOf(int pid) {
        try {
            Path executable = Files.readSymbolicLink(Path.of("/proc", Integer.toString(pid), "exe"));
            return executable.getFileName().toString().equals("java") ? executable : null;
        }
        catch (IOException | UnsupportedOperationException ex) {
            return null;
        }
    }

    private static String jcmd(Path jcmd, int pid, String command) {
        try {
            Process process = new ProcessBuilder(jcmd.toString(), Integer.toString(pid), command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                return null;
            }
            return output;
        }
        catch (IOException ex) {
            return null;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
