package dev.tracer.bitcoin.heuristics;

import dev.tracer.bitcoin.Outpoint;
import dev.tracer.model.TxHash;
import java.util.List;
import java.util.Objects;

/**
 * A transaction that sends dust: tiny outputs to addresses that did not ask for them.
 *
 * @param tx         the transaction
 * @param outputs    the dust outputs (not traced as funds)
 * @param threshold  the largest value counted as dust, sat
 * @param rule       why, in words
 * @param confidence how sure
 */
public record DustVerdict(TxHash tx, List<Outpoint> outputs, long threshold, String rule, Confidence confidence) {

    public DustVerdict {
        Objects.requireNonNull(tx, "tx");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(confidence, "confidence");
        outputs = List.copyOf(outputs);
        if (outputs.isEmpty()) {
            throw new IllegalArgumentException("a dust verdict names its outputs");
        }
    }
}
