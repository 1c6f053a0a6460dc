package dev.tracer.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class IdMemoTest {

    /** Against a HashMap, through many growths, with ids that collide in every table size (multiples of 2^16). */
    @Test
    void keepsTheFirstValueOfEveryIdAsAHashMapWould() {
        Random rnd = new Random(20261125L);
        IdMemo<String> memo = new IdMemo<>();
        Map<Integer, String> model = new HashMap<>();
        for (int step = 0; step < 200_000; step++) {
            int id = switch (step % 3) {
                case 0 -> rnd.nextInt(50_000);
                case 1 -> rnd.nextInt(1_000) << 16; // same low bits
                default -> Integer.MAX_VALUE - rnd.nextInt(100);
            };
            if (rnd.nextBoolean()) {
                String v = "v" + step;
                String kept = memo.keep(id, v);
                String expected = model.putIfAbsent(id, v);
                assertThat(kept).isSameAs(expected == null ? v : expected);
            } else {
                assertThat(memo.get(id)).isSameAs(model.get(id));
            }
        }
        assertThat(memo.size()).isEqualTo(model.size());
        model.forEach((id, v) -> assertThat(memo.get(id)).isSameAs(v));
        assertThat(memo.get(-1)).isNull();
        assertThat(memo.get(50_001)).isNull();
    }

    @Test
    void rejectsNegativeIdsAndNullValues() {
        IdMemo<String> memo = new IdMemo<>();
        assertThatThrownBy(() -> memo.keep(-1, "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> memo.keep(3, null)).isInstanceOf(NullPointerException.class);
        assertThat(memo.size()).isZero();
    }

    /** Two threads keeping the same ids end with one value per id, the same one both were given back. */
    @Test
    void threadsKeepingTheSameIdsShareOneValueEach() throws Exception {
        IdMemo<Object> memo = new IdMemo<>();
        int n = 100_000;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Future<Object[]> a = pool.submit(() -> keepAll(memo, n, start));
            Future<Object[]> b = pool.submit(() -> keepAll(memo, n, start));
            start.countDown();
            Object[] ka = a.get();
            Object[] kb = b.get();
            for (int id = 0; id < n; id++) {
                assertThat(ka[id]).isSameAs(kb[id]).isSameAs(memo.get(id));
            }
            assertThat(memo.size()).isEqualTo(n);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Object[] keepAll(IdMemo<Object> memo, int n, CountDownLatch start) throws InterruptedException {
        start.await();
        Object[] kept = new Object[n];
        for (int id = 0; id < n; id++) {
            kept[id] = memo.keep(id, new Object());
        }
        return kept;
    }
}
