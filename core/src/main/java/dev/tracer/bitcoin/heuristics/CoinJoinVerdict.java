package dev.tracer.bitcoin.heuristics;

import dev.tracer.model.InvalidInputException;
import dev.tracer.model.TxHash;
import java.util.Objects;

/**
 * A transaction recognised as a CoinJoin.
 *
 * @param tx           the transaction
 * @param type         which implementation
 * @param equalOutputs how many outputs share the mixed denomination
 * @param denomination that denomination, in satoshis
 * @param rule         the rule that fired, in words (for reports)
 * @param confidence   how sure
 */
public record CoinJoinVerdict(TxHash tx, CoinJoinType type, int equalOutputs, long denomination, String rule, Confidence confidence) {

    public CoinJoinVerdict {
        Objects.requireNonNull(tx, "tx");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(confidence, "confidence");
        if (equalOutputs < 2 || denomination <= 0) {
            throw new InvalidInputException("a CoinJoin has at least two equal outputs of a positive value");
        }
    }
}
