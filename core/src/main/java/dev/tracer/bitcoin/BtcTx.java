package dev.tracer.bitcoin;

import dev.tracer.model.InvalidInputException;
import dev.tracer.model.TxHash;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A Bitcoin transaction, decoded by bitcoinj at a source's adapter.
 *
 * @param txid         the transaction id (bare lower-case hex)
 * @param version      nVersion
 * @param lockTime     nLockTime
 * @param vsize        virtual size in vbytes (weight / 4, rounded up)
 * @param coinbase     true for a block's first transaction, which mints coins and has no inputs here
 * @param inputs       inputs in order (empty for a coinbase)
 * @param outputs      outputs in order
 * @param confirmation the block, empty while unconfirmed
 */
public record BtcTx(TxHash txid, long version, long lockTime, int vsize, boolean coinbase, List<BtcInput> inputs,
                    List<BtcOutput> outputs, Optional<Confirmation> confirmation) {

    public BtcTx {
        Objects.requireNonNull(txid, "txid");
        Objects.requireNonNull(confirmation, "confirmation");
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        if (txid.value().startsWith("0x")) {
            throw new InvalidInputException("not a Bitcoin transaction id: " + txid);
        }
        if (coinbase != inputs.isEmpty()) {
            throw new InvalidInputException("transaction " + txid + (coinbase ? ": a coinbase has no spent inputs here"
                    : " has no inputs and is not a coinbase"));
        }
        if (outputs.isEmpty()) {
            throw new InvalidInputException("transaction " + txid + " has no outputs");
        }
        if (vsize <= 0) {
            throw new InvalidInputException("transaction " + txid + ": virtual size must be positive, got " + vsize);
        }
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i).index() != i) {
                throw new InvalidInputException("transaction " + txid + ": input " + i + " has index " + inputs.get(i).index());
            }
        }
        long total = 0;
        for (int i = 0; i < outputs.size(); i++) {
            if (outputs.get(i).index() != i) {
                throw new InvalidInputException("transaction " + txid + ": output " + i + " has index " + outputs.get(i).index());
            }
            total += outputs.get(i).value();
            if (total > BtcOutput.MAX_MONEY) {
                throw new InvalidInputException("transaction " + txid + " pays more than 21,000,000 BTC");
            }
        }
        OptionalLong in = sum(inputs);
        if (in.isPresent() && !coinbase && in.getAsLong() < total) {
            throw new InvalidInputException("transaction " + txid + " spends " + in.getAsLong() + " sat but pays " + total
                    + " sat (outputs exceed inputs)");
        }
    }

    private static OptionalLong sum(List<BtcInput> inputs) {
        long s = 0;
        for (BtcInput i : inputs) {
            if (i.prevout().isEmpty()) {
                return OptionalLong.empty();
            }
            s += i.prevout().get().value();
        }
        return OptionalLong.of(s);
    }

    /** True when every input's spent output is known (always for a coinbase). */
    public boolean resolved() {
        return inputs.stream().allMatch(i -> i.prevout().isPresent());
    }

    /** Sum of the inputs' values, when every input is resolved (zero for a coinbase). */
    public OptionalLong inputValue() {
        return sum(inputs);
    }

    /** Sum of the outputs' values. */
    public long outputValue() {
        return outputs.stream().mapToLong(BtcOutput::value).sum();
    }

    /** The fee (inputs minus outputs) when every input is resolved; empty for a coinbase or unresolved inputs. */
    public OptionalLong fee() {
        if (coinbase) {
            return OptionalLong.empty();
        }
        OptionalLong in = inputValue();
        return in.isPresent() ? OptionalLong.of(in.getAsLong() - outputValue()) : OptionalLong.empty();
    }

    /** Output {@code vout}, if the transaction has it. */
    public Optional<BtcOutput> output(int vout) {
        return vout >= 0 && vout < outputs.size() ? Optional.of(outputs.get(vout)) : Optional.empty();
    }

    /** This transaction with {@code c} as its confirmation. */
    public BtcTx withConfirmation(Confirmation c) {
        return new BtcTx(txid, version, lockTime, vsize, coinbase, inputs, outputs, Optional.of(c));
    }

    /** This transaction with its inputs replaced (to resolve spent outputs). */
    public BtcTx withInputs(List<BtcInput> resolvedInputs) {
        return new BtcTx(txid, version, lockTime, vsize, coinbase, resolvedInputs, outputs, confirmation);
    }
}
