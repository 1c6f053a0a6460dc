package dev.tracer.bitcoin.heuristics;

import dev.tracer.bitcoin.BtcOutput;
import dev.tracer.bitcoin.BtcTx;
import dev.tracer.bitcoin.TxGraph;
import java.util.List;
import java.util.Optional;

/**
 * Round payment amounts: people pay round amounts and change is what is left. When every output
 * but one is a round amount (a multiple of 0.001 BTC, 100,000 sat) and that one is not, it is the
 * change.
 *
 * <p>Source: Androulaki, Karame, Roeschlin, Scherer and Capkun, "Evaluating User Privacy in
 * Bitcoin" (FC 2013); Möser and Narayanan, "Resurrecting Address Clustering in Bitcoin" (FC 2022).
 * Cost O(outputs).
 *
 * <p>Known false positives: payments priced in fiat (round in dollars, not in bitcoin), round
 * change by coincidence, and CoinJoins (skipped by the detector).
 */
final class RoundAmountChange implements ChangeHeuristic {
    static final long ROUND = 100_000L;

    @Override
    public String name() {
        return "round-amount";
    }

    @Override
    public Optional<ChangeGuess> guess(BtcTx tx, TxGraph graph) {
        List<BtcOutput> outs = Outputs.spendable(tx);
        if (tx.coinbase() || outs.size() < 2) {
            return Optional.empty();
        }
        List<BtcOutput> notRound = outs.stream().filter(o -> o.value() % ROUND != 0).toList();
        if (notRound.size() != 1) {
            return Optional.empty();
        }
        return Optional.of(new ChangeGuess(notRound.get(0).index(), name(), "every other output is a round amount (multiple of "
                + ROUND + " sat)"));
    }
}
