package dev.tracer.detect;

import dev.tracer.label.Category;
import dev.tracer.model.BridgeDeposit;
import dev.tracer.model.Flag;
import dev.tracer.model.Transfer;
import dev.tracer.trace.TraceResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Bridge and chain hop: stolen funds deposited into an address labelled as a bridge (THORChain's
 * router, Ren, Avalanche, Wormhole, …): a cross-chain exit. When the data holds the bridge's
 * event log for that transaction (a live EVM source fetches the logs of the labelled bridges the
 * trace reaches: THORChain router {@code Deposit} memos, {@code DepositInitiated} events), the
 * flag names the destination chain and address; account exports carry no logs, so there the
 * destination is "not in the data".
 *
 * <p>Rules {@code bridge:event} (the deposit's event names the destination) and
 * {@code bridge:label} (labelled bridge, no event). Source: the swaps of the Ronin 2022 and Bybit
 * 2025 proceeds through THORChain and Ren to Bitcoin (FBI statements of April 2022 and February
 * 2025); THORChain's memo format. Cost: O(T + D) over traced transfers and deposits.
 *
 * <p>Known false positives: as good as the labels. Known false negatives: unlabelled bridges;
 * bridges whose events are neither of the two decoded signatures (flagged, destination unknown).
 */
public final class BridgeDetector implements Detector {

    @Override
    public String name() {
        return "BridgeDetector";
    }

    @Override
    public List<Flag> detect(DetectionContext ctx) {
        java.util.Map<dev.tracer.model.TxHash, List<BridgeDeposit>> byTx = new java.util.HashMap<>();
        for (BridgeDeposit d : ctx.data().bridgeDeposits()) {
            byTx.computeIfAbsent(d.tx(), x -> new ArrayList<>()).add(d);
        }
        List<Flag> out = new ArrayList<>();
        for (TraceResult.TracedTransfer t : ctx.result().transfers()) {
            Transfer tr = t.transfer();
            if (ctx.category(tr.to()).orElse(null) != Category.BRIDGE) {
                continue;
            }
            String sent = "sent " + tr.value() + " (" + new dev.tracer.model.Amount(tr.asset(), t.tainted()) + " stolen) into "
                    + ctx.name(tr.to()) + ": cross-chain exit";
            List<BridgeDeposit> events = byTx.getOrDefault(tr.tx(), List.of()).stream()
                    .filter(d -> d.bridge().equals(tr.to()) && d.from().map(f -> f.equals(tr.from())).orElse(true)).toList();
            if (events.isEmpty()) {
                out.add(DetectionContext.flag("bridge-exit", name(), tr.from(), "bridge:label", 85,
                        sent + ", destination not in the data", List.of(tr)));
            } else {
                String to = String.join("; ", events.stream().map(BridgeDeposit::destination).distinct().toList());
                out.add(DetectionContext.flag("bridge-exit", name(), tr.from(), "bridge:event", 95,
                        sent + " to " + to + " (" + events.get(0).evidence() + ")", List.of(tr)));
            }
        }
        return out;
    }
}
