package dev.tracer.detect;

import dev.tracer.graph.TransferGraph;
import dev.tracer.label.Category;
import dev.tracer.model.Address;
import dev.tracer.model.Flag;
import dev.tracer.model.Transfer;
import dev.tracer.trace.TraceResult;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Exchange deposit address: an address that forwards (nearly) all it receives to a labelled
 * exchange wallet within a few thousand blocks is an exchange's deposit address for one customer,
 * so stolen funds reaching it have reached that exchange (an endpoint where a subpoena starts);
 * the addresses that paid into one deposit address belong to one customer (a cluster).
 *
 * <p>Rule {@code deposit:forward>=P%}: of the value the address received in the data, at least
 * {@code minShare} percent went to exchange-labelled addresses within {@code maxBlocks} blocks
 * of each inflow. Source: Victor, "Address Clustering Heuristics for Ethereum" (Financial Cryptography
 * 2020), the deposit-address heuristic. Cost: O(d) per reached address.
 *
 * <p>Known false positives: a user's own wallet swept to their exchange account in one go; it is
 * still the customer's path to the exchange. Needs the address's outflows in the data.
 */
public final class ExchangeDepositDetector implements Detector {
    private final int minSharePercent;
    private final long maxBlocks;

    public ExchangeDepositDetector(int minSharePercent, long maxBlocks) {
        this.minSharePercent = minSharePercent;
        this.maxBlocks = maxBlocks;
    }

    @Override
    public String name() {
        return "ExchangeDepositDetector";
    }

    @Override
    public List<Flag> detect(DetectionContext ctx) {
        TransferGraph g = ctx.data().graph();
        List<Flag> out = new ArrayList<>();
        for (TraceResult.Node n : ctx.result().nodes()) {
            if (n.received().isEmpty() || ctx.category(n.address()).orElse(null) == Category.EXCHANGE) {
                continue;
            }
            int a = g.idOf(n.address()).orElseThrow();
            BigInteger in = BigInteger.ZERO;
            long firstIn = Long.MAX_VALUE;
            Set<Address> depositors = new TreeSet<>();
            for (int k = 0; k < g.inDegree(a); k++) {
                int e = g.inEdge(a, k);
                if (!g.isZeroAmount(e) && ctx.genuine().test(g.assetOf(e))) {
                    in = in.add(g.amount(e));
                    firstIn = Math.min(firstIn, g.block(e));
                    depositors.add(g.address(g.from(e)));
                }
            }
            if (in.signum() == 0) {
                continue;
            }
            BigInteger forwarded = BigInteger.ZERO;
            List<Transfer> evidence = new ArrayList<>();
            Set<String> exchanges = new TreeSet<>();
            for (int k = 0; k < g.outDegree(a); k++) {
                int e = g.outEdge(a, k);
                Address to = g.address(g.to(e));
                if (!g.isZeroAmount(e) && ctx.genuine().test(g.assetOf(e)) && g.block(e) - firstIn <= maxBlocks
                        && ctx.category(to).orElse(null) == Category.EXCHANGE) {
                    forwarded = forwarded.add(g.amount(e));
                    evidence.add(g.transfer(e));
                    exchanges.add(ctx.name(to));
                }
            }
            if (evidence.isEmpty() || forwarded.multiply(BigInteger.valueOf(100)).compareTo(in.multiply(BigInteger.valueOf(minSharePercent))) < 0) {
                continue;
            }
            out.add(DetectionContext.flag("exchange-deposit", name(), n.address(), "deposit:forward>=" + minSharePercent + "%", 80,
                    "forwards " + forwarded.multiply(BigInteger.valueOf(100)).divide(in) + "% of what it received to "
                            + String.join(", ", exchanges) + " within " + maxBlocks + " blocks: a deposit address of one customer;"
                            + " depositors clustered: " + depositors.size(), evidence));
        }
        return out;
    }
}
