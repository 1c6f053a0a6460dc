package dev.tracer.source.http;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Passes calls through and remembers every final response (not the 429s and 5xx a
 * {@link PoliteTransport} below it retried away), so {@link #recording()} can be written and
 * later replayed with {@link ReplayTransport}. Thread-safe.
 */
public final class RecordingTransport implements HttpTransport {
    private final HttpTransport inner;
    private final String source;
    private final Map<String, HttpReply> exchanges = new TreeMap<>();

    public RecordingTransport(HttpTransport inner, String source) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.source = Objects.requireNonNull(source, "source");
    }

    @Override
    public HttpReply send(HttpCall call) {
        HttpReply r = inner.send(call);
        if (!r.transientFailure()) {
            synchronized (exchanges) {
                exchanges.put(call.key(), HttpReply.of(r.status(), r.body()));
            }
        }
        return r;
    }

    /** What was recorded so far. */
    public Recording recording() {
        synchronized (exchanges) {
            return new Recording(source, exchanges);
        }
    }
}
