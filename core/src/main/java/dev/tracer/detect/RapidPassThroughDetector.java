package dev.tracer.detect;

import dev.tracer.model.Address;
import dev.tracer.model.Flag;
import dev.tracer.model.Transfer;
import dev.tracer.trace.TraceResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rapid pass-through: a followed address sends stolen funds on within {@code maxHold} of first
 * receiving them, and such addresses chain hop after hop.
 *
 * <p>Rule {@code pass-through}: time from the first traced inflow to the first traced outflow
 * after it is at most {@code maxHold}; the flag says how many consecutive hops along the path by
 * which the trace reached the address (its {@code reachedBy} chain) were also rapid. Source: the
 * "rapid movement of funds" red flag (FATF, "Virtual Assets Red Flag Indicators", 2020, §3) and
 * the pass-through wallets of Lazarus laundering described in the UN Panel of Experts reports on
 * the DPRK (S/2024/215). Cost: O(T) over traced transfers.
 *
 * <p>Known false positives: automated services (bots, market makers) forward everything at once;
 * a user moving their own funds between their wallets.
 */
public final class RapidPassThroughDetector implements Detector {
    private final Duration maxHold;

    public RapidPassThroughDetector(Duration maxHold) {
        this.maxHold = maxHold;
    }

    @Override
    public String name() {
        return "RapidPassThroughDetector";
    }

    @Override
    public List<Flag> detect(DetectionContext ctx) {
        TraceResult r = ctx.result();
        Map<Address, Transfer> firstIn = new HashMap<>();
        Map<Address, List<Transfer>> outs = new HashMap<>();
        for (TraceResult.TracedTransfer t : r.transfers()) {
            Transfer tr = t.transfer();
            if (tr.from().equals(tr.to())) {
                continue;
            }
            firstIn.putIfAbsent(tr.to(), tr);
            outs.computeIfAbsent(tr.from(), x -> new ArrayList<>()).add(tr);
        }
        Map<Address, Transfer> rapid = new HashMap<>();
        Map<Address, Transfer> rapidOut = new HashMap<>();
        for (TraceResult.Node n : ctx.followed()) {
            Transfer in = firstIn.get(n.address());
            if (in == null || n.role() == TraceResult.Role.SEED) {
                continue;
            }
            for (Transfer o : outs.getOrDefault(n.address(), List.of())) {
                if (Transfer.CHAIN_ORDER.compare(o, in) > 0) {
                    if (!Duration.between(in.time(), o.time()).minus(maxHold).isPositive()) {
                        rapid.put(n.address(), in);
                        rapidOut.put(n.address(), o);
                    }
                    break;
                }
            }
        }
        Map<Address, TraceResult.Node> nodes = new HashMap<>();
        r.nodes().forEach(n -> nodes.put(n.address(), n));
        List<Flag> out = new ArrayList<>();
        for (Map.Entry<Address, Transfer> e : rapid.entrySet()) {
            int chain = 1;
            TraceResult.Node n = nodes.get(e.getKey());
            while (n != null && n.reachedBy().isPresent() && rapid.containsKey(n.reachedBy().get().from())) {
                chain++;
                n = nodes.get(n.reachedBy().get().from());
            }
            Transfer in = e.getValue();
            Transfer o = rapidOut.get(e.getKey());
            String held = EqualSplitDetector.human(Duration.between(in.time(), o.time()));
            out.add(DetectionContext.flag("rapid-pass-through", name(), e.getKey(), "pass-through<=" + maxHold.toMinutes() + "min",
                    chain >= 2 ? 80 : 60, "stolen funds left " + held + " after arriving"
                            + (chain >= 2 ? "; hop " + chain + " of a chain of rapid hops" : ""), List.of(in, o)));
        }
        return out;
    }
}
