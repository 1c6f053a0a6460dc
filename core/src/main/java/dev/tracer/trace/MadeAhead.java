package dev.tracer.trace;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.IntFunction;

/**
 * Values that one thread (the worker) makes ahead of another (the consumer), which asks for them
 * later, one at a time, by slot: a value is made once, by whichever thread claims its slot first.
 * The worker takes slots in the order it is given (the order the consumer is expected to need
 * them) until it has made them all or is {@link #stop stopped}; the consumer takes a made value,
 * waits for one being made, or makes an unclaimed one itself. So the consumer never waits for
 * a slot no thread has started, and the values are those {@code make} gives whichever thread
 * makes them: {@code make} must depend on nothing either thread changes meanwhile.
 *
 * <p>A prefetch with per-slot claims (compare-and-set from free to taken), the work-sharing half
 * of work stealing. O(1) per slot besides {@code make}; memory: one int and one reference per slot.
 */
final class MadeAhead<T> {
    private static final int FREE = 0;
    private static final int MAKING = 1;
    private static final int MADE = 2;
    private static final int TAKEN = 3;

    private final IntFunction<T> make;
    private final AtomicIntegerArray state;
    private final Object[] values;
    private volatile boolean stopped;

    /** @param slots how many values; {@code make} makes the value of a slot */
    MadeAhead(int slots, IntFunction<T> make) {
        this.make = make;
        this.state = new AtomicIntegerArray(slots);
        this.values = new Object[slots];
    }

    /** The worker's loop: makes the values of {@code order}'s slots in that order, until stopped. */
    void work(int[] order) {
        for (int slot : order) {
            if (stopped) {
                return;
            }
            if (state.compareAndSet(slot, FREE, MAKING)) {
                try {
                    values[slot] = make.apply(slot);
                } catch (RuntimeException e) {
                    // no value: the consumer makes it again, and the failure is reported on its thread
                } finally {
                    state.set(slot, MADE); // publishes the value, or its absence
                }
            }
        }
    }

    /** Tells the worker to make no more values (the consumer needs none): it finishes the one under way. */
    void stop() {
        stopped = true;
    }

    /**
     * The value of {@code slot}, made once: taken from the worker, waited for while the worker
     * makes it, or made here when no thread has started it. Each slot is taken at most once.
     */
    @SuppressWarnings("unchecked")
    T take(int slot) {
        if (state.compareAndSet(slot, FREE, TAKEN)) {
            return make.apply(slot);
        }
        while (state.get(slot) == MAKING) {
            Thread.onSpinWait();
        }
        T v = (T) values[slot];
        values[slot] = null;
        state.set(slot, TAKEN);
        return v != null ? v : make.apply(slot); // the worker failed on it: make it here, where a failure is reported
    }
}
