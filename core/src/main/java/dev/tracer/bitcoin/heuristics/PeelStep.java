package dev.tracer.bitcoin.heuristics;

import dev.tracer.bitcoin.Outpoint;
import dev.tracer.model.TxHash;
import java.util.Objects;

/**
 * One step of a peel chain: a one-input, two-output transaction that peels off the smaller output
 * and passes the larger one on.
 *
 * @param tx          the transaction
 * @param spent       the output its one input spends
 * @param peeled      the smaller output (a payment, or a deposit to a service)
 * @param peeledValue its value, sat
 * @param next        the larger output, which the chain continues from
 * @param nextValue   its value, sat
 */
public record PeelStep(TxHash tx, Outpoint spent, Outpoint peeled, long peeledValue, Outpoint next, long nextValue) {

    public PeelStep {
        Objects.requireNonNull(tx, "tx");
        Objects.requireNonNull(spent, "spent");
        Objects.requireNonNull(peeled, "peeled");
        Objects.requireNonNull(next, "next");
        if (peeledValue >= nextValue) {
            throw new IllegalArgumentException("a peel step peels the smaller output");
        }
    }
}
