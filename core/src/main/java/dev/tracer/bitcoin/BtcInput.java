package dev.tracer.bitcoin;

import dev.tracer.model.InvalidInputException;
import java.util.Objects;
import java.util.Optional;

/**
 * One transaction input: the output it spends and, when the source resolved it, that output's
 * value, kind and address.
 *
 * @param index    its position among the transaction's inputs
 * @param spent    the output it spends
 * @param sequence nSequence
 * @param prevout  the spent output (its {@code index} is {@code spent.vout()}); empty when the
 *                 source could not resolve it (a single block file without the earlier blocks)
 */
public record BtcInput(int index, Outpoint spent, long sequence, Optional<BtcOutput> prevout) {

    public BtcInput {
        Objects.requireNonNull(spent, "spent");
        Objects.requireNonNull(prevout, "prevout");
        if (index < 0) {
            throw new InvalidInputException("negative input index " + index);
        }
        if (prevout.isPresent() && prevout.get().index() != spent.vout()) {
            throw new InvalidInputException("input " + index + " spends " + spent + " but its prevout is output "
                    + prevout.get().index());
        }
    }

    /** This input with its spent output resolved. */
    public BtcInput resolved(BtcOutput out) {
        return new BtcInput(index, spent, sequence, Optional.of(out));
    }
}
