package dev.tracer.source.http;

import java.time.Duration;

/** Waits; injected so tests do not sleep. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration d) throws InterruptedException;

    /** {@link Thread#sleep(Duration)}. */
    static Sleeper system() {
        return Thread::sleep;
    }
}
