package dev.tracer.trace;

import java.util.function.IntFunction;

/**
 * Values made from sparse int ids (transfers) kept for the length of one trace, so
 * that each is materialised once however often the result mentions it: open addressing over int
 * keys, no boxing. Not thread-safe.
 */
final class IdCache<T> {
    private final IntFunction<T> make;
    private int[] keys = new int[64];
    private Object[] values = new Object[64];
    private int size;

    IdCache(IntFunction<T> make) {
        this.make = make;
    }

    @SuppressWarnings("unchecked")
    T get(int id) {
        int mask = keys.length - 1;
        int slot = mix(id) & mask;
        while (values[slot] != null) {
            if (keys[slot] == id) {
                return (T) values[slot];
            }
            slot = (slot + 1) & mask;
        }
        T v = make.apply(id);
        keys[slot] = id;
        values[slot] = v;
        if (++size * 2 > keys.length) {
            grow();
        }
        return v;
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
