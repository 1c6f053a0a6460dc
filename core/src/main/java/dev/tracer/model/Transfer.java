package dev.tracer.model;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * One movement of value: {@code amount} of {@code asset} from {@code from} to {@code to} in
 * transaction {@code tx}.
 *
 * <p>Order on a chain is (block, transaction index, position): {@code txIndex} is the
 * transaction's index in its block, or -1 when the data does not say (then the hash breaks ties,
 * which is deterministic but not the chain's order); {@code position} orders the transfers
 * within one transaction (log index for token events, trace order for internal calls).
 */
public record Transfer(
        Chain chain,
        TxHash tx,
        int txIndex,
        int position,
        Address from,
        Address to,
        Asset asset,
        BigInteger amount,
        long block,
        Instant time,
        TransferKind kind) {

    /** Chain order: block, then transaction index, then hash, then position. */
    public static final Comparator<Transfer> CHAIN_ORDER = Comparator
            .comparingLong(Transfer::block)
            .thenComparingInt(Transfer::txIndex)
            .thenComparing(Transfer::tx)
            .thenComparingInt(Transfer::position);

    public Transfer {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(tx, "tx");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(kind, "kind");
        if (amount.signum() < 0) {
            throw new InvalidInputException("negative amount in " + tx);
        }
        if (block < 0) {
            throw new InvalidInputException("negative block in " + tx);
        }
        if (!from.chain().equals(chain) || !to.chain().equals(chain) || !asset.chain().equals(chain)) {
            throw new InvalidInputException("transfer in " + tx + " mixes chains");
        }
    }

    public Amount value() {
        return Amount.of(asset, amount);
    }
}
