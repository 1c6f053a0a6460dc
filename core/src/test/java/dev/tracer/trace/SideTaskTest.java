package dev.tracer.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SideTaskTest {

    @Test
    void runsOnTheExecutorsThreadAndJoinReturnsItsValue() throws Exception {
        AtomicReference<Thread> ran = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        SideTask<String> t = SideTask.fork(r -> {
            Thread th = new Thread(r, "side");
            threads.add(th);
            th.start();
        }, () -> {
            ran.set(Thread.currentThread());
            return "made";
        });
        threads.get(0).join(10_000);
        assertThat(t.join()).isEqualTo("made");
        assertThat(ran.get()).isSameAs(threads.get(0));
    }

    @Test
    void theCallerRunsATaskNoThreadStarted() {
        List<Runnable> queued = new ArrayList<>();
        AtomicInteger runs = new AtomicInteger();
        SideTask<Integer> t = SideTask.fork(queued::add, runs::incrementAndGet);
        assertThat(t.join()).isEqualTo(1);
        queued.forEach(Runnable::run); // the pool gets to it late: it must not run the work again
        assertThat(runs).hasValue(1);
    }

    @Test
    void aRejectedTaskRunsOnTheCaller() {
        AtomicReference<Thread> ran = new AtomicReference<>();
        SideTask<String> t = SideTask.fork(r -> {
            throw new RejectedExecutionException("full");
        }, () -> {
            ran.set(Thread.currentThread());
            return "here";
        });
        assertThat(t.join()).isEqualTo("here");
        assertThat(ran.get()).isSameAs(Thread.currentThread());
    }

    @Test
    void joinWaitsForATaskAnotherThreadIsRunning() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        SideTask<String> t = SideTask.fork(r -> new Thread(r).start(), () -> {
            started.countDown();
            Latches.await(release);
            return "late";
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        Latches.later(50, release::countDown);
        assertThat(t.join()).isEqualTo("late");
    }

    @Test
    void aFailureIsRethrownAsItWasOnTheJoiningThread() {
        IllegalStateException boom = new IllegalStateException("boom");
        SideTask<String> onPool = SideTask.fork(Runnable::run, () -> {
            throw boom;
        });
        assertThatThrownBy(onPool::join).isSameAs(boom);
        SideTask<String> error = SideTask.fork(task -> { }, () -> {
            throw new StackOverflowError("deep");
        });
        assertThatThrownBy(error::join).isInstanceOf(StackOverflowError.class).hasMessage("deep");
    }

    @Test
    void settleKeepsAnUnstartedTaskFromEverRunning() {
        List<Runnable> queued = new ArrayList<>();
        AtomicInteger runs = new AtomicInteger();
        SideTask<Integer> t = SideTask.fork(queued::add, runs::incrementAndGet);
        t.settle();
        queued.forEach(Runnable::run);
        assertThat(runs).hasValue(0);
    }

    @Test
    void settleWaitsForARunningTaskAndSwallowsItsFailure() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicInteger finished = new AtomicInteger();
        SideTask<String> t = SideTask.fork(r -> new Thread(r).start(), () -> {
            started.countDown();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            finished.incrementAndGet();
            throw new IllegalStateException("ignored: the caller has its own exception");
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        t.settle();
        assertThat(finished).hasValue(1); // returned only after the task stopped reading the caller's state
    }

    @Test
    void anInterruptWhileWaitingIsKeptNotLost() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        SideTask<String> t = SideTask.fork(r -> new Thread(r).start(), () -> {
            started.countDown();
            Latches.await(release);
            return "done";
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        Thread caller = Thread.currentThread();
        caller.interrupt(); // already set when join starts waiting: it must wait all the same
        Latches.later(50, release::countDown);
        assertThat(t.join()).isEqualTo("done");
        assertThat(Thread.interrupted()).isTrue(); // and cleared for the next test
    }
}
