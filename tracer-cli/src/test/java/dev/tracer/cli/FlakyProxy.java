package dev.tracer.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP proxy on 127.0.0.1 in front of a node (loopback only) that answers every
 * {@code period}-th request with the next fault of a fixed cycle (HTTP 429, HTTP 500, malformed
 * JSON, a truncated body, a slow answer) and forwards the others; or, with {@code period} 1 and
 * only 500s, a node that stays down. Counts the faults it injected.
 */
final class FlakyProxy implements AutoCloseable {
    enum Fault { TOO_MANY, SERVER_ERROR, MALFORMED, TRUNCATED, SLOW }

    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final URI target;
    private final int period;
    private final List<Fault> cycle;
    private final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger faults = new AtomicInteger();

    FlakyProxy(String target, int period, List<Fault> cycle) throws IOException {
        this.target = URI.create(target);
        this.period = period;
        this.cycle = cycle;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        int n = requests.incrementAndGet();
        if (n % period == 0) {
            Fault f = cycle.get(faults.getAndIncrement() % cycle.size());
            switch (f) {
                case TOO_MANY -> send(ex, 429, "rate limited".getBytes(StandardCharsets.UTF_8));
                case SERVER_ERROR -> send(ex, 500, "bad gateway".getBytes(StandardCharsets.UTF_8));
                case MALFORMED -> send(ex, 200, "{\"jsonrpc\":\"2.0\",\"result\":[".getBytes(StandardCharsets.UTF_8));
                case TRUNCATED -> {
                    byte[] full = forward(body);
                    ex.sendResponseHeaders(200, full.length + 50);
                    try (OutputStream o = ex.getResponseBody()) {
                        o.write(full, 0, full.length / 2);
                    } catch (IOException ignored) {
                        // the client gave up
                    }
                }
                case SLOW -> {
                    try {
                        Thread.sleep(1500);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    try {
                        send(ex, 200, forward(body));
                    } catch (IOException ignored) {
                        // the client timed out
                    }
                }
                default -> throw new IllegalStateException();
            }
            return;
        }
        send(ex, 200, forward(body));
    }

    private byte[] forward(byte[] body) throws IOException {
        try {
            return client.send(HttpRequest.newBuilder(target).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static void send(HttpExchange ex, int status, byte[] b) throws IOException {
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream o = ex.getResponseBody()) {
            o.write(b);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
