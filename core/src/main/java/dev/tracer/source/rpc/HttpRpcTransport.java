package dev.tracer.source.rpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracer.source.SourceException;
import dev.tracer.source.http.Backoff;
import dev.tracer.source.http.BoundedExchange;
import dev.tracer.source.http.RateLimiter;
import dev.tracer.source.http.Sleeper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends calls to a node over HTTP POST (JSON-RPC 2.0), politely: calls go in batches of up to
 * {@code batchSize} (one HTTP request; if the node answers a batch with a single error object,
 * batching is switched off and calls go one by one), each call takes a permit from the
 * {@link RateLimiter}, and HTTP 429, 5xx, timeouts, I/O errors, malformed or truncated bodies and
 * JSON-RPC rate-limit errors are retried with {@link Backoff} up to {@code maxAttempts}. A node that
 * stays unavailable is a {@link SourceException.Unavailable} (or {@link SourceException.RateLimited}
 * when it kept refusing for rate); other HTTP statuses (401, 403, 404) fail at once. Every message
 * shows the URL redacted.
 */
final class HttpRpcTransport implements RpcTransport {
    private static final Logger LOG = LoggerFactory.getLogger(HttpRpcTransport.class);

    private final Endpoint endpoint;
    private final HttpClient client;
    private final Duration timeout;
    private final int batchSize;
    private final int maxAttempts;
    private final RateLimiter limiter;
    private final Backoff backoff;
    private final Sleeper sleeper;
    private final Counters counters;
    private final AtomicBoolean batching = new AtomicBoolean(true);

    HttpRpcTransport(Endpoint endpoint, Duration timeout, int batchSize, int maxAttempts, RateLimiter limiter,
                     Backoff backoff, Sleeper sleeper, Counters counters) {
        this.endpoint = endpoint;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
        this.timeout = timeout;
        this.batchSize = batchSize;
        this.maxAttempts = maxAttempts;
        this.limiter = limiter;
        this.backoff = backoff;
        this.sleeper = sleeper;
        this.counters = counters;
    }

    /** A failure worth retrying. */
    private static final class Retryable extends Exception {
        private static final long serialVersionUID = 1L;
        final boolean rateLimited;
        final Optional<Duration> retryAfter;

        Retryable(String message, boolean rateLimited, Optional<Duration> retryAfter, Throwable cause) {
            super(message, cause);
            this.rateLimited = rateLimited;
            this.retryAfter = retryAfter;
        }

        Retryable(String message, boolean rateLimited, Throwable cause) {
            this(message, rateLimited, Optional.empty(), cause);
        }
    }

    @Override
    public List<RpcReply> send(List<RpcCall> calls) {
        RpcReply[] out = new RpcReply[calls.size()];
        int size = Math.max(1, batchSize);
        for (int from = 0; from < calls.size(); from += size) {
            List<Integer> chunk = new ArrayList<>();
            for (int i = from; i < Math.min(calls.size(), from + size); i++) {
                chunk.add(i);
            }
            sendWithRetries(calls, chunk, out);
        }
        return List.of(out);
    }

    private void sendWithRetries(List<RpcCall> calls, List<Integer> chunk, RpcReply[] out) {
        List<Integer> pending = chunk;
        int attempt = 1;
        while (true) {
            Retryable problem;
            try {
                Map<Integer, RpcReply> replies = post(calls, pending);
                List<Integer> again = new ArrayList<>();
                RpcReply limited = null;
                for (int i : pending) {
                    RpcReply r = replies.get(i);
                    if (r != null && r.isRateLimit()) {
                        again.add(i);
                        limited = r;
                    } else if (r == null) {
                        again.add(i);
                    } else {
                        out[i] = r;
                    }
                }
                if (again.isEmpty()) {
                    return;
                }
                pending = again;
                problem = limited != null
                        ? new Retryable("JSON-RPC error " + limited.errorCode() + " " + limited.errorMessage(), true, null)
                        : new Retryable("reply missing for " + again.size() + " call(s) of a batch", false, null);
            } catch (Retryable r) {
                problem = r;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SourceException.Unavailable("interrupted while calling " + endpoint.redacted(), e);
            }
            if (attempt >= maxAttempts) {
                String msg = "node " + endpoint.redacted() + " unavailable after " + attempt + " attempts: "
                        + endpoint.scrub(problem.getMessage()) + " (" + calls.get(pending.get(0)).method() + ")";
                throw problem.rateLimited ? new SourceException.RateLimited(msg, problem)
                        : new SourceException.Unavailable(msg, problem);
            }
            Duration delay = backoff.delay(attempt, problem.retryAfter);
            LOG.info("{}: {}; retry {} of {} in {} ms", endpoint.redacted(), endpoint.scrub(problem.getMessage()),
                    attempt, maxAttempts - 1, delay.toMillis());
            counters.retries.incrementAndGet();
            try {
                sleeper.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SourceException.Unavailable("interrupted while waiting to retry " + endpoint.redacted(), e);
            }
            attempt++;
        }
    }

