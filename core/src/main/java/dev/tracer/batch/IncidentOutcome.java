package dev.tracer.batch;

import java.util.Objects;

/**
 * What became of one incident in a batch run.
 *
 * @param id       the incident
 * @param status   ok, failed or skipped
 * @param reason   why it failed or was skipped (one line); empty when ok
 * @param problem  for a failure, what kind: bad input (a bad seed, malformed data), source
 *                 unavailable, or an internal error; {@link Problem#NONE} otherwise
 * @param resumed  true when a resumed run found it already finished and did not trace it again
 */
public record IncidentOutcome(String id, Status status, String reason, Problem problem, boolean resumed) {

    /** How an incident ended. */
    public enum Status { OK, FAILED, SKIPPED }

    /** Why an incident failed. */
    public enum Problem { NONE, BAD_INPUT, UNAVAILABLE, INTERNAL }

    public IncidentOutcome {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(problem, "problem");
        if ((status == Status.FAILED) != (problem != Problem.NONE)) {
            throw new IllegalArgumentException("a failure, and only a failure, has a problem kind");
        }
    }
}
