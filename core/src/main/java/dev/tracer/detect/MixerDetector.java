package dev.tracer.detect;

import dev.tracer.label.Category;
import dev.tracer.model.Flag;
import dev.tracer.model.Transfer;
import dev.tracer.trace.TraceResult;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Mixer entry and exit: stolen funds sent to an address labelled as a mixer (Tornado Cash
 * pools, Sinbad, Blender, …), or leaving one.
 *
 * <p>Rules: {@code mixer-entry:denomination} when the amount is one of Tornado Cash's fixed ETH
 * denominations (0.1, 1, 10, 100 ETH) — the pool contracts accept nothing else; {@code
 * mixer-entry:label} for any other transfer into a labelled mixer; {@code mixer-exit:label} for
 * traced funds a labelled mixer sends (backward traces, or a covered mixer). Source: the Tornado
 * Cash pool design (fixed-denomination deposits, Pertsev, Semenov and Storm, 2019) and OFAC's
 * designations of Tornado Cash (2022), Blender.io (2022) and Sinbad.io (2023) as Lazarus mixers.
 * Cost: O(T) over traced transfers.
 *
 * <p>Known false positives: as good as the labels; an unlabelled mixer is not found. Known false
 * negatives: deposits through a relayer or router contract that is not labelled.
 */
public final class MixerDetector implements Detector {
    private static final BigInteger ETHER = BigInteger.TEN.pow(18);
    private static final Set<BigInteger> TORNADO_ETH = Set.of(ETHER.divide(BigInteger.TEN), ETHER,
            ETHER.multiply(BigInteger.TEN), ETHER.multiply(BigInteger.valueOf(100)));

    @Override
    public String name() {
        return "MixerDetector";
    }

    @Override
    public List<Flag> detect(DetectionContext ctx) {
        List<Flag> out = new ArrayList<>();
        for (TraceResult.TracedTransfer t : ctx.result().transfers()) {
            Transfer tr = t.transfer();
            if (ctx.category(tr.to()).orElse(null) == Category.MIXER) {
                boolean denomination = tr.asset().isNative() && tr.chain().isEvm() && TORNADO_ETH.contains(tr.amount());
                out.add(DetectionContext.flag("mixer-entry", name(), tr.from(),
                        denomination ? "mixer-entry:denomination" : "mixer-entry:label", denomination ? 95 : 85,
                        "sent " + tr.value() + " into " + ctx.name(tr.to())
                                + (denomination ? " (a fixed pool denomination)" : ""), List.of(tr)));
            }
            if (ctx.category(tr.from()).orElse(null) == Category.MIXER) {
                out.add(DetectionContext.flag("mixer-exit", name(), tr.to(), "mixer-exit:label", 85,
                        "received " + tr.value() + " from " + ctx.name(tr.from()), List.of(tr)));
            }
        }
        return out;
    }
}
