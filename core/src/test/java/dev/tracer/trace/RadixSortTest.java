package dev.tracer.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * {@link RadixSort} gives what {@link Arrays#sort} gives, for arrays past the size where it
 * stops handing over to the JDK, with keys of the shapes a trace sorts: small ids (few digits
 * differ), packed {@code (key << 32) | index} pairs, the whole range with negatives, all equal,
 * already sorted; and on a sub-range, leaving the rest of the array alone.
 */
class RadixSortTest {
    private static final int SHAPES = 6;

    @Property(tries = 200)
    void intsSortAsTheJdkSortsThem(@ForAll @IntRange(min = 0, max = 3 * RadixSort.SMALL) int n,
                                   @ForAll @IntRange(min = 0, max = SHAPES - 1) int shape, @ForAll long seed) {
        Random r = new Random(seed);
        int[] a = new int[n + 20];
        for (int i = 0; i < a.length; i++) {
            a[i] = (int) value(r, shape, i);
        }
        int[] expected = a.clone();
        Arrays.sort(expected, 10, 10 + n);
        RadixSort.sort(a, 10, 10 + n);
        assertThat(a).containsExactly(expected);
    }

    @Property(tries = 200)
    void longsSortAsTheJdkSortsThem(@ForAll @IntRange(min = 0, max = 3 * RadixSort.SMALL) int n,
                                    @ForAll @IntRange(min = 0, max = SHAPES - 1) int shape, @ForAll long seed) {
        Random r = new Random(seed);
        long[] a = new long[n + 20];
        for (int i = 0; i < a.length; i++) {
            a[i] = value(r, shape, i);
        }
        long[] expected = a.clone();
        Arrays.sort(expected, 10, 10 + n);
        RadixSort.sort(a, 10, 10 + n);
        assertThat(a).containsExactly(expected);
    }

    @Test
    void largeArraysOfPackedPairsSortByKeyThenIndex() {
        Random r = new Random(7);
        int n = 200_000;
        long[] a = new long[n];
        for (int i = 0; i < n; i++) {
            a[i] = ((long) r.nextInt(10_000_000) << 32) | i; // (chain position, index), as the inflow sort makes them
        }
        long[] expected = a.clone();
        Arrays.sort(expected);
        RadixSort.sort(a);
        assertThat(a).isEqualTo(expected);
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = r.nextInt(1 << 24);
        }
        int[] sortedIds = ids.clone();
        Arrays.sort(sortedIds);
        RadixSort.sort(ids);
        assertThat(ids).isEqualTo(sortedIds);
    }

    private static long value(Random r, int shape, int i) {
        return switch (shape) {
            case 0 -> r.nextInt(1 << 24); // address ids and chain positions
            case 1 -> ((long) r.nextInt(1 << 24) << 32) | r.nextInt(1 << 17); // (key << 32) | index
            case 2 -> r.nextLong(); // the whole range, negatives included
            case 3 -> r.nextInt(); // the whole int range in a long
            case 4 -> 42; // all equal: every digit is skipped
            default -> i; // already sorted
        };
    }
}
