package dev.tracer.source.http;

import dev.tracer.model.InvalidInputException;
import java.util.Objects;
import java.util.Optional;

/**
 * One request, relative to a transport's base URL: no host and no credentials, so it is also the
 * key under which a recording stores the response.
 *
 * @param method {@code GET} or {@code POST}
 * @param path   starts with {@code /}
 * @param body   the request body (JSON for JSON-RPC), if any
 */
public record HttpCall(String method, String path, Optional<String> body) {

    public HttpCall {
        Objects.requireNonNull(body, "body");
        if (!"GET".equals(method) && !"POST".equals(method)) {
            throw new IllegalArgumentException("method must be GET or POST, got " + method);
        }
        if (path == null || !path.startsWith("/") || path.chars().anyMatch(c -> c <= ' ')) {
            throw new InvalidInputException("bad request path '" + path + "'");
        }
    }

    public static HttpCall get(String path) {
        return new HttpCall("GET", path, Optional.empty());
    }

    public static HttpCall post(String path, String body) {
        return new HttpCall("POST", path, Optional.of(body));
    }

    /** The recording key: {@code GET /tx/…} or {@code POST / {json}}. */
    public String key() {
        return method + " " + path + body.map(b -> " " + b).orElse("");
    }

    @Override
    public String toString() {
        return key();
    }
}
