package dev.tracer.source.rpc;

/**
 * The answer to one call: the {@code result} as JSON text, or a JSON-RPC error (code and
 * message; {@code result} is then null).
 */
public record RpcReply(String result, long errorCode, String errorMessage) {

    public static RpcReply ok(String resultJson) {
        return new RpcReply(resultJson == null ? "null" : resultJson, 0, null);
    }

    public static RpcReply error(long code, String message) {
        return new RpcReply(null, code, message == null ? "" : message);
    }

    public boolean isError() {
        return result == null;
    }

    /**
     * True for errors that mean "slow down" rather than "no": code -32005 (limit exceeded, EIP-1474),
     * 429, or a message about rate limits or too many requests.
     */
    public boolean isRateLimit() {
        if (!isError()) {
            return false;
        }
        String m = errorMessage.toLowerCase(java.util.Locale.ROOT);
        return errorCode == 429 || m.contains("rate limit") || m.contains("too many requests")
                || m.contains("request limit") || (errorCode == -32005 && !m.contains("result"));
    }

    /** True when the node does not offer the method (-32601, or a message saying so). */
    public boolean isMethodMissing() {
        if (!isError()) {
            return false;
        }
        String m = errorMessage.toLowerCase(java.util.Locale.ROOT);
        return errorCode == -32601 || m.contains("method not found") || m.contains("not supported")
                || m.contains("does not exist") || m.contains("not available") || m.contains("unsupported");
    }
}
