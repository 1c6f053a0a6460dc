package dev.tracer.bitcoin;

import dev.tracer.model.InvalidInputException;
import java.util.Objects;
import java.util.Optional;

/**
 * One transaction output.
 *
 * @param index   its position in the transaction's outputs (vout)
 * @param value   satoshis
 * @param kind    the script kind bitcoinj recognised
 * @param address the standard address it pays (for {@link ScriptKind#P2PK}, the P2PKH address of
 *                its key), empty for multisig, OP_RETURN and non-standard scripts
 * @param owner   how the output is shown: its address, or {@code p2pk:ADDRESS},
 *                {@code multisig:M-of-N}, {@code op_return}, {@code nonstandard}
 */
public record BtcOutput(int index, long value, ScriptKind kind, Optional<String> address, String owner) {
    /** 21 million BTC in satoshis: no output can hold more. */
    public static final long MAX_MONEY = 21_000_000L * 100_000_000L;

    public BtcOutput {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(address, "address");
        if (owner == null || owner.isBlank()) {
            throw new InvalidInputException("output " + index + " has no owner description");
        }
        if (index < 0) {
            throw new InvalidInputException("negative output index " + index);
        }
        if (value < 0 || value > MAX_MONEY) {
            throw new InvalidInputException("output " + index + " value " + value + " sat is outside 0..21,000,000 BTC");
        }
        if (kind == ScriptKind.P2PK || kind.hasAddress()) {
            if (address.isEmpty()) {
                throw new InvalidInputException("output " + index + " of kind " + kind.code() + " needs an address");
            }
        } else if (address.isPresent()) {
            throw new InvalidInputException("output " + index + " of kind " + kind.code() + " has no address, got " + address.get());
        }
    }

    /** The same output at another index (a spent output as an input's prevout keeps its own vout). */
    public BtcOutput withIndex(int i) {
        return new BtcOutput(i, value, kind, address, owner);
    }
}
