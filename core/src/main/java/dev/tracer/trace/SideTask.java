package dev.tracer.trace;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A computation handed to an {@link Executor} while the caller goes on with its own share of the
 * work, then taken back with {@link #join}: whichever of the two, the executor's thread or the
 * caller, claims it first runs it. So the caller never waits for a task no thread has started
 * (a busy or saturated pool, a pool whose threads are all waiting in traces, an executor that
 * rejects it): it then runs the task itself, as if there were no executor. The same fork-and-help
 * idea as {@link java.util.concurrent.ForkJoinTask#join}, for any executor.
 *
 * <p>The computation must not read anything the caller writes between {@link #fork} and
 * {@link #join}. O(1) besides the computation; a join that waits costs one latch.
 */
final class SideTask<T> implements Runnable {
    private final Supplier<T> work;
    private final AtomicBoolean claimed = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);
    private T value;
    private Throwable failure;

    private SideTask(Supplier<T> work) {
        this.work = work;
    }

    /** Starts {@code work} on {@code executor}; if it rejects the task, the caller's {@link #join} runs it. */
    static <T> SideTask<T> fork(Executor executor, Supplier<T> work) {
        SideTask<T> t = new SideTask<>(work);
        try {
            executor.execute(t);
        } catch (RejectedExecutionException e) {
            // nothing lost: join finds the task unclaimed and runs it
        }
        return t;
    }

    @Override
    public void run() {
        if (claimed.compareAndSet(false, true)) {
            compute();
        }
    }

    private void compute() {
        try {
            value = work.get();
        } catch (Throwable t) {
            failure = t;
        } finally {
            done.countDown();
        }
    }

    /**
     * The computation's value: computed here if no thread has started it, else waited for. A
     * failure of the computation is rethrown as it was (unchecked exceptions and errors), on the
     * caller's thread.
     */
    T join() {
        if (claimed.compareAndSet(false, true)) {
            compute();
        } else {
            awaitDone();
        }
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw new IllegalStateException(failure); // a checked exception thrown sneakily by the supplier
        }
        return value;
    }

    /**
     * Returns once the task is finished or can no longer start (claimed here, it never runs),
     * ignoring its value and failure: for a caller leaving on an exception of its own, whose
     * state a running task may still be reading.
     */
    void settle() {
        if (!claimed.compareAndSet(false, true)) {
            awaitDone();
        }
    }

    /** Waits for the thread that claimed the task; an interrupt is kept for later, not lost. */
    private void awaitDone() {
        boolean interrupted = false;
        while (true) {
            try {
                done.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the task reads the caller's state: it must finish before the caller goes on
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
