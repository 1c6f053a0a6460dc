package dev.tracer.trace;

import java.util.function.IntFunction;

/**
 * Values made from sparse int ids (transfers), kept across the traces that use one
 * {@link TraceScratch}, so that each is materialised once however often results mention it:
 * open addressing over int keys, no boxing. Like {@link SlotCache} the values depend only on the
 * graph, and at most {@code limit} are kept (all are dropped when a value would exceed it), so
 * the memory is O(limit). Not thread-safe.
 */
final class IdCache<T> {
    private static final int INITIAL = 64;
    private final int limit;
    private int[] keys = new int[INITIAL];
    private Object[] values = new Object[INITIAL];
    private int size;

    IdCache(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        this.limit = limit;
    }

    /** Values kept now. */
    int size() {
        return size;
    }

    /** The value for {@code id}, made by {@code make} when absent. */
    @SuppressWarnings("unchecked")
    T get(int id, IntFunction<T> make) {
        int mask = keys.length - 1;
        int slot = mix(id) & mask;
        while (values[slot] != null) {
            if (keys[slot] == id) {
                return (T) values[slot];
            }
            slot = (slot + 1) & mask;
        }
        T v = make.apply(id);
        if (size == limit) {
            clear();
            mask = keys.length - 1;
            slot = mix(id) & mask;
        }
        keys[slot] = id;
        values[slot] = v;
        if (++size * 2 > keys.length) {
            grow();
        }
        return v;
    }

    /** Drops every value. */
    void clear() {
        keys = new int[INITIAL];
        values = new Object[INITIAL];
        size = 0;
    }

    private static int mix(int id) {
        int h = id * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private void grow() {
        int[] k = keys;
        Object[] v = values;
        keys = new int[2 * k.length];
        values = new Object[2 * k.length];
        int mask = keys.length - 1;
        for (int i = 0; i < k.length; i++) {
            if (v[i] != null) {
                int slot = mix(k[i]) & mask;
                while (values[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = k[i];
                values[slot] = v[i];
            }
        }
    }
}
