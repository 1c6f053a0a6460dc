package dev.tracer.detect;

import dev.tracer.model.Address;
import dev.tracer.model.Amount;
import dev.tracer.model.Asset;
import dev.tracer.model.Flag;
import dev.tracer.model.Transfer;
import dev.tracer.trace.TraceResult;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Consolidation (fan-in): traced funds merge at one address. Rules, any of which flags it:
 * <ul>
 *   <li>{@code fan-in:senders} — stolen value arrives from at least two traced senders (two
 *       traced paths meet);
 *   <li>{@code fan-in:assets} — stolen value arrives in at least two assets (proceeds gathered
 *       before a swap or a bridge);
 *   <li>{@code fan-in:outside-funds} — stolen value is merged with value the data does not
 *       explain (an unexplained inflow that no conversion accounts for), so the address pools
 *       traced funds with funds from elsewhere.
 * </ul>
 * Source: the consolidation step of layering (FATF, "Virtual Assets Red Flag Indicators", 2020,
 * §4: many deposits merged into one address), and address clustering by fan-in in Meiklejohn et
 * al., "A Fistful of Bitcoins" (IMC 2013). Cost: O(T) over the traced transfers.
 *
 * <p>Known false positives: exchange and service addresses consolidate constantly (stop
 * categories end the trace there, so they are endpoints rather than flagged hops); two traced
 * paths can meet at a payee by chance.
 */
public final class ConsolidationDetector implements Detector {

    @Override
    public String name() {
        return "ConsolidationDetector";
    }

    @Override
    public List<Flag> detect(DetectionContext ctx) {
        TraceResult r = ctx.result();
        Map<Address, List<Transfer>> inflows = new TreeMap<>();
        for (TraceResult.TracedTransfer t : r.transfers()) {
            if (!t.transfer().from().equals(t.transfer().to())) {
                inflows.computeIfAbsent(t.transfer().to(), x -> new ArrayList<>()).add(t.transfer());
            }
        }
        Map<Address, Map<Asset, BigInteger>> outside = new TreeMap<>();
        for (TraceResult.LedgerGap gap : r.gaps()) {
            BigInteger unexplainedClean = gap.unexplained().subtract(gap.tainted());
            if (!gap.countedAsStolen() && unexplainedClean.signum() > 0) {
                outside.computeIfAbsent(gap.address(), x -> new TreeMap<>()).put(gap.asset(), unexplainedClean);
            }
        }
        Set<Address> seeds = new TreeSet<>();
        r.nodes().stream().filter(n -> n.role() == TraceResult.Role.SEED).forEach(n -> seeds.add(n.address()));
        List<Flag> out = new ArrayList<>();
        for (Map.Entry<Address, List<Transfer>> e : inflows.entrySet()) {
            Address at = e.getKey();
            if (seeds.contains(at)) {
                continue;
            }
            Set<Address> senders = new TreeSet<>();
            Set<Asset> assets = new TreeSet<>();
            e.getValue().forEach(t -> {
                senders.add(t.from());
                assets.add(t.asset());
            });
            List<String> rules = new ArrayList<>();
            List<String> parts = new ArrayList<>();
            if (senders.size() >= 2) {
                rules.add("fan-in:senders");
                parts.add("stolen funds from " + senders.size() + " traced senders");
            }
            if (assets.size() >= 2) {
                rules.add("fan-in:assets");
                parts.add("stolen funds in " + assets.size() + " assets (" + String.join(", ",
                        assets.stream().map(Asset::symbol).toList()) + ")");
            }
            Map<Asset, BigInteger> other = outside.get(at);
            if (other != null) {
                rules.add("fan-in:outside-funds");
                List<String> amounts = new ArrayList<>();
                other.forEach((a, v) -> amounts.add(Amount.of(a, v).toString()));
                parts.add("merged with " + String.join(" + ", amounts) + " the data does not show arriving");
            }
            if (rules.isEmpty()) {
                continue;
            }
            int confidence = rules.size() >= 2 ? 80 : 65;
            out.add(DetectionContext.flag("consolidation", name(), at, String.join("+", rules), confidence,
                    e.getValue().size() + " traced inflows: " + String.join("; ", parts), e.getValue()));
        }
        return out;
    }
}
