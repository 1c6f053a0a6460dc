package dev.tracer.source.http;

import dev.tracer.model.InvalidInputException;
import dev.tracer.source.SourceException;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Politeness towards a server, with the same pacing and retries as the Ethereum JSON-RPC
 * transport: each request takes a permit from a {@link RateLimiter} (shared across threads), and
 * on 429, a transient 5xx, a timeout or an I/O failure of the transport below (a
 * {@link SourceException.Unavailable} caused by an {@link IOException}) it retries after the
 * server's {@code Retry-After} or a {@link Backoff} delay, up to {@code retries} times. A response
 * still 429 after that is {@link SourceException.RateLimited}; still failing,
 * {@link SourceException.Unavailable}. Other statuses (404, 401) are answers and pass through at
 * once. Clock, sleep and jitter are injected.
 */
public final class PoliteTransport implements HttpTransport {
    /** Retries after the first attempt, as the Ethereum JSON-RPC transport's default six attempts. */
    public static final int DEFAULT_RETRIES = 5;
    private static final Logger LOG = LoggerFactory.getLogger(PoliteTransport.class);

    private final HttpTransport inner;
    private final RateLimiter limiter;
    private final int retries;
    private final Backoff backoff;
    private final Sleeper sleeper;

    public PoliteTransport(HttpTransport inner, RateLimiter limiter, int retries, Backoff backoff, Sleeper sleeper) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative, got " + retries);
        }
        this.retries = retries;
    }

    /**
     * At most {@code perSecond} requests a second, {@link #DEFAULT_RETRIES} retries with the
     * default {@link Backoff} (seeded jitter), the system clock.
     *
     * @throws InvalidInputException when {@code perSecond} is not a positive number
     */
    public static PoliteTransport perSecond(HttpTransport inner, double perSecond) {
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new InvalidInputException("requests per second must be a positive number, got " + perSecond);
        }
        Sleeper s = Sleeper.system();
        return new PoliteTransport(inner, new RateLimiter(perSecond, System::nanoTime, s), DEFAULT_RETRIES,
                new Backoff(Backoff.DEFAULT_BASE, Backoff.DEFAULT_CAP, new Random(1)), s);
    }

    @Override
    public HttpReply send(HttpCall call) {
        for (int attempt = 1; ; attempt++) {
            pause(() -> limiter.acquire(1));
            HttpReply r = null;
            SourceException.Unavailable failure = null;
            try {
                r = inner.send(call);
                if (!r.transientFailure()) {
                    return r;
                }
            } catch (SourceException.Unavailable e) {
                if (!(e.getCause() instanceof IOException)) {
                    throw e;
                }
                failure = e;
            }
            String problem = r != null ? "HTTP " + r.status() : failure.getMessage();
            if (attempt > retries) {
                String msg = call.path() + ": " + problem + " after " + attempt + " attempts";
                if (r != null && r.status() == 429) {
                    throw new SourceException.RateLimited("rate limited: " + msg, null);
                }
                throw new SourceException.Unavailable(failure != null ? failure.getMessage() + " after " + attempt + " attempts" : msg,
                        failure);
            }
            Duration wait = backoff.delay(attempt, r != null ? r.retryAfter() : Optional.empty());
            LOG.info("{}: {}; retry {} of {} in {} ms", call.path(), problem, attempt, retries, wait.toMillis());
            pause(() -> sleeper.sleep(wait));
        }
    }

    private interface Wait {
        void run() throws InterruptedException;
    }

    private static void pause(Wait w) {
        try {
            w.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException.Unavailable("interrupted while waiting to be polite", e);
        }
    }
}
