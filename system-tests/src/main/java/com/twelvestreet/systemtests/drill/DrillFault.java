package com.twelvestreet.systemtests.drill;

import com.twelvestreet.systemtests.bench.Options;
import com.twelvestreet.systemtests.bench.ShopClient;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The faults the drills inject and heal on the running stack: parts stopped with {@code ./shop stop} or killed with
 * SIGKILL and started again with {@code ./shop start}, or a service's fault switch ({@code /actuator/faults}).
 */
record DrillFault(String name, String description, Step inject, Step heal) {

    static final List<String> CRASHABLE = List.of("products", "orders", "delivery", "mypage");

    /** The ports of the services a drill sets the fault switch of, on the service itself (not through the gateway). */
    private static final Map<String, Integer> PORTS = Map.of("products", 8081);

    /** One side of a fault: what it prints, what it does. */
    interface Step {
        void run(Shop shop, String admin) throws Exception;
    }

    /** The stack as {@code ./shop} runs it. */
    record Shop(Path root, Path home) {

        void run(String... arguments) throws IOException, InterruptedException {
            ProcessBuilder builder = new ProcessBuilder(prepend(root.resolve("shop").toString(), arguments))
                    .directory(root.toFile()).redirectErrorStream(true);
            builder.environment().put("SHOP_HOME", home.toString());
            Process process = builder.start();
            try (var output = process.inputReader()) {
                output.lines().forEach(line -> System.out.println("      " + line.strip()));
            }
            if (process.waitFor() != 0) {
                throw new IllegalStateException("./shop " + String.join(" ", arguments) + " failed");
            }
        }

        void kill(String part) throws Exception {
            long pid = Long.parseLong(Files.readString(home.resolve("run/" + part + ".pid")).strip());
            ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(part + " is not running"));
            process.destroyForcibly(); // SIGKILL
            process.onExit().get();
        }

        private static String[] prepend(String first, String[] rest) {
            String[] all = new String[rest.length + 1];
            all[0] = first;
            System.arraycopy(rest, 0, all, 1, rest.length);
            return all;
        }
    }

    static DrillFault named(String name) {
        if (name.startsWith("crash-") && CRASHABLE.contains(name.substring(6))) {
            String service = name.substring(6);
            return new DrillFault(name, service + " killed with SIGKILL, then started again",
                    (shop, admin) -> shop.kill(service), (shop, admin) -> shop.run("start", service));
        }
        return switch (name) {
            case "kafka-outage" -> stopped(name, "kafka", "the Kafka broker stopped, then started again");
            case "postgres-restart" -> stopped(name, "postgres", "PostgreSQL stopped, then started again");
            case "redis-outage" -> stopped(name, "redis", "Redis (the gateway's sessions and rate limits) stopped, then started again");
            case "slow-products" -> new DrillFault(name, "products answers every request 3 s late (its fault switch)",
                    (shop, admin) -> faultSwitch("products", admin, "{\"latencyMillis\": 3000}"),
                    (shop, admin) -> faultSwitch("products", admin, null));
            default -> throw new IllegalArgumentException("No drill " + name + ". Drills: " + String.join(", ", names()));
        };
    }

    static List<String> names() {
        return List.of("kafka-outage", "crash-products", "crash-orders", "crash-delivery", "crash-mypage",
                "postgres-restart", "slow-products", "redis-outage");
    }

    private static DrillFault stopped(String name, String part, String description) {
        return new DrillFault(name, description, (shop, admin) -> shop.run("stop", part),
                (shop, admin) -> shop.run("start", part));
    }

    /** Sets a service's fault switch ({@code null}: clears it), straight to the service with an ADMIN token. */
    private static void faultSwitch(String service, String admin, String fault) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORTS.get(service)
                + "/actuator/faults")).timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + admin);
        request = fault == null ? request.DELETE()
                : request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(fault));
        HttpResponse<String> answer = ShopClient.send(ShopClient.client(), request.build());
        if (answer == null || answer.statusCode() != 200) {
            throw new IllegalStateException(service + "'s fault switch answered " + (answer == null ? "nothing"
                    : answer.statusCode() + " " + answer.body()) + " (is FAULTS_ENABLED=false?)");
        }
        System.out.println("      " + service + " /actuator/faults: " + answer.body());
    }
}
