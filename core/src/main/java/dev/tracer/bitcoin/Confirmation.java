package dev.tracer.bitcoin;

import dev.tracer.model.InvalidInputException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a transaction sits in the chain.
 *
 * @param height    block height
 * @param time      the block's timestamp
 * @param txIndex   the transaction's index in its block, -1 when the source did not say
 * @param blockHash the block's hash (64 hex digits), when known
 */
public record Confirmation(long height, Instant time, int txIndex, Optional<String> blockHash) {

    public Confirmation {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(blockHash, "blockHash");
        if (height < 0) {
            throw new InvalidInputException("negative block height " + height);
        }
        if (txIndex < -1) {
            throw new InvalidInputException("bad transaction index " + txIndex + " in block " + height);
        }
    }

    /** The same confirmation with the transaction's index in the block. */
    public Confirmation withTxIndex(int i) {
        return new Confirmation(height, time, i, blockHash);
    }
}
