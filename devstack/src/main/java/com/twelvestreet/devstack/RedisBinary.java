package com.twelvestreet.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * The local run's Redis: the real {@code redis-server} binary that the embedded-redis artifact ships,
 * copied out of the jar so {@code ./shop} runs it as a process of its own (a few MB, no JVM around it).
 * <p>
 * Usage: {@code RedisBinary <target-file>}; prints the file it wrote.
 */
public final class RedisBinary {

    private RedisBinary() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: RedisBinary <target-file>");
            System.exit(2);
        }
        Path target = Path.of(args[0]).toAbsolutePath();
        String resource = resourceFor(System.getProperty("os.name"), System.getProperty("os.arch"));
        try (InputStream binary = RedisBinary.class.getClassLoader().getResourceAsStream(resource)) {
            if (binary == null) {
                throw new IOException("No " + resource + " on the classpath (embedded-redis)");
            }
            Files.createDirectories(target.getParent());
            Path partial = target.resolveSibling(target.getFileName() + ".partial");
            Files.copy(binary, partial, StandardCopyOption.REPLACE_EXISTING);
            if (!partial.toFile().setExecutable(true, true)) {
                throw new IOException("Cannot make " + partial + " executable");
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        System.out.println(target);
    }

    static String resourceFor(String os, String arch) {
        String system = os.toLowerCase(Locale.ROOT);
        boolean arm = arch.equals("aarch64") || arch.equals("arm64");
        if (system.contains("linux")) {
            return arm ? "redis-server-6.2.7-linux-arm64" : "redis-server-6.2.6-v5-linux-amd64";
        }
        if (system.contains("mac") || system.contains("darwin")) {
            return arm ? "redis-server-6.2.6-v5-darwin-arm64" : "redis-server-6.2.6-v5-darwin-amd64";
        }
        throw new IllegalStateException("No Redis binary for " + os + " " + arch + " in embedded-redis");
    }
}
