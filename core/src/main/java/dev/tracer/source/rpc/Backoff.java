package dev.tracer.source.rpc;

import java.util.Random;

/**
 * Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter",
 * 2015): before retry {@code k} (1-based) wait a uniform random time in
 * {@code [0, min(cap, base * 2^(k-1))]}, or the server's {@code Retry-After} when it says more.
 * Jitter spreads retries of parallel fetches so they do not hit the node in lockstep. The
 * {@link Random} is injected (seeded in tests).
 */
final class Backoff {
    private final long baseNanos;
    private final long capNanos;
    private final Random random;

    Backoff(long baseNanos, long capNanos, Random random) {
        if (baseNanos < 0 || capNanos < baseNanos) {
            throw new IllegalArgumentException("bad backoff " + baseNanos + ".." + capNanos);
        }
        this.baseNanos = baseNanos;
        this.capNanos = capNanos;
        this.random = random;
    }

    /** The wait before retry {@code k} (1-based); {@code retryAfterNanos} ≤ 0 when the server said nothing. */
    long delayNanos(int k, long retryAfterNanos) {
        long ceiling = capNanos;
        if (k - 1 < 62 && baseNanos <= (capNanos >> Math.min(62, k - 1))) {
            ceiling = Math.min(capNanos, baseNanos << (k - 1));
        }
        long jitter;
        synchronized (random) {
            jitter = ceiling <= 0 ? 0 : (long) (random.nextDouble() * ceiling);
        }
        return Math.max(jitter, Math.min(retryAfterNanos, capNanos * 4));
    }
}
