package dev.tracer.detect;

import dev.tracer.label.Category;
import dev.tracer.model.Flag;
import dev.tracer.model.Transfer;
import dev.tracer.trace.TraceResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Bridge and chain hop: stolen funds deposited into an address labelled as a bridge (THORChain's
 * router, Ren, Avalanche, Wormhole, …): a cross-chain exit. The destination chain and address
 * are in the bridge's event logs (THORChain's router {@code Deposit} memo); the account exports
 * this tool reads carry no logs, so the flag says the destination is unknown until a live source
 * with logs is used.
 *
 * <p>Rule {@code bridge:label}. Source: the swaps of the Ronin 2022 and Bybit 2025 proceeds
 * through THORChain and Ren to Bitcoin (FBI statements of April 2022 and February 2025). Cost:
 * O(T).
 *
 * <p>Known false positives: as good as the labels. Known false negatives: unlabelled bridges.
 */
public final class BridgeDetector implements Detector {

    @Override
    public String name() {
        return "BridgeDetector";
    }

    @Override
    public List<Flag> detect(DetectionContext ctx) {
        List<Flag> out = new ArrayList<>();
        for (TraceResult.TracedTransfer t : ctx.result().transfers()) {
            Transfer tr = t.transfer();
            if (ctx.category(tr.to()).orElse(null) == Category.BRIDGE) {
                out.add(DetectionContext.flag("bridge-exit", name(), tr.from(), "bridge:label", 85,
                        "sent " + tr.value() + " (" + new dev.tracer.model.Amount(tr.asset(), t.tainted()) + " stolen) into "
                                + ctx.name(tr.to()) + ": cross-chain exit, destination not in the data", List.of(tr)));
            }
        }
        return out;
    }
}
