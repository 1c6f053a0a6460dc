package dev.tracer.bench;

import java.io.Writer;

/**
 * A {@link Writer} that discards what it is given and counts the characters, so that exports are
 * timed without disk I/O. Optionally it calls a probe every {@code every} characters (the
 * benchmark uses this to sample the heap while an export is under way).
 */
final class CountingWriter extends Writer {
    private final long every;
    private final Runnable probe;
    private long chars;
    private long next;

    CountingWriter() {
        this(Long.MAX_VALUE, () -> { });
    }

    CountingWriter(long every, Runnable probe) {
        this.every = Math.max(1, every);
        this.probe = probe;
        this.next = this.every;
    }

    @Override
    public void write(char[] cbuf, int off, int len) {
        add(len);
    }

    @Override
    public void write(String str, int off, int len) {
        add(len);
    }

    @Override
    public void write(int c) {
        add(1);
    }

    private void add(int n) {
        chars += n;
        if (chars >= next) {
            next = chars + every;
            probe.run();
        }
    }

    long chars() {
        return chars;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
