package dev.tracer.batch;

/** Progress of a batch run; called from worker threads, so implementations must be thread-safe. */
public interface BatchListener {
    /** Nothing. */
    BatchListener NONE = new BatchListener() {
    };

    /** The run starts: {@code total} incidents, {@code alreadyDone} of them finished by an earlier run. */
    default void starting(int total, int alreadyDone, int threads, long memoryBudget) {
    }

    /** An incident's trace starts. */
    default void started(String id) {
    }

    /**
     * An incident ended; {@code done} of {@code total} have. Called before the incident's share
     * of the memory budget is released, so no two calls overlap more incidents than the budget admits.
     */
    default void finished(IncidentOutcome outcome, int done, int total) {
    }
}
