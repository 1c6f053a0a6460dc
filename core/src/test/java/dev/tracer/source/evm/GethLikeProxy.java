package dev.tracer.source.evm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.HashMap;
import java.util.Map;

/**
 * A proxy on 127.0.0.1 in front of a node that behaves like a restricted node: like geth, every
 * {@code trace_*} call is answered "method does not exist" (-32601); like a provider with a log
 * limit, {@code eth_getLogs} over more than {@code maxLogBlocks} blocks is refused (-32005, "query
 * returned more than 10000 results"). Everything else is forwarded. Loopback only.
 */
final class GethLikeProxy implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final URI target;
    private final boolean refuseTraces;
    private final long maxLogBlocks;
    volatile int refusedLogQueries;

    GethLikeProxy(String target) throws IOException {
        this(target, true, Long.MAX_VALUE);
    }

    GethLikeProxy(String target, boolean refuseTraces, long maxLogBlocks) throws IOException {
        this.target = URI.create(target);
        this.refuseTraces = refuseTraces;
        this.maxLogBlocks = maxLogBlocks;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        JsonNode root = JSON.readTree(ex.getRequestBody());
        ArrayNode calls = root.isArray() ? (ArrayNode) root : JSON.createArrayNode().add(root);
        ArrayNode pass = JSON.createArrayNode();
        Map<String, JsonNode> refused = new HashMap<>();
        for (JsonNode c : calls) {
            String method = c.get("method").asText();
            if (refuseTraces && method.startsWith("trace_")) {
                ObjectNode e = JSON.createObjectNode().put("jsonrpc", "2.0");
                e.set("id", c.get("id"));
                e.putObject("error").put("code", -32601).put("message", "the method " + method
                        + " does not exist/is not available");
                refused.put(c.get("id").toString(), e);
            } else if (method.equals("eth_getLogs") && blocks(c.get("params").get(0)) > maxLogBlocks) {
                refusedLogQueries++;
                ObjectNode e = JSON.createObjectNode().put("jsonrpc", "2.0");
                e.set("id", c.get("id"));
                e.putObject("error").put("code", -32005).put("message", "query returned more than 10000 results");
                refused.put(c.get("id").toString(), e);
            } else {
                pass.add(c);
            }
        }
        Map<String, JsonNode> answered = new HashMap<>(refused);
        if (!pass.isEmpty()) {
            try {
                String body = client.send(HttpRequest.newBuilder(target).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(pass))).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                for (JsonNode r : JSON.readTree(body)) {
                    answered.put(r.get("id").toString(), r);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
        ArrayNode out = JSON.createArrayNode();
        calls.forEach(c -> out.add(answered.get(c.get("id").toString())));
        byte[] b = JSON.writeValueAsBytes(root.isArray() ? out : out.get(0));
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(200, b.length);
        try (OutputStream o = ex.getResponseBody()) {
            o.write(b);
        }
    }

    private static long blocks(JsonNode filter) {
        return Long.decode(filter.get("toBlock").asText()) - Long.decode(filter.get("fromBlock").asText()) + 1;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
