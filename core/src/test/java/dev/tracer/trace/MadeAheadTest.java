package dev.tracer.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class MadeAheadTest {

    @Test
    void theWorkerMakesEachValueOnceInItsOrderAndTheConsumerTakesThem() {
        StringBuilder madeOrder = new StringBuilder();
        MadeAhead<String> ahead = new MadeAhead<>(4, slot -> {
            madeOrder.append(slot);
            return "v" + slot;
        });
        ahead.work(new int[] {2, 0, 3, 1});
        assertThat(madeOrder).hasToString("2031");
        for (int slot = 0; slot < 4; slot++) {
            assertThat(ahead.take(slot)).isEqualTo("v" + slot);
        }
        assertThat(madeOrder).hasToString("2031"); // taking made none again
    }

    @Test
    void aSlotTheConsumerTookFirstIsNotMadeAgainByTheWorker() {
        AtomicIntegerArray made = new AtomicIntegerArray(3);
        MadeAhead<Integer> ahead = new MadeAhead<>(3, slot -> {
            made.incrementAndGet(slot);
            return slot * 10;
        });
        assertThat(ahead.take(1)).isEqualTo(10);
        ahead.work(new int[] {0, 1, 2});
        assertThat(ahead.take(0)).isEqualTo(0);
        assertThat(ahead.take(2)).isEqualTo(20);
        for (int slot = 0; slot < 3; slot++) {
            assertThat(made.get(slot)).as("slot %d", slot).isEqualTo(1);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aStoppedWorkerLeavesTheRestToTheConsumer() {
        ConcurrentHashMap<Integer, String> by = new ConcurrentHashMap<>();
        MadeAhead<String>[] ref = new MadeAhead[1];
        ref[0] = new MadeAhead<>(3, slot -> {
            by.put(slot, Thread.currentThread().getName());
            if (slot == 0) {
                ref[0].stop(); // stopped while making slot 0: it finishes that one, then makes no more
            }
            return "v" + slot;
        });
        Thread worker = new Thread(() -> ref[0].work(new int[] {0, 1, 2}), "worker");
        worker.start();
        assertThat(joined(worker)).isTrue();
        assertThat(by).containsOnlyKeys(0);
        assertThat(ref[0].take(2)).isEqualTo("v2");
        assertThat(ref[0].take(0)).isEqualTo("v0");
        assertThat(by.get(0)).isEqualTo("worker");
        assertThat(by.get(2)).isEqualTo(Thread.currentThread().getName());
    }

    @Test
    void theConsumerWaitsForAValueTheWorkerIsMaking() throws Exception {
        CountDownLatch making = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger makes = new AtomicInteger();
        MadeAhead<String> ahead = new MadeAhead<>(1, slot -> {
            makes.incrementAndGet();
            making.countDown();
            Latches.await(release);
            return "from the worker";
        });
        Thread worker = new Thread(() -> ahead.work(new int[] {0}));
        worker.start();
        assertThat(making.await(10, TimeUnit.SECONDS)).isTrue();
        Latches.later(50, release::countDown);
        assertThat(ahead.take(0)).isEqualTo("from the worker");
        assertThat(makes).hasValue(1);
        assertThat(joined(worker)).isTrue();
    }

    @Test
    void aValueTheWorkerFailedToMakeIsMadeByTheConsumerWhichSeesTheFailure() {
        AtomicInteger attempts = new AtomicInteger();
        MadeAhead<String> ahead = new MadeAhead<>(2, slot -> {
            attempts.incrementAndGet();
            if (slot == 0) {
                throw new IllegalArgumentException("bad slot " + slot);
            }
            return "ok";
        });
        ahead.work(new int[] {0, 1}); // the worker goes on past the failure
        assertThat(ahead.take(1)).isEqualTo("ok");
        assertThatThrownBy(() -> ahead.take(0)).isInstanceOf(IllegalArgumentException.class).hasMessage("bad slot 0");
        assertThat(attempts).hasValue(3);
    }

    private static boolean joined(Thread t) {
        try {
            t.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !t.isAlive();
    }
}
