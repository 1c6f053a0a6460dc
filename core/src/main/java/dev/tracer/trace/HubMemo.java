package dev.tracer.trace;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Summaries of high-degree addresses (hubs) that depend only on the graph, the tracer's policy
 * and classifier, and the direction: never on one trace's state. A trace that reaches a hub
 * needs some of them (its whole-history totals, its poisoning and contract calls, its receivers
 * in order of first payment, its clean balance history); made once per {@link Tracer} the first
 * time a trace needs them, and shared by later traces, so a trace's cost through a hub is what it
 * reads from the summary, not the hub's degree.
 *
 * <p>Memoisation in a concurrent hash map keyed by (address, direction, kind): O(1) expected per
 * look-up; a summary costs O(degree) once (two threads racing may both make it; both make equal
 * values and one is kept). Only addresses of at least {@link #MIN_DEGREE} transfers are kept, so
 * the memory is O(transfers of hubs reached). Values are immutable or never modified after being
 * made. Thread-safe.
 */
final class HubMemo {
    /** Addresses with fewer transfers than this are summarised per trace (cheap), not kept. */
    static final int MIN_DEGREE = 64;

    /** What is kept for an address. */
    enum Kind { TOTALS, POISONING, CALLS, FIRST_RECEIVERS, REPLAY }

    private final ConcurrentHashMap<Long, Object> memo = new ConcurrentHashMap<>();

    /** The summary {@code kind} of {@code address} in direction {@code forward}, made by {@code make} when absent. */
    @SuppressWarnings("unchecked")
    <T> T get(int address, boolean forward, Kind kind, Supplier<T> make) {
        long key = ((long) address << 8) | ((long) kind.ordinal() << 1) | (forward ? 1 : 0);
        Object v = memo.get(key);
        if (v == null) {
            v = make.get();
            Object prev = memo.putIfAbsent(key, v);
            if (prev != null) {
                v = prev;
            }
        }
        return (T) v;
    }
}
