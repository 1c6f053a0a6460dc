package dev.tracer.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.PriorityQueue;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** {@link RadixHeap} pops what an exact min-heap pops, for any monotone sequence of pushes and pops. */
class RadixHeapTest {

    /**
     * Steps: a negative value pops (when not empty); a non-negative one pushes the last popped
     * key plus it, so pushes never go below the last pop; the large offsets reach the high buckets.
     */
    @Property(tries = 500)
    void popsLikeAPriorityQueue(@ForAll @Size(max = 600) List<@LongRange(min = -3, max = Long.MAX_VALUE / 4) Long> steps,
                                @ForAll @LongRange(min = 0, max = 1L << 40) long small) {
        RadixHeap r = new RadixHeap();
        PriorityQueue<Long> q = new PriorityQueue<>();
        long last = 0;
        for (long s : steps) {
            if (s < 0) {
                if (!q.isEmpty()) {
                    long want = q.poll();
                    assertThat(r.pop()).isEqualTo(want);
                    last = want;
                }
                continue;
            }
            // mostly near keys (as in a trace), sometimes far ones
            long v = last + (s % 7 == 0 ? s : s % (small + 1));
            r.push(v);
            q.add(v);
            assertThat(r.isEmpty()).isFalse();
        }
        while (!q.isEmpty()) {
            assertThat(r.pop()).isEqualTo(q.poll());
        }
        assertThat(r.isEmpty()).isTrue();
    }

    @Property(tries = 1)
    void refusesAKeyBelowTheLastPopAndAPopWhenEmpty() {
        RadixHeap r = new RadixHeap();
        r.push(10);
        r.push(12);
        assertThat(r.pop()).isEqualTo(10);
        assertThatThrownBy(() -> r.push(9)).isInstanceOf(IllegalStateException.class).hasMessageContaining("below");
        r.push(10);
        assertThat(r.pop()).isEqualTo(10);
        assertThat(r.pop()).isEqualTo(12);
        assertThatThrownBy(r::pop).isInstanceOf(IllegalStateException.class).hasMessageContaining("empty");
    }
}
