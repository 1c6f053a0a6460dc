package dev.tracer.report;

import java.util.Locale;

/**
 * What a traced transfer did, as the graph exports show it in the edge attribute {@code kind}.
 * How value moved on the chain (native, internal, token, UTXO) is the separate attribute
 * {@code transfer_kind}.
 *
 * <ul>
 *   <li>{@link #SWAP}: a swapped outflow: the sender's transfer of a token that an inferred
 *       conversion took as sold ({@link dev.tracer.trace.TraceResult.Conversion}: its address
 *       sent it in one of the conversion's transactions, in one of its source assets);
 *   <li>{@link #BRIDGE}: into an address whose best label is in the category bridge;
 *   <li>{@link #CHANGE}: a UTXO change output. This is the hook for the Bitcoin change
 *       heuristic: a detector that raises a {@link dev.tracer.model.Flag} of type
 *       {@value #CHANGE_FLAG} at the change output (or address), with the transaction among
 *       its evidence, makes the transfers of that transaction into it edges of kind change;
 *       no other code needs to change;
 *   <li>{@link #TRANSFER}: anything else.
 * </ul>
 * When several apply, the first in the order change, swap, bridge wins.
 */
enum FlowKind {
    TRANSFER, SWAP, BRIDGE, CHANGE;

    /** The flag type that marks change outputs (see {@link #CHANGE}). */
    static final String CHANGE_FLAG = "change";

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
