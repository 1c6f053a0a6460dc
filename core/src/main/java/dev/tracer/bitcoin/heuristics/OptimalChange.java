package dev.tracer.bitcoin.heuristics;

import dev.tracer.bitcoin.BtcOutput;
import dev.tracer.bitcoin.BtcTx;
import dev.tracer.bitcoin.TxGraph;
import java.util.List;
import java.util.Optional;

/**
 * Optimal change (the unnecessary-input heuristic): a wallet does not add an input it does not
 * need, so the change is smaller than every input (otherwise the smallest input could have been
 * left out). When exactly one output is smaller than the smallest of two or more inputs, it is the
 * change.
 *
 * <p>Source: Nick, "Data-Driven De-Anonymization in Bitcoin" (ETH Zürich, 2015); Möser and
 * Narayanan, "Resurrecting Address Clustering in Bitcoin" (FC 2022). Cost O(inputs + outputs).
 *
 * <p>Known false positives: wallets that consolidate coins while paying, or choose inputs for
 * privacy rather than size; with one input every output is smaller, so the rule says nothing.
 */
final class OptimalChange implements ChangeHeuristic {

    @Override
    public String name() {
        return "optimal-change";
    }

    @Override
    public Optional<ChangeGuess> guess(BtcTx tx, TxGraph graph) {
        List<BtcOutput> outs = Outputs.spendable(tx);
        if (!Outputs.judgeable(tx) || tx.inputs().size() < 2 || outs.size() < 2) {
            return Optional.empty();
        }
        long smallestInput = tx.inputs().stream().mapToLong(i -> i.prevout().orElseThrow().value()).min().orElseThrow();
        List<BtcOutput> smaller = outs.stream().filter(o -> o.value() < smallestInput).toList();
        if (smaller.size() != 1) {
            return Optional.empty();
        }
        return Optional.of(new ChangeGuess(smaller.get(0).index(), name(), "the only output smaller than the smallest input ("
                + smallestInput + " sat)"));
    }
}
