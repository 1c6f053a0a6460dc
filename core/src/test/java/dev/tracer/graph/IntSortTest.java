package dev.tracer.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class IntSortTest {

    /** Keys with the top bit set (unsigned order differs from signed), shared top bits and exact ties. */
    @Provide
    Arbitrary<long[]> keys() {
        Arbitrary<Long> key = Arbitraries.oneOf(
                Arbitraries.longs(),                                          // anything, negative included
                Arbitraries.longs().between(0, 7).map(v -> v << 61),         // only the top bits differ
                Arbitraries.longs().between(0, 3),                            // only the low bits differ: one run
                Arbitraries.of(Long.MIN_VALUE, -1L, 0L, Long.MAX_VALUE));
        return key.array(long[].class).ofMinSize(0).ofMaxSize(300);
    }

    @Property(tries = 300)
    void byKeyIsTheUnsignedKeyOrderWithTiesByTheComparator(@ForAll("keys") long[] keys) {
        // the comparator agrees with the keys and breaks ties by descending id (not the input order)
        IntSort.IdComparator order = (x, y) -> {
            int c = Long.compareUnsigned(keys[x], keys[y]);
            return c != 0 ? c : Integer.compare(y, x);
        };
        int[] got = IntSort.byKey(keys.length, id -> keys[id], order);
        Integer[] want = IntStream.range(0, keys.length).boxed().toArray(Integer[]::new);
        Arrays.sort(want, (Comparator<Integer>) order::compare);
        assertThat(got).containsExactly(Arrays.stream(want).mapToInt(Integer::intValue).toArray());
    }

    @Property(tries = 300)
    void packedByKeySortsASubsetOfIdsAndKeepsEachKeysTopBits(@ForAll("keys") long[] keys, @ForAll long seed) {
        IntSort.IdComparator order = (x, y) -> {
            int c = Long.compareUnsigned(keys[x], keys[y]);
            return c != 0 ? c : Integer.compare(y, x);
        };
        Random rnd = new Random(seed);
        int[] ids = IntStream.range(0, keys.length).filter(i -> rnd.nextBoolean()).toArray();
        int bits = IntSort.idBits(keys.length);
        long[] got = IntSort.packedByKey(ids, bits, id -> keys[id], order);
        Integer[] want = Arrays.stream(ids).boxed().toArray(Integer[]::new);
        Arrays.sort(want, (Comparator<Integer>) order::compare);
        assertThat(Arrays.stream(got).mapToInt(k -> (int) (k & ((1L << bits) - 1))).toArray())
                .containsExactly(Arrays.stream(want).mapToInt(Integer::intValue).toArray());
        for (int i = 0; i < got.length; i++) {
            assertThat(got[i] >>> bits).isEqualTo(keys[want[i]] >>> (bits + 1));
        }
    }

    @Property(tries = 20)
    void sortNonNegativeSortsLargeArraysAsArraysSortDoes(@ForAll @IntRange(min = 0, max = 3) int spread,
                                                        @ForAll long seed) {
        Random rnd = new Random(seed);
        int n = IntSort.RADIX_FROM + rnd.nextInt(3 * IntSort.RADIX_FROM);
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            long v = rnd.nextLong() >>> 1;
            keys[i] = switch (spread) {
                case 0 -> v;                                 // spread like hashes
                case 1 -> v >>> 40;                          // all in the first bucket
                case 2 -> Long.MAX_VALUE - (v >>> 50);       // all in the last bucket
                default -> rnd.nextInt(3) == 0 ? v : 42L;   // many equal keys
            };
        }
        long[] want = keys.clone();
        Arrays.sort(want);
        assertThat(IntSort.sortNonNegative(keys.clone())).containsExactly(want);
    }

    @Property(tries = 100)
    void sortIsStable(@ForAll("keys") long[] keys) {
        int[] ids = IntStream.range(0, keys.length).toArray();
        IntSort.sort(ids, (x, y) -> Long.compare(keys[x] & 3, keys[y] & 3));
        List<Integer> want = IntStream.range(0, keys.length).boxed()
                .sorted(Comparator.comparingLong(i -> keys[i] & 3)).toList(); // List.sort is stable
        assertThat(ids).containsExactly(want.stream().mapToInt(Integer::intValue).toArray());
    }
}
