package dev.tracer.graph;

/**
 * Stable sort of an int array (ids) by a comparator over primitive columns, with no boxing: a
 * natural merge sort that first finds the ascending runs already present, so input that comes in
 * a few sorted runs (files each in chain order, as ethereum-etl writes them) sorts in a few linear
 * passes, and any input in O(n log n). Ties keep their input order.
 */
final class IntSort {
    /** Compares two ids. */
    @FunctionalInterface
    interface IdComparator {
        int compare(int a, int b);
    }

    private IntSort() {
    }

    /** Sorts {@code ids} in place, stably. */
    static void sort(int[] ids, IdComparator c) {
        int n = ids.length;
        if (n < 2) {
            return;
        }
        // run starts: maximal non-descending runs, short ones extended by insertion sort to MIN_RUN
        final int minRun = 32;
        int[] starts = new int[n / 2 + 2];
        int runs = 0;
        int i = 0;
        while (i < n) {
            int start = i;
            i++;
            while (i < n && c.compare(ids[i - 1], ids[i]) <= 0) {
                i++;
            }
            if (i - start < minRun && i < n) {
                int end = Math.min(n, start + minRun);
                insert(ids, start, i, end, c);
                i = end;
            }
            if (runs == starts.length) {
                starts = java.util.Arrays.copyOf(starts, 2 * runs);
            }
            starts[runs++] = start;
        }
        if (runs == 1) {
            return;
        }
        int[] buf = new int[n];
        int[] src = ids;
        int[] dst = buf;
        while (runs > 1) {
            int out = 0;
            for (int r = 0; r < runs; r += 2) {
                int lo = starts[r];
                int mid = r + 1 < runs ? starts[r + 1] : n;
                int hi = r + 2 < runs ? starts[r + 2] : n;
                int a = lo;
                int b = mid;
                int k = lo;
                while (a < mid && b < hi) {
                    dst[k++] = c.compare(src[b], src[a]) < 0 ? src[b++] : src[a++];
                }
                while (a < mid) {
                    dst[k++] = src[a++];
                }
                while (b < hi) {
                    dst[k++] = src[b++];
                }
                starts[out++] = lo;
            }
            runs = out;
            int[] t = src;
            src = dst;
            dst = t;
        }
        if (src != ids) {
            System.arraycopy(src, 0, ids, 0, n);
        }
    }

    /** An id's sort key. */
    @FunctionalInterface
    interface IdKey {
        long key(int id);
    }

    /**
     * The ids {@code 0..n-1} in the order of {@code order}, a total order that agrees with the
     * unsigned order of {@code key} (a smaller key sorts first; equal keys are left to
     * {@code order}). A primitive sort of longs that hold the key's top bits above the id does
     * almost all the work, with no comparator calls; runs of ids whose top bits tie are then
     * put in order by {@code order}, by insertion. With near-uniform keys (hashes, addresses)
     * those runs are rare and short: O(n log n) primitive work, O(n) comparator calls expected.
     * The primitive sort is {@link #sortNonNegative}.
     */
    static int[] byKey(int n, IdKey key, IdComparator order) {
        int bits = idBits(n);
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i;
        }
        long[] keys = packedByKey(ids, bits, key, order);
        long idMask = (1L << bits) - 1;
        for (int i = 0; i < n; i++) {
            ids[i] = (int) (keys[i] & idMask);
        }
        return ids;
    }

    /** The bits {@link #packedByKey} needs below a key for an id below {@code n}. */
    static int idBits(int n) {
        return 32 - Integer.numberOfLeadingZeros(Math.max(1, n - 1));
    }

    /**
     * {@code ids} (each below {@code 1 << idBits}) in the order of {@code order}, which must agree
     * with the unsigned order of {@code key}, as {@link #byKey} sorts them, returned packed: each
     * element holds the id in its low {@code idBits} bits and the top {@code 63 - idBits} bits of
     * the id's key above them. Two ids whose packed elements differ above the low bits have
     * different keys, which lets a caller that groups equal keys skip comparing most neighbours.
     */
    static long[] packedByKey(int[] ids, int idBits, IdKey key, IdComparator order) {
        int n = ids.length;
        long idMask = (1L << idBits) - 1;
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            int id = ids[i];
            keys[i] = ((key.key(id) >>> (idBits + 1)) << idBits) | id; // top bit clear: signed order is unsigned order
        }
        keys = sortNonNegative(keys);
        int i = 0;
        while (i < n) {
            int j = i + 1;
            while (j < n && keys[j] >>> idBits == keys[i] >>> idBits) {
                j++;
            }
            // a run whose top bits tie, put in order by insertion (the top bits are equal, so whole elements move)
            for (int k = i + 1; k < j; k++) {
                long v = keys[k];
                int m = k - 1;
                while (m >= i && order.compare((int) (keys[m] & idMask), (int) (v & idMask)) > 0) {
                    keys[m + 1] = keys[m];
                    m--;
                }
                keys[m + 1] = v;
            }
            i = j;
        }
        return keys;
    }

    /**
     * {@code keys} (all non-negative) in ascending order, in {@code keys} or a new array. A
     * large array is first distributed by its top bits (one counting pass and one scatter, an
     * MSD radix step), then each bucket, small enough for the cache, is sorted by
     * {@link java.util.Arrays#sort(long[], int, int)}: for keys spread like hashes about half
     * the time of one quicksort over the whole array, and correct for any spread (a crowded
     * bucket only sorts slower). O(n log n).
     */
    static long[] sortNonNegative(long[] keys) {
        int n = keys.length;
        if (n < RADIX_FROM) {
            java.util.Arrays.sort(keys);
            return keys;
        }
        int bits = Math.min(16, 31 - Integer.numberOfLeadingZeros(n) - 6); // about 64 or more keys a bucket
        int shift = 63 - bits;
        int[] start = new int[(1 << bits) + 1];
        for (long k : keys) {
            start[(int) (k >>> shift) + 1]++;
        }
        for (int b = 0; b < 1 << bits; b++) {
            start[b + 1] += start[b];
        }
        int[] next = java.util.Arrays.copyOf(start, 1 << bits);
        long[] out = new long[n];
        for (long k : keys) {
            out[next[(int) (k >>> shift)]++] = k;
        }
        for (int b = 0; b < 1 << bits; b++) {
            java.util.Arrays.sort(out, start[b], start[b + 1]);
        }
        return out;
    }

    /** Arrays below this size are sorted in one piece. */
    static final int RADIX_FROM = 1 << 15;

    /** Insertion sort: {@code ids[from, sorted)} is in order; inserts {@code ids[sorted, to)} into it, stably. */
    private static void insert(int[] ids, int from, int sorted, int to, IdComparator c) {
        for (int k = sorted; k < to; k++) {
            int v = ids[k];
            int j = k - 1;
            while (j >= from && c.compare(ids[j], v) > 0) {
                ids[j + 1] = ids[j];
                j--;
            }
            ids[j + 1] = v;
        }
    }
}
