package dev.tracer.trace;

import java.util.concurrent.CountDownLatch;

/** Helpers for tests of hand-offs between threads ({@link SideTaskTest}, {@link MadeAheadTest}). */
final class Latches {
    private Latches() {
    }

    /** Waits for {@code latch}; an interrupt becomes an unchecked exception (for task bodies). */
    static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code action} on a new thread after {@code millis}, so a caller can be waiting by then. */
    static void later(long millis, Runnable action) {
        new Thread(() -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            action.run();
        }).start();
    }
}
