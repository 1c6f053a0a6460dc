package dev.tracer.source.bitcoin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracer.source.SourceException;
import dev.tracer.source.http.HttpCall;
import dev.tracer.source.http.HttpReply;
import dev.tracer.source.http.HttpTransport;
import java.util.Objects;

/**
 * Bitcoin Core JSON-RPC over an {@link HttpTransport}. Request bodies are deterministic (fixed id,
 * no whitespace) so that a recording keyed by request replays exactly.
 */
final class CoreRpcClient {
    /** Bitcoin Core's RPC_INVALID_ADDRESS_OR_KEY: "No such mempool or blockchain transaction", unknown block. */
    static final int NOT_FOUND = -5;

    private final HttpTransport http;
    private final String description;

    CoreRpcClient(HttpTransport http, String description) {
        this.http = Objects.requireNonNull(http, "http");
        this.description = Objects.requireNonNull(description, "description");
    }

    /** An error the node returned for one call. */
    static final class RpcError extends SourceException {
        private static final long serialVersionUID = 1L;
        final int code;

        RpcError(String message, int code) {
            super(message, null);
            this.code = code;
        }
    }

    JsonNode call(String method, Object... params) {
        ObjectNode req = Json.MAPPER.createObjectNode();
        req.put("jsonrpc", "1.0");
        req.put("id", "tracer");
        req.put("method", method);
        ArrayNode ps = req.putArray("params");
        for (Object p : params) {
            if (p instanceof Integer i) {
                ps.add(i);
            } else if (p instanceof Long l) {
                ps.add(l);
            } else if (p instanceof Boolean b) {
                ps.add(b);
            } else {
                ps.add(p.toString());
            }
        }
        String what = description + " " + method + ps;
        HttpReply r = http.send(HttpCall.post("/", req.toString()));
        if (r.status() == 401 || r.status() == 403) {
            throw new SourceException.Unavailable(description + " refused the credentials (HTTP " + r.status()
                    + "): give user:password in the URL or --rpc-cookie", null);
        }
        JsonNode body;
        try {
            body = Json.parse(what, r.body());
        } catch (dev.tracer.model.InvalidInputException e) {
            throw new SourceException.Unavailable(what + ": HTTP " + r.status() + ", not a JSON-RPC response", e);
        }
        JsonNode err = body.get("error");
        if (err != null && !err.isNull()) {
            throw new RpcError(what + ": error " + err.path("code").asInt() + " " + err.path("message").asText(),
                    err.path("code").asInt());
        }
        if (!r.ok() || !body.has("result")) {
            throw new SourceException.Unavailable(what + ": HTTP " + r.status(), null);
        }
        return body.get("result");
    }
}
