package dev.tracer.source;

import dev.tracer.model.Address;
import dev.tracer.model.BlockRange;
import dev.tracer.model.BridgeDeposit;
import dev.tracer.model.Chain;
import dev.tracer.model.Transfer;
import dev.tracer.model.TxHash;
import java.util.List;

/**
 * The lookup port: what the tracer asks of a source that is fetched on demand (a JSON-RPC node,
 * an Esplora server, a recording of either). A loaded {@link Dataset} answers the same questions
 * from memory; {@link dev.tracer.trace.ExpandingTrace} turns answers from this port into the
 * dataset the one engine traces.
 *
 * <p>Implementations must return <b>complete</b> answers (every transfer, both directions, every
 * asset including tokens the tracer will later call fake) or throw: a silent partial answer would
 * turn a frontier into "funds stopped here". They translate their own failures into
 * {@link SourceException} subtypes.
 */
public interface TransferSource {

    Chain chain();

    /** The block range a trace may use: from genesis (or the configured start) to the source's head. */
    BlockRange range();

    /** Every transfer into or out of {@code address} with a block in {@code range}. */
    List<Transfer> transfersOf(Address address, BlockRange range);

    /** Every transfer in transaction {@code tx}. */
    List<Transfer> transfersIn(TxHash tx);

    /**
     * Cross-chain deposits into {@code bridge} in {@code range} that the bridge's event logs state;
     * empty for sources without logs.
     */
    default List<BridgeDeposit> bridgeDeposits(Address bridge, BlockRange range) {
        return List.of();
    }

    /** One line naming the source for reports, without secrets (no API keys). */
    String description();

    /** Requests made, cache hits and bytes so far; {@link SourceStats#NONE} for sources that fetch nothing. */
    default SourceStats stats() {
        return SourceStats.NONE;
    }
}
