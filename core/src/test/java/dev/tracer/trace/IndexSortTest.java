package dev.tracer.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * {@link IndexSort} orders indexes as the JDK's stable object sort does with the same comparator:
 * by key, and equal keys in their original order. Keys are drawn from a small range so that most
 * lists have many ties (the endpoint sort's swapped-part-first order depends on stability); sizes
 * go past the insertion-sort cut-off and the already-ordered shortcut.
 */
class IndexSortTest {

    @Property(tries = 400)
    void sortsLikeTheStableObjectSort(@ForAll @Size(max = 300) List<@IntRange(min = 0, max = 12) Integer> keys,
                                      @ForAll boolean descending) {
        int n = keys.size();
        int[] key = keys.stream().mapToInt(Integer::intValue).toArray();
        int[] idx = new int[n];
        List<Integer> boxed = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            idx[i] = i;
            boxed.add(i);
        }
        Comparator<Integer> byKey = descending ? (x, y) -> Integer.compare(key[y], key[x]) : (x, y) -> Integer.compare(key[x], key[y]);
        boxed.sort(byKey);
        IndexSort.sort(idx, byKey::compare);
        assertThat(idx).containsExactly(boxed.stream().mapToInt(Integer::intValue).toArray());
    }

    @Property(tries = 100)
    void sortsAnyPermutationOfDistinctKeys(@ForAll @Size(max = 200) List<@IntRange(min = -1_000_000, max = 1_000_000) Integer> keys) {
        int[] key = keys.stream().mapToInt(Integer::intValue).toArray();
        int[] idx = new int[key.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        IndexSort.sort(idx, (x, y) -> Integer.compare(key[x], key[y]));
        for (int i = 1; i < idx.length; i++) {
            assertThat(key[idx[i - 1]] < key[idx[i]] || key[idx[i - 1]] == key[idx[i]] && idx[i - 1] < idx[i]).isTrue();
        }
        assertThat(java.util.Arrays.stream(idx).sorted().toArray()).containsExactly(java.util.stream.IntStream.range(0, idx.length).toArray());
    }
}
