package dev.tracer.bitcoin;

import dev.tracer.model.Address;
import dev.tracer.model.Asset;
import dev.tracer.model.Chain;
import dev.tracer.model.InvalidInputException;
import dev.tracer.model.Transfer;
import dev.tracer.model.TransferKind;
import dev.tracer.model.TxHash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * A transaction as edges of the UTXO graph the engine traces (see {@code UtxoEngineTest}):
 * a spend {@code output → tx} per resolved input (position = input index), a creation
 * {@code tx → output} per output (position = 1000 + vout) and, when the fee is known and not zero,
 * {@code tx → fee} (position 1,000,000). Every edge carries the transaction's hash, block, time and
 * index in its block, so chain order puts inputs first, outputs in order and the fee last: FIFO
 * then takes inputs in input order onto outputs in output order, fee last.
 *
 * <p>Transactions with more than 1000 inputs (large consolidations exist) put their outputs
 * after the last input instead ({@code max(1000, inputs) + vout}), and the fee after the last
 * output, so the order holds for every transaction.
 */
public final class UtxoEdges {
    private static final Chain BTC = Chain.BITCOIN;
    private static final Asset SAT = Asset.nativeOf(BTC);
    private static final int OUTPUT_BASE = 1000;
    private static final int FEE_POSITION = 1_000_000;

    private UtxoEdges() {
    }

    /** The vertex of transaction {@code txid} ({@code tx:TXID}). */
    public static Address txVertex(TxHash txid) {
        return Address.transaction(BTC, txid);
    }

    /** The vertex of output {@code out} of {@code txid} ({@code TXID:VOUT}, shown with its owner). */
    public static Address outputVertex(TxHash txid, BtcOutput out) {
        return Address.output(BTC, txid, out.index(), out.owner());
    }

    /** The vertex of an outpoint whose owner is not known (for lookups: equality ignores the owner). */
    public static Address outputVertex(Outpoint o) {
        return Address.output(BTC, o.txid(), o.vout(), null);
    }

    /** The outpoint an output vertex stands for. */
    public static Outpoint outpointOf(Address output) {
        if (output.kind() != Address.Kind.OUTPUT) {
            throw new IllegalArgumentException(output + " is not an output");
        }
        return Outpoint.parse(output.value());
    }

    /**
     * The edges of {@code tx}.
     *
     * @throws InvalidInputException when the transaction is unconfirmed (it has no place in chain order)
     */
    public static List<Transfer> of(BtcTx tx) {
        Confirmation c = tx.confirmation().orElseThrow(() -> new InvalidInputException(
                "transaction " + tx.txid() + " is unconfirmed: it has no place in chain order to trace"));
        Address t = txVertex(tx.txid());
        List<Transfer> out = new ArrayList<>(tx.inputs().size() + tx.outputs().size() + 1);
        for (BtcInput in : tx.inputs()) {
            if (in.prevout().isPresent()) {
                BtcOutput spent = in.prevout().get();
                out.add(edge(tx, c, in.index(), outputVertex(in.spent().txid(), spent), t, spent.value()));
            }
        }
        int base = outputBase(tx);
        for (BtcOutput o : tx.outputs()) {
            out.add(edge(tx, c, base + o.index(), t, outputVertex(tx.txid(), o), o.value()));
        }
        OptionalLong fee = tx.fee();
        if (fee.isPresent() && fee.getAsLong() > 0) {
            out.add(edge(tx, c, feePosition(tx), t, Address.feeSink(BTC), fee.getAsLong()));
        }
        return out;
    }

    /** Position of output 0 of {@code tx}. */
    static int outputBase(BtcTx tx) {
        return Math.max(OUTPUT_BASE, tx.inputs().size());
    }

    /** Position of the fee edge of {@code tx}. */
    static int feePosition(BtcTx tx) {
        return Math.max(FEE_POSITION, outputBase(tx) + tx.outputs().size());
    }

    private static Transfer edge(BtcTx tx, Confirmation c, int position, Address from, Address to, long sats) {
        return new Transfer(BTC, tx.txid(), c.txIndex(), position, from, to, SAT, BigInteger.valueOf(sats), c.height(),
                c.time(), TransferKind.UTXO);
    }
}
