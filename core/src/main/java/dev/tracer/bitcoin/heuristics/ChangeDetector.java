package dev.tracer.bitcoin.heuristics;

import dev.tracer.bitcoin.BtcTx;
import dev.tracer.bitcoin.TxGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs the change rules on a payment (not a coinbase, not a CoinJoin) and combines them: only
 * when at least two agree and none points elsewhere is the result high-confidence and usable.
 * Cost: the rules' costs.
 */
public final class ChangeDetector {
    private final List<ChangeHeuristic> rules;
    private final CoinJoinDetector coinJoins;

    public ChangeDetector(List<ChangeHeuristic> rules, CoinJoinDetector coinJoins) {
        this.rules = List.copyOf(Objects.requireNonNull(rules, "rules"));
        this.coinJoins = Objects.requireNonNull(coinJoins, "coinJoins");
    }

    /** Address type, round amount, optimal change and fresh address; CoinJoins skipped. */
    public static ChangeDetector standard() {
        return new ChangeDetector(List.of(new AddressTypeChange(), new RoundAmountChange(), new OptimalChange(),
                new FreshAddressChange()), CoinJoinDetector.standard());
    }

    public ChangeVerdict detect(BtcTx tx, TxGraph graph) {
        List<ChangeGuess> fired = new ArrayList<>();
        if (!tx.coinbase() && coinJoins.detect(tx).isEmpty()) {
            for (ChangeHeuristic r : rules) {
                r.guess(tx, graph).ifPresent(fired::add);
            }
        }
        long distinct = fired.stream().mapToInt(ChangeGuess::vout).distinct().count();
        if (fired.isEmpty() || distinct > 1) {
            return new ChangeVerdict(tx.txid(), Optional.empty(), fired, Confidence.LOW);
        }
        return new ChangeVerdict(tx.txid(), Optional.of(fired.get(0).vout()), fired,
                fired.size() >= 2 ? Confidence.HIGH : Confidence.MEDIUM);
    }
}
