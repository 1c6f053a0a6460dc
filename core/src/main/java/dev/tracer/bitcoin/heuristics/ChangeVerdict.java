package dev.tracer.bitcoin.heuristics;

import dev.tracer.model.TxHash;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the change rules say about one transaction.
 *
 * @param tx         the transaction
 * @param change     the change output, when the rules that fired agree on one
 * @param fired      every rule's guess (possibly disagreeing)
 * @param confidence {@link Confidence#HIGH} when at least two rules agree and none disagrees,
 *                   {@link Confidence#MEDIUM} for one rule alone, {@link Confidence#LOW} when
 *                   rules disagree or none fired
 */
public record ChangeVerdict(TxHash tx, Optional<Integer> change, List<ChangeGuess> fired, Confidence confidence) {

    public ChangeVerdict {
        Objects.requireNonNull(tx, "tx");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(confidence, "confidence");
        fired = List.copyOf(fired);
    }

    /** True when the guess is good enough to act on (cluster the change with the inputs, follow it). */
    public boolean usable() {
        return change.isPresent() && confidence == Confidence.HIGH;
    }
}
