package dev.tracer.source.http;

import java.time.Duration;

/**
 * Waits; injected so tests of rate limits and back-off run without real waiting. The one way every
 * live source waits ({@link RateLimiter}, {@link Backoff}'s delays in {@link PoliteTransport} and
 * in the Ethereum JSON-RPC transport).
 */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration d) throws InterruptedException;

    /** {@link Thread#sleep(Duration)}. */
    static Sleeper system() {
        return Thread::sleep;
    }
}
