package dev.tracer.source.rpc;

/** Waits; injected so tests of backoff and rate limits run without real waiting. */
@FunctionalInterface
public interface Sleeper {
    void sleepNanos(long nanos) throws InterruptedException;

    /** The real thing: {@link Thread#sleep}. */
    Sleeper SYSTEM = nanos -> {
        if (nanos > 0) {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        }
    };
}
