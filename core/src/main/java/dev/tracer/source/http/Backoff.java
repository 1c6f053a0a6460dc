package dev.tracer.source.http;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

/**
 * Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter",
 * 2015): before retry {@code k} (1-based) wait a uniform random time in
 * {@code [0, min(cap, base * 2^(k-1))]}, or the server's {@code Retry-After} when it says more
 * (honoured up to four times the cap, so a server cannot park a trace for hours). Jitter spreads
 * retries of parallel fetches so they do not hit the server in lockstep. Every live source's
 * retries use it: {@link PoliteTransport} for REST and Bitcoin Core, the Ethereum JSON-RPC
 * transport for its batches. The {@link Random} is injected (seeded by default, so a run's waits
 * can be reproduced). Thread-safe.
 */
public final class Backoff {
    /** The defaults every live source uses: 250 ms doubling to at most 8 s. */
    public static final Duration DEFAULT_BASE = Duration.ofMillis(250);
    public static final Duration DEFAULT_CAP = Duration.ofSeconds(8);

    private final long baseNanos;
    private final long capNanos;
    private final Random random;

    /**
     * @throws IllegalArgumentException when {@code base} is negative or {@code cap} is less than it
     */
    public Backoff(Duration base, Duration cap, Random random) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(cap, "cap");
        if (base.isNegative() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("bad backoff " + base + ".." + cap);
        }
        this.baseNanos = base.toNanos();
        this.capNanos = cap.toNanos();
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The wait before retry {@code k} (1-based), given what the server's {@code Retry-After} said. */
    public Duration delay(int k, Optional<Duration> retryAfter) {
        if (k < 1) {
            throw new IllegalArgumentException("retries count from 1, got " + k);
        }
        long ceiling = capNanos;
        if (k - 1 < 62 && baseNanos <= (capNanos >> Math.min(62, k - 1))) {
            ceiling = Math.min(capNanos, baseNanos << (k - 1));
        }
        long jitter;
        synchronized (random) {
            jitter = ceiling <= 0 ? 0 : (long) (random.nextDouble() * ceiling);
        }
        long asked = retryAfter.map(Backoff::saturatedNanos).orElse(0L);
        return Duration.ofNanos(Math.max(jitter, Math.min(asked, capNanos > Long.MAX_VALUE / 4 ? Long.MAX_VALUE : capNanos * 4)));
    }

    /**
     * A response's {@code Retry-After} when it gives seconds; empty when it is absent or an HTTP
     * date (the back-off's own delay is used then).
     */
    public static Optional<Duration> retryAfter(java.net.http.HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(v -> {
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v.strip()))));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private static long saturatedNanos(Duration d) {
        return d.isNegative() ? 0 : d.compareTo(Duration.ofNanos(Long.MAX_VALUE)) >= 0 ? Long.MAX_VALUE : d.toNanos();
    }
}
