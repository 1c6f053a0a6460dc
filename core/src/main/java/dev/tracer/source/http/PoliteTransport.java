package dev.tracer.source.http;

import dev.tracer.source.SourceException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Politeness towards a public server: at most one request per {@code interval} (across threads),
 * and on 429 or a transient 5xx a retry after the server's {@code Retry-After} or an exponential
 * back-off ({@code backoff}, doubled each time), up to {@code retries} times. A response still
 * 429 after that is {@link SourceException.RateLimited}; still 5xx, {@link SourceException.Unavailable}.
 * Clock and sleeper are injected.
 */
public final class PoliteTransport implements HttpTransport {
    private final HttpTransport inner;
    private final Duration interval;
    private final int retries;
    private final Duration backoff;
    private final Clock clock;
    private final Sleeper sleeper;
    private Instant next;

    public PoliteTransport(HttpTransport inner, Duration interval, int retries, Duration backoff, Clock clock, Sleeper sleeper) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        if (interval.isNegative() || backoff.isNegative() || retries < 0) {
            throw new IllegalArgumentException("interval, back-off and retries must not be negative");
        }
        this.retries = retries;
        this.next = Instant.MIN;
    }

    /** At most {@code perSecond} requests a second, 4 retries from 1 s back-off, system clock. */
    public static PoliteTransport perSecond(HttpTransport inner, double perSecond) {
        if (!(perSecond > 0)) {
            throw new dev.tracer.model.InvalidInputException("requests per second must be positive, got " + perSecond);
        }
        return new PoliteTransport(inner, Duration.ofNanos((long) (1e9 / perSecond)), 4, Duration.ofSeconds(1),
                Clock.systemUTC(), Sleeper.system());
    }

    @Override
    public HttpReply send(HttpCall call) {
        Duration wait = backoff;
        for (int attempt = 0; ; attempt++) {
            awaitSlot();
            HttpReply r = inner.send(call);
            if (!r.transientFailure()) {
                return r;
            }
            if (attempt == retries) {
                String msg = call.path() + ": HTTP " + r.status() + " after " + (retries + 1) + " attempts";
                if (r.status() == 429) {
                    throw new SourceException.RateLimited("rate limited: " + msg, null);
                }
                throw new SourceException.Unavailable(msg, null);
            }
            pause(r.retryAfter().orElse(wait));
            wait = wait.multipliedBy(2);
        }
    }

    private void awaitSlot() {
        Duration d;
        synchronized (this) {
            Instant now = clock.instant();
            Instant slot = next.isAfter(now) ? next : now;
            next = slot.plus(interval);
            d = Duration.between(now, slot);
        }
        pause(d);
    }

    private void pause(Duration d) {
        if (d.isZero() || d.isNegative()) {
            return;
        }
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException.Unavailable("interrupted while waiting to be polite", e);
        }
    }
}
