package com.twelvestreet.systemtests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Drives {@code system-tests/compose-live}: the project's docker-compose.yml in a Docker engine of the test's own,
 * and that engine's {@code docker} client for what the test inspects.
 */
final class ComposeLive {

    private final Path root = Path.of(System.getProperty("shop.root", "..")).toAbsolutePath().normalize();
    private final Path home = root.resolve("system-tests/target/compose-live");

    Path root() {
        return root;
    }

    /** Why this machine cannot run it (the script's own checks), or null when it can. */
    static String missingPrerequisite() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return "a Docker engine of the test's own needs root (dockerd)";
        }
        for (String tool : List.of("dockerd", "docker", "docker-compose", "debootstrap")) {
            // dockerd and debootstrap live in /usr/sbin, which a non-login PATH may lack
            if (!ServiceModules.commandExists(tool) && !Files.isExecutable(Path.of("/usr/sbin", tool))) {
                return tool + " is not installed (Debian: apt-get install docker.io docker-compose debootstrap)";
            }
        }
        return null;
    }

    /** Runs {@code compose-live ARGS}, its output echoed into the build's; fails on a non-zero exit. */
    void run(String... arguments) {
        List<String> command = new ArrayList<>(List.of(root.resolve("system-tests/compose-live").toString()));
        command.addAll(List.of(arguments));
        String output = execute(command, true);
        if (output == null) {
            throw new IllegalStateException("compose-live " + String.join(" ", arguments) + " failed; engine log in "
                    + home.resolve("engine/dockerd.log"));
        }
    }

    /** The engine's {@code docker ARGS} output, trimmed; fails on a non-zero exit. */
    String docker(String... arguments) {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(arguments));
        String output = execute(command, false);
        if (output == null) {
            throw new IllegalStateException("docker " + String.join(" ", arguments) + " failed");
        }
        return output.trim();
    }

    /** The project's containers, by compose service name. */
    String container(String service) {
        return docker("ps", "-aq", "--filter", "label=com.docker.compose.project=twelvestreet-live",
                "--filter", "label=com.docker.compose.service=" + service);
    }

    String inspect(String container, String template) {
        return docker("inspect", "-f", template, container);
    }

    private String execute(List<String> command, boolean echo) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().put("DOCKER_HOST", "unix://" + home.resolve("engine/docker.sock"));
        try {
            Process process = builder.start();
            StringBuilder output = new StringBuilder();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
                lines.lines().forEach(line -> {
                    output.append(line).append('\n');
                    if (echo) {
                        System.out.println("[compose-live] " + line);
                    }
                });
            }
            if (!process.waitFor(15, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return null;
            }
            if (process.exitValue() != 0 && !echo) {
                System.out.println("[docker] " + output);
            }
            return process.exitValue() == 0 ? output.toString() : null;
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
