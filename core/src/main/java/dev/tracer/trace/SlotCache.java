package dev.tracer.trace;

import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * Values made from dense int ids (addresses, transactions) kept for the length of one trace:
 * direct addressing into an array sized to the id space, so a look-up is one array read with no
 * hashing or probing. The array lives in a {@link TraceScratch} reused from trace to trace;
 * {@link #reset()} clears only the slots the trace filled, so a trace costs O(values it made).
 * Not thread-safe.
 */
final class SlotCache {
    private final Object[] slots;
    private int[] filled = new int[256];
    private int size;

    SlotCache(int ids) {
        slots = new Object[ids];
    }

    int capacity() {
        return slots.length;
    }

    /** The value for {@code id}, made by {@code make} from {@code arg} when absent. */
    @SuppressWarnings("unchecked")
    <T> T get(int id, int arg, IntFunction<T> make) {
        Object v = slots[id];
        if (v == null) {
            v = make.apply(arg);
            slots[id] = v;
            if (size == filled.length) {
                filled = Arrays.copyOf(filled, 2 * size);
            }
            filled[size++] = id;
        }
        return (T) v;
    }

    /** Empties every filled slot. */
    void reset() {
        for (int i = 0; i < size; i++) {
            slots[filled[i]] = null;
        }
        size = 0;
    }
}
