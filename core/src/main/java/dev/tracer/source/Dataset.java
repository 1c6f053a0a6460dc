package dev.tracer.source;

import dev.tracer.graph.TransferGraph;
import dev.tracer.model.Chain;
import dev.tracer.model.Coverage;
import java.util.Objects;

/**
 * Transfers on one chain together with what they cover.
 *
 * @param description one line saying where the data came from (shown in reports)
 */
public record Dataset(Chain chain, Coverage coverage, TransferGraph graph, String description) {

    public Dataset {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(coverage, "coverage");
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(description, "description");
        if (!coverage.chain().equals(chain)) {
            throw new IllegalArgumentException("coverage is for " + coverage.chain() + ", dataset for " + chain);
        }
    }
}
