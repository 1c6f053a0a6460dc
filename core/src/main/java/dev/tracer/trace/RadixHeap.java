package dev.tracer.trace;

import java.util.Arrays;

/**
 * A min-priority queue of non-negative longs for monotone use: every pushed key is at least the
 * last key popped. A trace's reach pass is such a merge (it takes transfers in chain order and
 * only ever pushes later ones), so it uses this instead of a binary heap.
 *
 * <p>A radix heap: bucket 0 holds keys equal to the last popped key, bucket {@code i} (1–64) the
 * keys whose highest bit differing from it is bit {@code i - 1}. A push appends to its bucket,
 * O(1); a pop with bucket 0 empty takes the first non-empty bucket, makes its minimum the last
 * key and redistributes it into lower buckets. A key only moves down, so a pop is O(log C)
 * amortised for keys below C, with sequential array work instead of a binary heap's scattered
 * sift over O(log n) levels.
 *
 * <p>Source: R. K. Ahuja, K. Mehlhorn, J. B. Orlin, R. E. Tarjan, "Faster algorithms for the
 * shortest path problem", JACM 37(2), 1990. Pops return the same keys in the same order as any
 * exact min-heap. A push below the last popped key is a bug in the caller and throws. Not
 * thread-safe. Public only so that the benchmark's chain-order baseline
 * ({@code dev.tracer.bench.ChainOrderWalk}) settles arrivals with the same structure as the tracer.
 */
public final class RadixHeap {
    private final long[][] buckets = new long[65][];
    private final int[] sizes = new int[65];
    private long last;
    private int size;

    public void push(long v) {
        if (v < last) {
            throw new IllegalStateException("radix heap key " + v + " is below the last popped key " + last);
        }
        int b = bucket(v);
        long[] a = buckets[b];
        if (a == null) {
            a = buckets[b] = new long[16];
        } else if (sizes[b] == a.length) {
            a = buckets[b] = Arrays.copyOf(a, 2 * a.length);
        }
        a[sizes[b]++] = v;
        size++;
    }

    /** Removes and returns the least key. */
    public long pop() {
        if (size == 0) {
            throw new IllegalStateException("pop from an empty radix heap");
        }
        if (sizes[0] == 0) {
            int i = 1;
            while (sizes[i] == 0) {
                i++;
            }
            long[] a = buckets[i];
            int n = sizes[i];
            long min = a[0];
            for (int k = 1; k < n; k++) {
                min = Math.min(min, a[k]);
            }
            last = min;
            sizes[i] = 0;
            for (int k = 0; k < n; k++) {
                long v = a[k];
                int b = bucket(v);
                long[] into = buckets[b];
                if (into == null) {
                    into = buckets[b] = new long[Math.max(16, n)];
                } else if (sizes[b] == into.length) {
                    into = buckets[b] = Arrays.copyOf(into, 2 * into.length);
                }
                into[sizes[b]++] = v;
            }
        }
        sizes[0]--;
        size--;
        return last;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    private int bucket(long v) {
        return v == last ? 0 : 64 - Long.numberOfLeadingZeros(v ^ last);
    }
}
