package dev.tracer.source.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Remembers successful responses for the calls {@code cacheable} accepts (immutable data such as
 * a confirmed transaction), at most {@code capacity} of them, least recently used out first.
 * Thread-safe; a call being fetched by two threads at once may be sent twice.
 */
public final class CachingTransport implements HttpTransport {
    private final HttpTransport inner;
    private final Predicate<HttpCall> cacheable;
    private final Map<String, HttpReply> cache;
    private long hits;

    public CachingTransport(HttpTransport inner, int capacity, Predicate<HttpCall> cacheable) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.cacheable = Objects.requireNonNull(cacheable, "cacheable");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, HttpReply> e) {
                return size() > capacity;
            }
        };
    }

    @Override
    public HttpReply send(HttpCall call) {
        boolean c = cacheable.test(call);
        if (c) {
            synchronized (cache) {
                HttpReply r = cache.get(call.key());
                if (r != null) {
                    hits++;
                    return r;
                }
            }
        }
        HttpReply r = inner.send(call);
        if (c && r.ok()) {
            synchronized (cache) {
                cache.put(call.key(), r);
            }
        }
        return r;
    }

    /** Calls answered from the cache so far. */
    public long hits() {
        synchronized (cache) {
            return hits;
        }
    }
}
