package dev.tracer.bitcoin.heuristics;

import dev.tracer.bitcoin.BtcTx;
import java.util.Map;
import java.util.Optional;

/**
 * The generic equal-output rule: at least 2 inputs from at least p distinct addresses and at least
 * 3 outputs, where p = ⌈outputs / 2⌉ is the participants a CoinJoin of that size needs (each gets
 * a mixed output and change), and the most common output value occurs at least p times and is
 * not a dust value (546 or 2,730 sat, common spam amounts).
 *
 * <p>Source: Goldfeder, Kalodner, Reisman and Narayanan, "When the cookie meets the blockchain"
 * (PoPETs 2018) and BlockSci's {@code isCoinjoin} (Kalodner et al., USENIX Security 2020), where
 * the count must equal p; here it may exceed it, so equal-output-only CoinJoins match too.
 * Cost O(inputs + outputs).
 *
 * <p>Known false positives: batch payments of equal amounts (payroll, airdrops, exchange
 * withdrawals of a round size) funded from several addresses of one wallet; then
 * {@link MultiInputClustering} skips a merge it should have made. The shared data's 143-output
 * exchange batch has one input and does not match.
 */
final class EqualOutputCoinJoin implements CoinJoinHeuristic {

    @Override
    public Optional<CoinJoinVerdict> test(BtcTx tx) {
        int outputs = Outputs.spendable(tx).size();
        if (!Outputs.judgeable(tx) || tx.inputs().size() < 2 || outputs < 3) {
            return Optional.empty();
        }
        int participants = (outputs + 1) / 2;
        if (participants > tx.inputs().size() || participants > Outputs.inputAddresses(tx).size()) {
            return Optional.empty();
        }
        Map.Entry<Long, Integer> common = Outputs.mostCommon(tx);
        if (common.getValue() < participants || common.getValue() < 2 || common.getKey() == 546 || common.getKey() == 2730) {
            return Optional.empty();
        }
        return Optional.of(new CoinJoinVerdict(tx.txid(), CoinJoinType.GENERIC, common.getValue(), common.getKey(),
                common.getValue() + " equal outputs of " + common.getKey() + " sat among " + outputs + " outputs, "
                        + tx.inputs().size() + " inputs from " + Outputs.inputAddresses(tx).size() + " addresses (at least "
                        + participants + " participants)", Confidence.MEDIUM));
    }
}
