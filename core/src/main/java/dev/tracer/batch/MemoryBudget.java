package dev.tracer.batch;

/**
 * Admits jobs while the sum of their estimated heap fits in a budget. A job waits until its
 * estimate fits in what is left; a job larger than the whole budget runs when nothing else does,
 * so the batch never deadlocks. Thread-safe (a monitor).
 */
final class MemoryBudget {
    private final long total;
    private long used;
    private int running;

    MemoryBudget(long total) {
        if (total <= 0) {
            throw new IllegalArgumentException("memory budget must be positive, got " + total);
        }
        this.total = total;
    }

    synchronized void acquire(long bytes) throws InterruptedException {
        while (running > 0 && used + bytes > total) {
            wait();
        }
        used += bytes;
        running++;
    }

    synchronized void release(long bytes) {
        used -= bytes;
        running--;
        notifyAll();
    }
}
