package dev.tracer.batch;

import dev.tracer.model.InvalidInputException;
import dev.tracer.trace.Direction;
import dev.tracer.trace.TaintModel;
import dev.tracer.trace.TracePolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a batch run traces and how: one policy for every job.
 *
 * @param tool       the tool's name and version, recorded in the manifest ({@code tracer 0.1.0})
 * @param model      taint model name (poison, haircut, fifo)
 * @param direction  forward or backward
 * @param policy     hops, minimum, window, stop categories, fan-out cap (no asset filter: assets differ per incident)
 * @param swapWindow carry taint across inferred swaps within this window; empty for none
 * @param tokens     an extra genuine-token list ({@code --tokens}), digested into the manifest
 * @param labels     the labels, digested into the manifest
 * @param jobs       the incidents, with unique ids; traced and reported in id order
 */
public record BatchPlan(String tool, String model, Direction direction, TracePolicy policy, Optional<Duration> swapWindow,
                        Optional<Path> tokens, LabelSource labels, List<BatchJob> jobs) {

    public BatchPlan {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(swapWindow, "swapWindow");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(labels, "labels");
        model = TaintModel.named(Objects.requireNonNull(model, "model")).name();
        if (!policy.assets().isEmpty()) {
            throw new InvalidInputException("a batch traces every genuine asset: an asset filter differs per incident");
        }
        swapWindow.ifPresent(w -> {
            if (w.isNegative() || w.isZero()) {
                throw new InvalidInputException("--swap-window must be positive, got " + w);
            }
        });
        if (jobs.isEmpty()) {
            throw new InvalidInputException("nothing to trace: no incidents selected");
        }
        Set<String> ids = new HashSet<>();
        for (BatchJob j : jobs) {
            if (!ids.add(j.id())) {
                throw new InvalidInputException("incident '" + j.id() + "' given twice");
            }
        }
        jobs = jobs.stream().sorted(java.util.Comparator.comparing(BatchJob::id)).toList();
    }
}
