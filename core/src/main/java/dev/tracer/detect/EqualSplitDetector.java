package dev.tracer.detect;

import dev.tracer.graph.TransferGraph;
import dev.tracer.model.Amount;
import dev.tracer.model.Flag;
import dev.tracer.model.Transfer;
import dev.tracer.trace.TraceResult;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Equal-lot split (fan-out): one address sends at least {@code minLots} transfers of exactly the
 * same amount of one asset to as many distinct receivers within {@code window}.
 *
 * <p>Source: the "peeling into equal lots" step documented in exchange-theft laundering, e.g. the
 * Bybit 2025 exploiter's 40 × 10,000 ETH (FBI PSA I-022625-PSA; the chain data bundled here), and
 * fan-out patterns in Weber et al., "Anti-Money Laundering in Bitcoin" (KDD 2019 workshop).
 * Rule {@code equal-lots}: count the largest run of same-asset, same-amount outflows whose time span
 * fits the window; receivers that had received nothing earlier in the data are counted as fresh.
 * Cost: O(d log d) per followed address of out-degree d.
 *
 * <p>Known false positives: payroll, airdrops and exchange withdrawals batches of round amounts;
 * the label of the sender (an exchange) tells them apart. Known false negatives: lots that differ
 * by a little on purpose (randomised amounts).
 */
public final class EqualSplitDetector implements Detector {
    private final int minLots;
    private final Duration window;

    public EqualSplitDetector(int minLots, Duration window) {
        if (minLots < 2) {
            throw new IllegalArgumentException("minLots must be at least 2");
        }
        this.minLots = minLots;
        this.window = window;
    }

    @Override
    public String name() {
        return "EqualSplitDetector";
    }

    @Override
    public List<Flag> detect(DetectionContext ctx) {
        TransferGraph g = ctx.data().graph();
        List<Flag> out = new ArrayList<>();
        for (TraceResult.Node n : ctx.followed()) {
            int a = g.idOf(n.address()).orElseThrow();
            Map<String, List<Integer>> groups = new TreeMap<>();
            for (int k = 0; k < g.outDegree(a); k++) {
                int e = g.outEdge(a, k);
                if (!g.isZeroAmount(e) && ctx.genuine().test(g.assetOf(e)) && g.to(e) != a) {
                    groups.computeIfAbsent(g.assetOf(e).id() + "|" + g.amount(e), x -> new ArrayList<>()).add(e);
                }
            }
            for (List<Integer> lots : groups.values()) {
                if (lots.size() < minLots) {
                    continue;
                }
                List<Integer> run = longestRun(g, lots);
                Set<Integer> receivers = new HashSet<>();
                int fresh = 0;
                List<Transfer> evidence = new ArrayList<>();
                for (int e : run) {
                    if (receivers.add(g.to(e)) && firstInflow(g, g.to(e)) == e) {
                        fresh++;
                    }
                    evidence.add(g.transfer(e));
                }
                if (receivers.size() < minLots) {
                    continue;
                }
                Transfer first = evidence.get(0);
                BigInteger total = first.amount().multiply(BigInteger.valueOf(run.size()));
                String summary = String.format("%d × %s to %d receivers (%d fresh) within %s, %s in all",
                        run.size(), first.value(), receivers.size(), fresh,
                        human(Duration.between(first.time(), evidence.get(evidence.size() - 1).time())),
                        Amount.of(first.asset(), total));
                out.add(DetectionContext.flag("equal-split", name(), n.address(), "equal-lots:" + run.size() + "x",
                        run.size() >= 10 ? 90 : 75, summary, evidence));
            }
        }
        return out;
    }

    /** The largest set of lots (in chain order) whose time span fits the window. */
    private List<Integer> longestRun(TransferGraph g, List<Integer> lots) {
        int bestFrom = 0;
        int bestTo = 0;
        int from = 0;
        for (int to = 0; to < lots.size(); to++) {
            while (g.epochSecond(lots.get(to)) - g.epochSecond(lots.get(from)) > window.toSeconds()) {
                from++;
            }
            if (to - from > bestTo - bestFrom) {
                bestFrom = from;
                bestTo = to;
            }
        }
        return lots.subList(bestFrom, bestTo + 1);
    }

    private static int firstInflow(TransferGraph g, int a) {
        return g.inDegree(a) == 0 ? -1 : g.inEdge(a, 0);
    }

    static String human(Duration d) {
        long s = d.toSeconds();
        if (s < 120) {
            return s + " s";
        }
        if (s < 7200) {
            return (s / 60) + " min";
        }
        return (s / 3600) + " h";
    }
}
