package dev.tracer.bitcoin.heuristics;

import dev.tracer.model.TxHash;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of {@link MultiInputClustering}: clusters of two or more addresses, and the
 * CoinJoins that were not used to merge.
 */
public record Clusters(List<Cluster> clusters, List<TxHash> skippedCoinJoins, Map<String, Integer> index) {

    public Clusters {
        clusters = List.copyOf(clusters);
        skippedCoinJoins = List.copyOf(skippedCoinJoins);
        index = Map.copyOf(index);
    }

    /** The cluster holding {@code address}, if it is in one with others. */
    public Optional<Cluster> of(String address) {
        Integer i = index.get(address);
        return i == null ? Optional.empty() : Optional.of(clusters.get(i));
    }
}
