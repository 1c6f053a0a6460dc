package dev.tracer.trace;

import java.util.Arrays;
import java.util.Objects;

/**
 * One value per non-negative {@code int} id, kept once made: an open-addressing table with linear
 * probing (Knuth, <i>The Art of Computer Programming</i> vol. 3, 6.4, Algorithm L) over an
 * {@code int} key array, grown to keep it at most half full. A look-up reads the key array and
 * one slot of the value array, where a {@code ConcurrentHashMap<Integer, T>} reads a bin, its
 * node and the boxed key, three scattered objects: {@link ResultValues} makes up to a million
 * addresses and hashes for one large report, and its maps were a quarter of the time of writing
 * it.
 *
 * <p>O(1) expected per call, O(n) growth amortised; memory 8 bytes (compressed references) per
 * slot, about 16 to 32 per id kept. Thread-safe: every method holds this object's lock (uncontended
 * in the usual single reader). Ids are hashed with a multiplicative (Fibonacci) hash, so dense or
 * strided ids spread; a pathological key set can still cluster, which costs time, never a wrong value.
 */
final class IdMemo<T> {
    private static final int EMPTY = -1;
    private int[] keys;
    private Object[] values;
    private int size;
    private int shift;

    IdMemo() {
        keys = new int[16];
        Arrays.fill(keys, EMPTY);
        values = new Object[16];
        shift = 32 - 4;
    }

    /** The value kept for {@code id}, or null when none is. */
    @SuppressWarnings("unchecked")
    synchronized T get(int id) {
        int i = find(id);
        return keys[i] == id ? (T) values[i] : null;
    }

    /**
     * The value kept for {@code id}: the one kept before, or else {@code v}, which is kept from
     * now on. Like {@code ConcurrentHashMap.putIfAbsent} but returning the kept value, never null.
     */
    @SuppressWarnings("unchecked")
    synchronized T keep(int id, T v) {
        if (id < 0) {
            throw new IllegalArgumentException("ids are 0 or more, got " + id);
        }
        Objects.requireNonNull(v, "value");
        int i = find(id);
        if (keys[i] == id) {
            return (T) values[i];
        }
        keys[i] = id;
        values[i] = v;
        if (++size > keys.length >>> 1) {
            grow();
        }
        return v;
    }

    /** How many ids have a value. */
    synchronized int size() {
        return size;
    }

    /** The slot of {@code id}, or of the empty slot where it would go. */
    private int find(int id) {
        int mask = keys.length - 1;
        int i = (id * 0x9E3779B9) >>> shift;
        while (keys[i] != id && keys[i] != EMPTY) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void grow() {
        int[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new int[oldKeys.length << 1];
        Arrays.fill(keys, EMPTY);
        values = new Object[keys.length];
        shift--;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != EMPTY) {
                int i = find(oldKeys[j]);
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
            }
        }
    }
}
