package dev.tracer.source.rpc;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * A JSON-RPC "node" on 127.0.0.1 (the JDK's HTTP server) that plays a script of faults before it
 * answers: HTTP 429 or 500, malformed JSON, a truncated body, a slow answer, a JSON-RPC
 * rate-limit error, or refusing batches. Every request body is kept. Loopback only.
 */
final class FakeNode implements AutoCloseable {
    enum Fault { TOO_MANY, SERVER_ERROR, MALFORMED, TRUNCATED, SLOW, RPC_RATE_LIMIT }

    private final HttpServer server;
    private final Deque<Fault> script = new ArrayDeque<>();
    final List<String> bodies = new ArrayList<>();
    volatile boolean alwaysFail;
    volatile boolean refuseBatches;
    volatile long slowMillis = 1500;

    FakeNode() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    /** The URL, with {@code path} appended (e.g. an API key to redact). */
    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    synchronized FakeNode then(Fault... faults) {
        script.addAll(List.of(faults));
        return this;
    }

    private synchronized Fault next() {
        return script.pollFirst();
    }

    private void handle(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        synchronized (this) {
            bodies.add(body);
        }
        Fault f = alwaysFail ? Fault.SERVER_ERROR : next();
        if (f == null) {
            if (refuseBatches && body.startsWith("[")) {
                send(ex, 200, "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"batch requests are not supported\"}}");
            } else {
                send(ex, 200, answer(body));
            }
            return;
        }
        switch (f) {
            case TOO_MANY -> {
                ex.getResponseHeaders().add("Retry-After", "1");
                send(ex, 429, "slow down");
            }
            case SERVER_ERROR -> send(ex, 500, "internal error");
            case MALFORMED -> send(ex, 200, "{\"jsonrpc\":\"2.0\",\"id\":0,\"result\":[{\"a\":");
            case TRUNCATED -> {
                byte[] full = answer(body).getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(200, full.length + 100);
                try (OutputStream o = ex.getResponseBody()) {
                    o.write(full, 0, full.length / 2);
                    o.flush();
                } catch (IOException ignored) {
                    // the client may give up first
                }
                ex.close();
            }
            case SLOW -> {
                try {
                    Thread.sleep(slowMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                try {
                    send(ex, 200, answer(body));
                } catch (IOException ignored) {
                    // the client timed out and closed the connection
                }
            }
            case RPC_RATE_LIMIT -> send(ex, 200, body.startsWith("[")
                    ? "[{\"jsonrpc\":\"2.0\",\"id\":0,\"error\":{\"code\":-32005,\"message\":\"daily request limit exceeded\"}}]"
                    : "{\"jsonrpc\":\"2.0\",\"id\":0,\"error\":{\"code\":-32005,\"message\":\"daily request limit exceeded\"}}");
            default -> throw new IllegalStateException();
        }
    }

    /** Echoes each call: the result is "METHOD:PARAMS" as a JSON string. */
    private static String answer(String body) {
        try {
            var root = Json.parse(body);
            if (root.isArray()) {
                StringBuilder b = new StringBuilder("[");
                for (int i = root.size() - 1; i >= 0; i--) { // reversed: clients must match by id
                    b.append(one(root.get(i))).append(i > 0 ? "," : "");
                }
                return b.append(']').toString();
            }
            return one(root);
        } catch (IOException e) {
            return "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"parse error\"}}";
        }
    }

    private static String one(com.fasterxml.jackson.databind.JsonNode call) throws IOException {
        String result = call.get("method").asText() + ":" + call.get("params").toString();
        return "{\"jsonrpc\":\"2.0\",\"id\":" + call.get("id") + ",\"result\":" + Json.MAPPER.writeValueAsString(result) + "}";
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
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
