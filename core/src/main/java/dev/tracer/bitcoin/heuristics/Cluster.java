package dev.tracer.bitcoin.heuristics;

import java.util.List;

/**
 * Addresses the multi-input heuristic puts under one owner, and the merges that joined them (a
 * spanning tree: any two members are connected through these transactions).
 *
 * @param addresses members, sorted
 * @param evidence  one merge per join, in the order the transactions were seen
 */
public record Cluster(List<String> addresses, List<Merge> evidence) {

    public Cluster {
        addresses = List.copyOf(addresses);
        evidence = List.copyOf(evidence);
        if (evidence.size() != addresses.size() - 1) {
            throw new IllegalArgumentException("a cluster of " + addresses.size() + " addresses is joined by "
                    + (addresses.size() - 1) + " merges, not " + evidence.size());
        }
    }
}
