package dev.tracer.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link HubMemo} keeps a summary until its bound is reached, and never more than the bound. */
class HubMemoTest {

    @Test
    void keepsSummariesAndMakesEachOnceWhileKept() {
        HubMemo memo = new HubMemo(1 << 20);
        AtomicInteger made = new AtomicInteger();
        for (int i = 0; i < 3; i++) {
            int[] v = memo.get(7, true, HubMemo.Kind.FIRST_RECEIVERS, () -> {
                made.incrementAndGet();
                return new int[] {1, 2, 3};
            }, x -> 100);
            assertThat(v).containsExactly(1, 2, 3);
        }
        assertThat(made).hasValue(1);
        // direction and kind are part of the key
        memo.get(7, false, HubMemo.Kind.FIRST_RECEIVERS, () -> new int[] {9}, x -> 100);
        memo.get(7, true, HubMemo.Kind.TOTALS, () -> new int[] {8}, x -> 100);
        assertThat(memo.<int[]>get(7, false, HubMemo.Kind.FIRST_RECEIVERS, () -> new int[0], x -> 100)).containsExactly(9);
        assertThat(memo.<int[]>get(7, true, HubMemo.Kind.TOTALS, () -> new int[0], x -> 100)).containsExactly(8);
        assertThat(memo.bytes()).isEqualTo(3 * 116);
    }

    @Test
    void staysWithinItsBound() {
        long bound = 10_000;
        HubMemo memo = new HubMemo(bound);
        for (int a = 0; a < 2_000; a++) {
            int size = 50 + a % 400;
            int[] v = memo.get(a, true, HubMemo.Kind.REPLAY, () -> new int[size], x -> 4L * x.length);
            assertThat(v).hasSize(size);
            assertThat(memo.bytes()).isLessThanOrEqualTo(bound);
        }
        assertThat(memo.bytes()).isPositive();
        HubMemo none = new HubMemo(0);
        assertThat(none.<int[]>get(1, true, HubMemo.Kind.CALLS, () -> new int[] {5}, x -> 4)).containsExactly(5);
        assertThat(none.bytes()).isZero();
        assertThatThrownBy(() -> new HubMemo(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
