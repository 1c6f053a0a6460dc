package dev.tracer.bitcoin.heuristics;

import dev.tracer.bitcoin.BtcOutput;
import dev.tracer.bitcoin.BtcTx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * JoinMarket: a taker and k−1 makers each get one output of the same value (k ≥ 2 equal outputs),
 * and each may get change, so there are k to 2k outputs and at least k inputs; and the change
 * adds up: every change output c can be paired with its own group of inputs (up to three) whose
 * sum is the equal value plus c, within a tolerance of 5% of the equal value (the taker pays the
 * miner fee and the makers' fees, a maker earns a small fee).
 *
 * <p>Source: Belcher et al., JoinMarket (2015–); Möser and Böhme, "Anonymous Alone? Measuring
 * Bitcoin's Second-Generation Anonymization Techniques" (IEEE EuroS&amp;PW 2017), whose JoinMarket
 * rule this is, with the input–change pairing ("sudoku") of Atlas (2015) to confirm it. Cost:
 * O(changes × inputs³) for up to 20 inputs; above that the pairing is not tried and the
 * verdict is medium.
 *
 * <p>Known false positives: a payment of two equal amounts from two inputs whose change happens
 * to pair up (k = 2 is weak, hence medium confidence); batch payments with repeated amounts.
 */
final class JoinMarketCoinJoin implements CoinJoinHeuristic {
    static final int MAX_PAIRING_INPUTS = 20;

    @Override
    public Optional<CoinJoinVerdict> test(BtcTx tx) {
        if (!Outputs.judgeable(tx)) {
            return Optional.empty();
        }
        Map.Entry<Long, Integer> common = Outputs.mostCommon(tx);
        long v = common.getKey();
        int k = common.getValue();
        int outputs = Outputs.spendable(tx).size();
        if (k < 2 || outputs < k || outputs > 2 * k || tx.inputs().size() < k || v <= 546) {
            return Optional.empty();
        }
        List<Long> changes = new ArrayList<>();
        Outputs.spendable(tx).stream().filter(o -> o.value() != v).forEach(o -> changes.add(o.value()));
        List<Long> inputs = tx.inputs().stream().map(i -> i.prevout().map(BtcOutput::value).orElse(0L)).toList();
        Confidence c;
        String pairing;
        if (inputs.size() > MAX_PAIRING_INPUTS) {
            c = Confidence.MEDIUM;
            pairing = "pairing not tried (" + inputs.size() + " inputs)";
        } else if (pairs(changes, inputs, v)) {
            c = k >= 3 ? Confidence.HIGH : Confidence.MEDIUM;
            pairing = "every change output pairs with its own inputs";
        } else {
            return Optional.empty();
        }
        return Optional.of(new CoinJoinVerdict(tx.txid(), CoinJoinType.JOINMARKET, k, v,
                k + " equal outputs of " + v + " sat, " + changes.size() + " change output(s), " + tx.inputs().size()
                        + " inputs; " + pairing, c));
    }

    /** True when each change can take a disjoint group of at most three inputs summing to v + change (± 5% of v). */
    static boolean pairs(List<Long> changes, List<Long> inputs, long v) {
        return assign(changes, 0, inputs, new boolean[inputs.size()], v, Math.max(v / 20, 1));
    }

    private static boolean assign(List<Long> changes, int i, List<Long> inputs, boolean[] used, long v, long tol) {
        if (i == changes.size()) {
            return true;
        }
        long target = v + changes.get(i);
        int n = inputs.size();
        for (int a = 0; a < n; a++) {
            if (used[a]) {
                continue;
            }
            used[a] = true;
            if (near(inputs.get(a), target, tol) && assign(changes, i + 1, inputs, used, v, tol)) {
                return true;
            }
            for (int b = a + 1; b < n; b++) {
                if (used[b]) {
                    continue;
                }
                used[b] = true;
                if (near(inputs.get(a) + inputs.get(b), target, tol) && assign(changes, i + 1, inputs, used, v, tol)) {
                    return true;
                }
                for (int c = b + 1; c < n; c++) {
                    if (!used[c]) {
                        used[c] = true;
                        if (near(inputs.get(a) + inputs.get(b) + inputs.get(c), target, tol) && assign(changes, i + 1, inputs, used, v, tol)) {
                            return true;
                        }
                        used[c] = false;
                    }
                }
                used[b] = false;
            }
            used[a] = false;
        }
        return false;
    }

    private static boolean near(long x, long target, long tol) {
        return Math.abs(x - target) <= tol;
    }
}
