package dev.tracer.source.etl;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A check of a dataset's file digests running on its own daemon thread
 * ({@link DatasetManifest#verifyAlongside}), so that it overlaps the parse of the same files.
 * {@link #await} rethrows what the check threw; {@link #awaitAfter} decides which error a caller
 * that failed while the check ran should report.
 */
final class DigestCheck {
    /** Nothing to check: a manifest that lists no files. */
    static final DigestCheck NONE = new DigestCheck();

    private final FutureTask<Void> task;

    private DigestCheck() {
        this.task = null;
    }

    DigestCheck(Runnable check) {
        this.task = new FutureTask<>(check, null);
        Thread.ofPlatform().name("dataset-digest").daemon().start(task);
    }

    /** Waits for the check; throws its error (an input error naming the file that changed). */
    void await() {
        if (task == null) {
            return;
        }
        try {
            task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("digest check failed", e.getCause());
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while checking the dataset's digests");
        }
    }

    /** Stops the check, if it still runs: the caller failed and will not read its result. */
    void cancel() {
        if (task != null) {
            task.cancel(true);
        }
    }

    /**
     * The error to report after the caller's own read failed with {@code failure}: when the file
     * also differs from its listing, that is the cause (an edit can make a row malformed), so the
     * check's error is thrown with {@code failure} suppressed; otherwise {@code failure}. A failure
     * that is not about the input (out of memory, an interrupt) stops the check and is returned.
     */
    RuntimeException awaitAfter(RuntimeException failure) {
        if (task == null) {
            return failure;
        }
        if (!(failure instanceof dev.tracer.model.InvalidInputException)) {
            cancel();
            return failure;
        }
        try {
            await();
        } catch (RuntimeException changed) {
            changed.addSuppressed(failure);
            return changed;
        }
        return failure;
    }
}
