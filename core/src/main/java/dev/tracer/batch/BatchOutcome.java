package dev.tracer.batch;

import java.nio.file.Path;
import java.util.List;

/**
 * The result of a batch run: one outcome per incident, in id order, and the manifest written.
 */
public record BatchOutcome(List<IncidentOutcome> incidents, Path manifest) {

    public BatchOutcome {
        incidents = List.copyOf(incidents);
    }

    public long count(IncidentOutcome.Status status) {
        return incidents.stream().filter(i -> i.status() == status).count();
    }

    /** True when some incident failed through a bug rather than its input or source. */
    public boolean internalError() {
        return incidents.stream().anyMatch(i -> i.problem() == IncidentOutcome.Problem.INTERNAL);
    }
}
