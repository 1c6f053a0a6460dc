package dev.tracer.trace;

import java.util.Arrays;

/**
 * Sorts {@code int} and {@code long} arrays ascending by least-significant-digit radix sort,
 * for the large arrays of keys a trace sorts (chain positions, address ids, packed
 * {@code (key << 32) | index} pairs), whose values use few of their bits: a digit on which all
 * keys agree is skipped, so ids below 2^24 take two passes and a pair of such an id and an index
 * four, where the JDK's quicksort compares each key about log2(n) times at random.
 *
 * <p>Source: the LSD radix sort of Knuth, <i>The Art of Computer Programming</i>, vol. 3, §5.2.5
 * (distribution counting per digit, stable passes from the least significant digit), with
 * {@value #BITS}-bit digits; the sign bit is flipped while counting, so negative values sort
 * first, as {@link Arrays#sort(int[])} sorts them. O(p·(n + 2^{@value #BITS})) for p digits that
 * differ between keys, n extra ints or longs, and one count array per digit. Below
 * {@value #SMALL} keys it calls {@link Arrays#sort}, which is faster there. The {@code int} and
 * {@code long} versions are one algorithm written once per primitive type, as the JDK writes its
 * sorts: one version for both would widen or box every key. The graph's build sorts hash
 * prefixes, whose bits are all in use, with its own most-significant-digit step
 * ({@code dev.tracer.graph.IntSort}); digit skipping would gain nothing there.
 */
final class RadixSort {
    static final int BITS = 11;
    static final int SMALL = 4096;
    private static final int RADIX = 1 << BITS;
    private static final int MASK = RADIX - 1;

    private RadixSort() {
    }

    /** Sorts {@code a[from, to)} ascending. */
    static void sort(int[] a, int from, int to) {
        int n = to - from;
        if (n < SMALL) {
            Arrays.sort(a, from, to);
            return;
        }
        int and = -1;
        int or = 0;
        for (int i = from; i < to; i++) {
            and &= a[i];
            or |= a[i];
        }
        int differ = (and ^ or);
        int[] src = a;
        int srcFrom = from;
        int[] dst = new int[n];
        int dstFrom = 0;
        int[] count = new int[RADIX + 1];
        for (int shift = 0; shift < 32; shift += BITS) {
            if ((differ >>> shift & MASK) == 0) {
                continue; // every key has the same digit here: the pass would not move anything
            }
            Arrays.fill(count, 0);
            for (int i = srcFrom; i < srcFrom + n; i++) {
                count[digit(src[i], shift) + 1]++;
            }
            for (int d = 0; d < RADIX; d++) {
                count[d + 1] += count[d];
            }
            for (int i = srcFrom; i < srcFrom + n; i++) {
                int v = src[i];
                dst[dstFrom + count[digit(v, shift)]++] = v;
            }
            int[] t = src;
            src = dst;
            dst = t;
            int tf = srcFrom;
            srcFrom = dstFrom;
            dstFrom = tf;
        }
        if (src != a) {
            System.arraycopy(src, srcFrom, a, from, n);
        }
    }

    /** Sorts {@code a} ascending. */
    static void sort(int[] a) {
        sort(a, 0, a.length);
    }

    /** Sorts {@code a[from, to)} ascending. */
    static void sort(long[] a, int from, int to) {
        int n = to - from;
        if (n < SMALL) {
            Arrays.sort(a, from, to);
            return;
        }
        long and = -1;
        long or = 0;
        for (int i = from; i < to; i++) {
            and &= a[i];
            or |= a[i];
        }
        long differ = and ^ or;
        long[] src = a;
        int srcFrom = from;
        long[] dst = new long[n];
        int dstFrom = 0;
        int[] count = new int[RADIX + 1];
        for (int shift = 0; shift < 64; shift += BITS) {
            if ((differ >>> shift & MASK) == 0) {
                continue;
            }
            Arrays.fill(count, 0);
            for (int i = srcFrom; i < srcFrom + n; i++) {
                count[digit(src[i], shift) + 1]++;
            }
            for (int d = 0; d < RADIX; d++) {
                count[d + 1] += count[d];
            }
            for (int i = srcFrom; i < srcFrom + n; i++) {
                long v = src[i];
                dst[dstFrom + count[digit(v, shift)]++] = v;
            }
            long[] t = src;
            src = dst;
            dst = t;
            int tf = srcFrom;
            srcFrom = dstFrom;
            dstFrom = tf;
        }
        if (src != a) {
            System.arraycopy(src, srcFrom, a, from, n);
        }
    }

    /** Sorts {@code a} ascending. */
    static void sort(long[] a) {
        sort(a, 0, a.length);
    }

    /** The digit of {@code v} at {@code shift}, with the sign bit flipped (negative values first). */
    private static int digit(int v, int shift) {
        return (v ^ Integer.MIN_VALUE) >>> shift & MASK;
    }

    private static int digit(long v, int shift) {
        return (int) ((v ^ Long.MIN_VALUE) >>> shift) & MASK;
    }
}
