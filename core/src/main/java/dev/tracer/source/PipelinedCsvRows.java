package dev.tracer.source;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@link CsvRows#read(Path, Collection, Consumer)} on two threads: a reader thread parses the file
 * and prepares each row (for a bulk reader: checks and converts its cells into a compact value)
 * into batches, while the calling thread hands them to {@code sink}, so parsing, preparing and
 * what the sink does overlap (a bulk ingest is then bound by the slower of the two threads, not
 * their sum). Values reach the sink in file order, on the calling thread, and errors come out as
 * they would sequentially: the sink sees every row before a malformed one (malformed for the
 * parser or for {@code prepare}), then the error is thrown; an exception from the sink stops the
 * reader. Memory in flight is bounded ({@value #QUEUED} batches of {@value #BATCH} rows).
 * Everything {@code prepare} did happens-before the sink receives its value and before
 * {@code read} returns (the hand-over is a {@link BlockingQueue}).
 */
public final class PipelinedCsvRows {
    private static final int BATCH = 512;
    private static final int QUEUED = 32;

    private PipelinedCsvRows() {
    }

    /** A batch of values, or the end of the file, or the reader's failure. */
    private record Batch<T>(List<T> values, Throwable failure, boolean end) {
    }

    /** Thrown inside the reader thread to unwind it when the consumer has stopped. */
    private static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super(null, null, false, false);
        }
    }

    /** As {@link CsvRows#read(Path, Collection, Consumer)}, with parsing on a second thread. */
    public static void read(Path file, Collection<String> required, Consumer<CsvRows.Row> sink) {
        read(file, required, row -> row, sink);
    }

    /**
     * Reads {@code file} as {@link CsvRows#read(Path, Collection, Consumer)} does, applies
     * {@code prepare} to each row on the reader thread, and passes the non-null results to
     * {@code sink} in file order on the calling thread. A row for which {@code prepare} returns
     * null is skipped; one for which it throws fails the read at that row, as a parse error does.
     */
    public static <T> void read(Path file, Collection<String> required, Function<CsvRows.Row, ? extends T> prepare,
                                Consumer<? super T> sink) {
        BlockingQueue<Batch<T>> queue = new ArrayBlockingQueue<>(QUEUED);
        boolean[] stopped = {false};
        Object lock = new Object();
        Thread reader = Thread.ofPlatform().name("csv-reader").daemon().unstarted(() -> {
            List<T> batch = new ArrayList<>(BATCH);
            try {
                CsvRows.read(file, required, row -> {
                    T value = prepare.apply(row);
                    if (value == null) {
                        return;
                    }
                    batch.add(value);
                    if (batch.size() == BATCH) {
                        put(queue, new Batch<>(List.copyOf(batch), null, false), lock, stopped);
                        batch.clear();
                    }
                });
                put(queue, new Batch<>(List.copyOf(batch), null, false), lock, stopped);
                put(queue, new Batch<>(List.of(), null, true), lock, stopped);
            } catch (Stopped s) {
                // the consumer gave up; nothing to report
            } catch (RuntimeException | Error e) {
                try {
                    put(queue, new Batch<>(List.copyOf(batch), null, false), lock, stopped);
                    put(queue, new Batch<>(List.of(), e, true), lock, stopped);
                } catch (Stopped s) {
                    // the consumer gave up
                }
            }
        });
        reader.start();
        try {
            while (true) {
                Batch<T> b = queue.take();
                for (T value : b.values()) {
                    sink.accept(value);
                }
                if (b.end()) {
                    if (b.failure() instanceof RuntimeException re) {
                        throw re;
                    }
                    if (b.failure() instanceof Error err) {
                        throw err;
                    }
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException.Unavailable(file + ": interrupted while reading", e);
        } finally {
            synchronized (lock) {
                stopped[0] = true;
            }
            queue.clear();
        }
    }

    private static <T> void put(BlockingQueue<Batch<T>> queue, Batch<T> b, Object lock, boolean[] stopped) {
        try {
            while (!queue.offer(b, 50, TimeUnit.MILLISECONDS)) {
                synchronized (lock) {
                    if (stopped[0]) {
                        throw new Stopped();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped();
        }
    }
}
