package dev.tracer.bitcoin.heuristics;

import dev.tracer.bitcoin.BtcTx;
import dev.tracer.bitcoin.TxGraph;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/** Runs every heuristic on one transaction (for {@code tracer tx}). */
public final class TxAnalyzer {
    private final CoinJoinDetector coinJoins;
    private final ChangeDetector change;
    private final PeelChainDetector peel;
    private final DustAttackDetector dust;

    public TxAnalyzer(CoinJoinDetector coinJoins, ChangeDetector change, PeelChainDetector peel, DustAttackDetector dust) {
        this.coinJoins = Objects.requireNonNull(coinJoins, "coinJoins");
        this.change = Objects.requireNonNull(change, "change");
        this.peel = Objects.requireNonNull(peel, "peel");
        this.dust = Objects.requireNonNull(dust, "dust");
    }

    public static TxAnalyzer standard() {
        CoinJoinDetector cj = CoinJoinDetector.standard();
        return new TxAnalyzer(cj, ChangeDetector.standard(), new PeelChainDetector(), new DustAttackDetector(
                DustAttackDetector.DEFAULT_THRESHOLD, cj));
    }

    /** @param graph where to look beyond the transaction (spenders, earlier transactions, address history) */
    public TxAnalysis analyze(BtcTx tx, TxGraph graph) {
        var cj = coinJoins.detect(tx);
        List<String> linked = List.of();
        TreeSet<String> inputs = new TreeSet<>(Outputs.inputAddresses(tx));
        if (cj.isEmpty() && !tx.coinbase() && inputs.size() >= 2) {
            linked = List.copyOf(inputs);
        }
        return new TxAnalysis(tx, cj, change.detect(tx, graph), peel.step(tx), peel.chainThrough(tx, graph), dust.detect(tx), linked);
    }
}
