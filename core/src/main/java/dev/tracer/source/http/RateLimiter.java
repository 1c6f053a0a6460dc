package dev.tracer.source.http;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * A token bucket (Turner, "New directions in communications", 1986; the classic traffic shaper):
 * permits accrue at {@code perSecond}, up to a burst of one second's worth, and each request (each
 * JSON-RPC call, for a batch) takes one. The bucket starts full, as RFC 2697's meters do: a trace
 * may open with one second's worth of requests, which is no more than it could send after any idle
 * second anyway. Providers count JSON-RPC calls, not HTTP requests, which is why a batch of n calls
 * waits for n permits. Every live source is paced by one: {@link PoliteTransport} for REST and
 * Bitcoin Core, the Ethereum JSON-RPC transport for its batches. O(1) per acquire; thread-safe
 * (callers queue on a fair lock, so virtual threads fetching in parallel share one budget in
 * arrival order; a {@link ReentrantLock} rather than a monitor so a waiting virtual thread never
 * pins its carrier). Clock and sleep are injected.
 */
public final class RateLimiter {
    private final double perNano;
    private final double burst;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private final ReentrantLock lock = new ReentrantLock(true);
    private double permits;
    private long last;

    /**
     * @param perSecond requests a second, positive and finite
     * @param nanoTime  a monotonic clock in nanoseconds ({@code System::nanoTime} live)
     * @throws IllegalArgumentException when {@code perSecond} is not positive and finite
     */
    public RateLimiter(double perSecond, LongSupplier nanoTime, Sleeper sleeper) {
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("rate limit must be a positive number, got " + perSecond);
        }
        this.perNano = perSecond / 1e9;
        this.burst = Math.max(1, perSecond);
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.permits = burst;
        this.last = nanoTime.getAsLong();
    }

    /** Waits until {@code n} permits are available and takes them. */
    public void acquire(int n) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            take(n);
        } finally {
            lock.unlock();
        }
    }

    private void take(int n) throws InterruptedException {
        double need = n;
        while (true) {
            long now = nanoTime.getAsLong();
            permits = Math.min(burst, permits + (now - last) * perNano);
            last = now;
            double take = Math.min(need, Math.max(0, Math.floor(permits)));
            permits -= take;
            need -= take;
            if (need <= 0) {
                return;
            }
            long wait = (long) Math.ceil((Math.min(need, burst) - permits) / perNano);
            sleeper.sleep(Duration.ofNanos(Math.max(1, wait)));
        }
    }
}
