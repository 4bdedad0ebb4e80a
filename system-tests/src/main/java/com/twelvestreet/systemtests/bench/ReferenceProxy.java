package com.twelvestreet.systemtests.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A plain reverse proxy as the practical limit of a proxy hop: Debian's nginx, started on loopback with a
 * configuration of its own (keep-alive to the upstream, no logging), stopped again when the benchmark ends.
 * Absent nginx, the benchmark says so and measures without it.
 */
final class ReferenceProxy implements AutoCloseable {

    private final Path dir;
    private final Process process;
    final int port;

    private ReferenceProxy(Path dir, Process process, int port) {
        this.dir = dir;
        this.process = process;
        this.port = port;
    }

    static Optional<Path> nginx() {
        return Stream.of("/usr/sbin/nginx", "/usr/bin/nginx", "/usr/local/sbin/nginx").map(Path::of)
                .filter(Files::isExecutable).findFirst();
    }

    /** nginx on 127.0.0.1:{@code port} in front of 127.0.0.1:{@code upstreamPort}, one worker per core. */
    static ReferenceProxy start(Path nginx, int port, int upstreamPort) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("bench-nginx");
        Files.writeString(dir.resolve("nginx.conf"), """
                daemon off;
                worker_processes auto;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 1024; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    upstream service { server 127.0.0.1:%3$d; keepalive 64; }
                    server {
                        listen 127.0.0.1:%2$d;
                        location / {
                            proxy_pass http://service;
                            proxy_http_version 1.1;
                            proxy_set_header Connection "";
                            proxy_set_header Host $host;
                        }
                    }
                }
                """.formatted(dir, port, upstreamPort));
        Process process = new ProcessBuilder(nginx.toString(), "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
        ReferenceProxy proxy = new ReferenceProxy(dir, process, port);
        for (int i = 0; i < 50 && !Files.exists(dir.resolve("nginx.pid")); i++) {
            if (!process.isAlive()) {
                throw new IOException("nginx did not start: " + Files.readString(dir.resolve("nginx.out")));
            }
            Thread.sleep(100);
        }
        return proxy;
    }

    /** The nginx master and its workers, for {@link StackCpu}-style accounting. */
    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    @Override
    public String toString() {
        return "nginx on 127.0.0.1:" + port + " (configuration in " + dir + ")";
    }
}
