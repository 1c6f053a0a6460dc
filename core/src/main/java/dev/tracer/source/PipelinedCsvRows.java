package dev.tracer.source;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@link CsvRows#read(Path, Collection, Consumer)} on two threads: a reader thread parses the file
 * into batches of rows while the calling thread hands them to {@code sink}, so parsing and what
 * the sink does with the rows overlap (a bulk ingest is then bound by the slower of the two, not
 * their sum). Rows reach the sink in file order, on the calling thread, and errors come out as
 * they would sequentially: the sink sees every row before a malformed one, then the parse error
 * is thrown; an exception from the sink stops the reader. Memory in flight is bounded
 * ({@value #QUEUED} batches of {@value #BATCH} rows).
 */
public final class PipelinedCsvRows {
    private static final int BATCH = 512;
    private static final int QUEUED = 32;

    private PipelinedCsvRows() {
    }

    /** A batch of rows, or the end of the file, or the reader's failure. */
    private record Batch(List<CsvRows.Row> rows, Throwable failure, boolean end) {
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
        BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUED);
        boolean[] stopped = {false};
        Object lock = new Object();
        Thread reader = Thread.ofPlatform().name("csv-reader").daemon().unstarted(() -> {
            List<CsvRows.Row> batch = new ArrayList<>(BATCH);
            try {
                CsvRows.read(file, required, row -> {
                    batch.add(row);
                    if (batch.size() == BATCH) {
                        put(queue, new Batch(List.copyOf(batch), null, false), lock, stopped);
                        batch.clear();
                    }
                });
                put(queue, new Batch(List.copyOf(batch), null, false), lock, stopped);
                put(queue, new Batch(List.of(), null, true), lock, stopped);
            } catch (Stopped s) {
                // the consumer gave up; nothing to report
            } catch (RuntimeException | Error e) {
                try {
                    put(queue, new Batch(List.copyOf(batch), null, false), lock, stopped);
                    put(queue, new Batch(List.of(), e, true), lock, stopped);
                } catch (Stopped s) {
                    // the consumer gave up
                }
            }
        });
        reader.start();
        try {
            while (true) {
                Batch b = queue.take();
                for (CsvRows.Row row : b.rows()) {
                    sink.accept(row);
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

    private static void put(BlockingQueue<Batch> queue, Batch b, Object lock, boolean[] stopped) {
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
