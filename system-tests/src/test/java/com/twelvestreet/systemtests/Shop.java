package com.twelvestreet.systemtests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Drives the project's own {@code ./shop} script, so the system tests start, break and stop the
 * stack exactly as a developer does. Its state lives under the module's target folder.
 */
final class Shop {

    /**
     * The services the suite starts from an AOT cache: those it restarts. The others start once, and making a
     * cache (a training run each) costs more than it saves them: 272 s to a healthy stack with all eight
     * caches made, 177–219 s with these two (the others from their jars).
     */
    static final List<String> CACHED_SERVICES = List.of("products", "gateway");

    private final Path root = Path.of(System.getProperty("shop.root", "..")).toAbsolutePath().normalize();
    private final Path home = Path.of(System.getProperty("shop.home", "target/shop-it")).toAbsolutePath();

    Path root() {
        return root;
    }

    /** The state folder ./shop runs with (SHOP_HOME): data, logs, generated secrets. */
    Path home() {
        return home;
    }

    /** Throws away the data of earlier runs (under target/), so every test run starts from the demo data. */
    void wipeData() {
        Path data = home.resolve("data");
        if (Files.exists(data)) {
            try (Stream<Path> paths = Files.walk(data)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }

    void run(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(root.resolve("shop").toString());
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
                .redirectErrorStream(true);
        builder.environment().put("SHOP_HOME", home.toString());
        builder.environment().put("SHOP_TIMEOUT", "240");
        builder.environment().put("SHOP_STARTUP_CACHE", String.join(",", CACHED_SERVICES));
        // a hurried courier: deliveries move on in seconds, yet leave time to cancel before pick-up
        builder.environment().put("DELIVERY_PICKUP_DELAY", "12s");
        builder.environment().put("DELIVERY_TRANSIT_TIME", "3s");
        // every login of the suite comes from one address (loopback); the login budget itself is tested
        // in the gateway's own tests
        builder.environment().put("RATE_LIMIT_LOGIN_BURST", "200");
        try {
            Process process = builder.start();
            // echo through System.out: the test JVM's own stdout belongs to the test runner
            try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
                output.lines().forEach(line -> System.out.println("[shop] " + line));
            }
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("./shop " + String.join(" ", arguments) + " did not finish in 10 minutes");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("./shop " + String.join(" ", arguments) + " failed with exit code "
                        + process.exitValue() + "; logs in " + home.resolve("logs"));
            }
        }
        catch (IOException ex) {
            throw new IllegalStateException("Cannot run " + command, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
