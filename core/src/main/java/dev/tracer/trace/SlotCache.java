package dev.tracer.trace;

import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * Values made from dense int ids (addresses, transactions), kept across the traces that use one
 * {@link TraceScratch}: direct addressing into an array sized to the id space, so a look-up is one
 * array read with no hashing or probing. The values depend only on the graph (they are immutable
 * and equal whichever trace made them), so the traces of one {@link Tracer} share them: a
 * session's traces through the same hubs and exchanges make each address text once.
 *
 * <p>At most {@code limit} values are kept: when a value would exceed it, every slot is emptied
 * first (O(values kept)), so the memory is O(limit) values plus the slot array, whatever the
 * number of traces. Values already handed out stay valid. Not thread-safe.
 */
final class SlotCache {
    private final Object[] slots;
    private final int limit;
    private int[] filled = new int[256];
    private int size;

    SlotCache(int ids, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        slots = new Object[ids];
        this.limit = limit;
    }

    int capacity() {
        return slots.length;
    }

    /** Values kept now. */
    int size() {
        return size;
    }

    /** The value for {@code id}, made by {@code make} from {@code arg} when absent. */
    @SuppressWarnings("unchecked")
    <T> T get(int id, int arg, IntFunction<T> make) {
        Object v = slots[id];
        if (v == null) {
            v = make.apply(arg);
            if (size == limit) {
                clear();
            }
            slots[id] = v;
            if (size == filled.length) {
                filled = Arrays.copyOf(filled, Math.min(2 * size, limit));
            }
            filled[size++] = id;
        }
        return (T) v;
    }

    /** Empties every filled slot. */
    void clear() {
        for (int i = 0; i < size; i++) {
            slots[filled[i]] = null;
        }
        size = 0;
    }
}