    /** One HTTP exchange for {@code idx} (a batch, or a single call when batching is off or n = 1). */
    private Map<Integer, RpcReply> post(List<RpcCall> calls, List<Integer> idx) throws Retryable, InterruptedException {
        if (idx.size() > 1 && !batching.get()) {
            Map<Integer, RpcReply> all = new HashMap<>();
            for (int i : idx) {
                all.putAll(post(calls, List.of(i)));
            }
            return all;
        }
        boolean batch = idx.size() > 1;
        StringBuilder body = new StringBuilder();
        if (batch) {
            body.append('[');
        }
        for (int k = 0; k < idx.size(); k++) {
            RpcCall c = calls.get(idx.get(k));
            if (k > 0) {
                body.append(',');
            }
            body.append("{\"jsonrpc\":\"2.0\",\"id\":").append(idx.get(k)).append(",\"method\":")
                    .append(quote(c.method())).append(",\"params\":").append(c.params()).append('}');
        }
        if (batch) {
            body.append(']');
        }
        limiter.acquire(idx.size());
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        HttpRequest req = HttpRequest.newBuilder(endpoint.uri()).timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        counters.httpRequests.incrementAndGet();
        counters.nodeRequests.addAndGet(idx.size());
        counters.bytesSent.addAndGet(bytes.length);
        HttpResponse<byte[]> resp;
        try {
            resp = BoundedExchange.send(client, req, timeout);
        } catch (HttpTimeoutException e) {
            throw new Retryable(e.getMessage(), false, e);
        } catch (IOException e) {
            throw new Retryable("I/O error: " + SourceException.describe(e, "node"), false, e);
        } catch (RuntimeException e) {
            throw new SourceException.Unavailable("node " + endpoint.redacted() + ": " + endpoint.scrub(String.valueOf(e)), e);
        }
        counters.bytesReceived.addAndGet(resp.body().length);
        int status = resp.statusCode();
        if (status == 429) {
            throw new Retryable("HTTP 429 Too Many Requests", true, Backoff.retryAfter(resp), null);
        }
        if (status >= 500) {
            throw new Retryable("HTTP " + status, false, Backoff.retryAfter(resp), null);
        }
        if (status != 200) {
            throw new SourceException.Unavailable("node " + endpoint.redacted() + " answered HTTP " + status
                    + (status == 401 || status == 403 ? " (check the API key)" : ""), null);
        }
        JsonNode root;
        try {
            root = Json.parse(new String(resp.body(), StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new Retryable("malformed JSON in the response (" + resp.body().length + " bytes)", false, e);
        }
        if (root == null || root.isMissingNode()) {
            throw new Retryable("empty response body", false, null);
        }
        Map<Integer, RpcReply> replies = new HashMap<>();
        if (root.isArray()) {
            for (JsonNode n : (ArrayNode) root) {
                if (n.isObject() && n.has("id") && n.get("id").canConvertToInt()) {
                    replies.put(n.get("id").asInt(), reply((ObjectNode) n));
                }
            }
            return replies;
        }
        if (!root.isObject()) {
            throw new Retryable("response is neither a JSON object nor an array", false, null);
        }
        if (batch) {
            RpcReply r = reply((ObjectNode) root);
            if (r.isRateLimit()) {
                throw new Retryable("JSON-RPC error " + r.errorCode() + " " + r.errorMessage(), true, null);
            }
            if (batching.compareAndSet(true, false)) {
                LOG.info("{} does not take batch requests ({}); sending calls one by one", endpoint.redacted(),
                        r.isError() ? r.errorMessage() : "single object for a batch");
            }
            return post(calls, idx);
        }
        replies.put(idx.get(0), reply((ObjectNode) root));
        return replies;
    }

    private static RpcReply reply(ObjectNode n) throws Retryable {
        JsonNode err = n.get("error");
        if (err != null && !err.isNull()) {
            return RpcReply.error(err.path("code").asLong(0), err.path("message").asText(err.toString()));
        }
        if (!n.has("result")) {
            throw new Retryable("JSON-RPC response without result or error", false, null);
        }
        return RpcReply.ok(n.get("result").toString());
    }

    private static String quote(String s) {
        try {
            return Json.MAPPER.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
