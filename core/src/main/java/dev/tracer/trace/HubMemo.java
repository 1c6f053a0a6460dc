package dev.tracer.trace;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tracer.graph.TransferGraph;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Summaries of high-degree addresses (hubs) that depend only on the graph, the tracer's policy
 * and classifier, and the direction: never on one trace's state. A trace that reaches a hub
 * needs some of them (its whole-history totals, its poisoning and contract calls, its receivers
 * in order of first payment, its clean balance history, its counterparties for the look-alike test); made once per {@link Tracer} the first
 * time a trace needs them, and shared by later traces, so a trace's cost through a hub is what it
 * reads from the summary, not the hub's degree.
 *
 * <p>A Caffeine cache keyed by (address, direction, kind), bounded by the summaries' estimated
 * bytes ({@link #DEFAULT_BYTES} unless a tracer is told otherwise): when the hubs a session
 * reaches need more, the least useful summaries are dropped (Caffeine's W-TinyLFU) and made again
 * if a later trace needs them, which changes no result. O(1) expected per look-up; a summary costs
 * O(degree) once while kept. Only hubs ({@link #isHub}: at least {@link #MIN_DEGREE} transfers unless a tracer is told otherwise) are kept.
 * Values are immutable or never modified after being made. Thread-safe; evictions run on the
 * calling thread.
 */
final class HubMemo {
    /** Addresses with fewer transfers than this are summarised per trace (cheap), not kept. */
    static final int MIN_DEGREE = 64;
    /**
     * Estimated bytes of summaries a tracer keeps by default: 512 MiB (the 100 six-hop traces of
     * one 10M bench repetition keep about 250 MB).
     */
    static final long DEFAULT_BYTES = 512L << 20;

    /** What is kept for an address. */
    enum Kind { TOTALS, POISONING, CALLS, FIRST_RECEIVERS, REPLAY, COUNTERPARTIES }

    /** A summary with its estimated size in bytes. */
    private record Entry(Object value, long bytes) {
    }

    private final Cache<Long, Entry> memo;
    private final int minDegree;

    HubMemo() {
        this(DEFAULT_BYTES);
    }

    /** @param maxBytes most estimated bytes of summaries kept */
    HubMemo(long maxBytes) {
        this(maxBytes, MIN_DEGREE);
    }

    /**
     * @param maxBytes  most estimated bytes of summaries kept
     * @param minDegree transfers (sent and received) from which an address is a hub
     */
    HubMemo(long maxBytes, int minDegree) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("memo bytes must be 0 or more, got " + maxBytes);
        }
        this.minDegree = minDegree;
        this.memo = Caffeine.newBuilder().maximumWeight(maxBytes)
                .weigher((Long k, Entry e) -> (int) Math.min(Integer.MAX_VALUE, e.bytes()))
                .executor(Runnable::run).build();
    }

    /** True when {@code a}'s summaries are kept here: it has at least the hub degree of transfers. */
    boolean isHub(TransferGraph g, int a) {
        return g.outDegree(a) + g.inDegree(a) >= minDegree;
    }

    /**
     * The summary {@code kind} of {@code address} in direction {@code forward}, made by
     * {@code make} when absent; {@code bytes} estimates its size for the bound.
     */
    @SuppressWarnings("unchecked")
    <T> T get(int address, boolean forward, Kind kind, Supplier<T> make, ToLongFunction<T> bytes) {
        long key = ((long) address << 8) | ((long) kind.ordinal() << 1) | (forward ? 1 : 0);
        Entry e = memo.getIfPresent(key);
        if (e == null) {
            // made outside the cache's lock: summaries of other hubs can be made meanwhile
            T v = make.get();
            e = memo.asMap().putIfAbsent(key, new Entry(v, 16 + bytes.applyAsLong(v)));
            return e == null ? v : (T) e.value();
        }
        return (T) e.value();
    }

    /** Estimated bytes of the summaries kept now (after pending evictions). */
    long bytes() {
        memo.cleanUp();
        return memo.policy().eviction().orElseThrow().weightedSize().orElse(0);
    }
}
