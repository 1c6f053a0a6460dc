package dev.tracer.source.rpc;

import java.util.Objects;
import java.util.Optional;

/**
 * One JSON-RPC call: a method and its parameters as canonical JSON text (a JSON array, object
 * keys sorted; see {@link #of}). {@code cacheKey}, when present, says the answer never changes
 * and may be cached under that key (the caller scopes it, e.g. by chain id).
 */
public record RpcCall(String method, String params, Optional<String> cacheKey) {

    public RpcCall {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(cacheKey, "cacheKey");
        if (method.isBlank()) {
            throw new IllegalArgumentException("empty JSON-RPC method");
        }
    }

    /** A call whose params (any JSON array text) are put in canonical form. */
    public static RpcCall of(String method, String paramsJson, Optional<String> cacheKey) {
        return new RpcCall(method, Json.canonical(paramsJson), cacheKey);
    }

    /** The request as text: method and canonical params (the key of recordings). */
    public String request() {
        return method + " " + params;
    }

    /** The request shortened to one readable line for error messages. */
    public String shortRequest() {
        String r = request();
        return r.length() <= 240 ? r : r.substring(0, 237) + "...";
    }
}
