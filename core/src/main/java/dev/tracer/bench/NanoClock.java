package dev.tracer.bench;

/**
 * A monotonic clock in nanoseconds, injected wherever the benchmark times something so that
 * tests can run it on a fake clock. {@link #system()} is {@link System#nanoTime()}.
 */
@FunctionalInterface
public interface NanoClock {
    /** Nanoseconds from an arbitrary origin; only differences mean anything. */
    long nanoTime();

    /** The JVM's monotonic clock. */
    static NanoClock system() {
        return System::nanoTime;
    }
}
