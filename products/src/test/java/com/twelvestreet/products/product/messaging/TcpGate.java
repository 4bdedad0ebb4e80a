package com.twelvestreet.products.product.messaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

import com.twelvestreet.platform.test.TestPorts;

/**
 * A loopback TCP port that forwards to a real server once opened. Before that nothing listens, so
 * clients pointed at it see exactly what they see when their server is down.
 */
final class TcpGate implements AutoCloseable {

    private final int port;
    private final String targetHost;
    private final int targetPort;
    private ServerSocket server;

    TcpGate(String targetHost, int targetPort) {
        this.port = TestPorts.free();
        this.targetHost = targetHost;
        this.targetPort = targetPort;
    }

    int port() {
        return port;
    }

    synchronized void open() throws IOException {
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress("127.0.0.1", port));
        Thread acceptor = new Thread(this::accept, "tcp-gate-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket target = new Socket(targetHost, targetPort);
                pump(client, target);
                pump(target, client);
            }
            catch (IOException ex) {
                return; // closed
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        Thread pump = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            }
            catch (IOException ignored) {
                // one side closed: the other follows
            }
            finally {
                try {
                    to.close();
                    from.close();
                }
                catch (IOException ignored) {
                    // already closed
                }
            }
        });
        pump.setDaemon(true);
        pump.start();
    }

    @Override
    public synchronized void close() throws IOException {
        if (server != null) {
            server.close();
        }
    }
}
