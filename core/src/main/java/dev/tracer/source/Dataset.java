package dev.tracer.source;

import dev.tracer.graph.TransferGraph;
import dev.tracer.model.BridgeDeposit;
import dev.tracer.model.Chain;
import dev.tracer.model.Coverage;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Transfers on one chain together with what they cover.
 *
 * @param description    one line saying where the data came from (shown in reports)
 * @param bridgeDeposits cross-chain deposits read from bridge event logs (empty for data without
 *                       logs), in chain order of transaction hash and log index
 */
public record Dataset(Chain chain, Coverage coverage, TransferGraph graph, String description,
                      List<BridgeDeposit> bridgeDeposits) {

    /** A dataset without event logs. */
    public Dataset(Chain chain, Coverage coverage, TransferGraph graph, String description) {
        this(chain, coverage, graph, description, List.of());
    }

    public Dataset {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(coverage, "coverage");
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(description, "description");
        if (!coverage.chain().equals(chain)) {
            throw new IllegalArgumentException("coverage is for " + coverage.chain() + ", dataset for " + chain);
        }
        bridgeDeposits = bridgeDeposits.stream().sorted(Comparator.comparing((BridgeDeposit b) -> b.tx().value())
                .thenComparingInt(BridgeDeposit::logIndex)).toList();
    }

    /** This dataset with {@code deposits} as its bridge deposits. */
    public Dataset withBridgeDeposits(List<BridgeDeposit> deposits) {
        return new Dataset(chain, coverage, graph, description, deposits);
    }
}
