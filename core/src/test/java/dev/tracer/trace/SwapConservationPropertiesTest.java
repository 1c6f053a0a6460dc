package dev.tracer.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracer.detect.DexSwapContinuity;
import dev.tracer.graph.TransferGraph;
import dev.tracer.label.Category;
import dev.tracer.label.Label;
import dev.tracer.label.LabelStore;
import dev.tracer.model.Address;
import dev.tracer.model.Asset;
import dev.tracer.model.BlockRange;
import dev.tracer.model.Coverage;
import dev.tracer.model.Transfer;
import dev.tracer.model.TransferKind;
import dev.tracer.source.Dataset;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Conservation with the swap rule set: on the random datasets of
 * {@link TaintConservationPropertiesTest}, one address is a labelled DEX, about half the
 * transfers of non-seed addresses become stETH sold to it, and each gets ETH back in the same transaction (before or after the token, by the
 * transfer's parity). For haircut and FIFO, per asset: what the seeds introduced plus what swaps
 * carried in equals the sum of the endpoints.
 */
class SwapConservationPropertiesTest {

    @Provide
    Arbitrary<TaintConservationPropertiesTest.Spec> forward() {
        return TaintConservationPropertiesTest.specs(false, false, false);
    }

    static int dex(TaintConservationPropertiesTest.Spec s) {
        return s.seed() == s.n() - 1 ? 0 : s.n() - 1;
    }

    static Dataset dataset(TaintConservationPropertiesTest.Spec s) {
        int dex = dex(s);
        List<Transfer> ts = new ArrayList<>();
        for (Transfer t : TaintConservationPropertiesTest.transfers(s)) {
            Address dexAddress = TaintConservationPropertiesTest.address(dex);
            // about half the transfers of anyone but the seed become stETH sold to the DEX
            boolean swap = !t.from().equals(dexAddress) && !t.from().equals(TaintConservationPropertiesTest.address(s.seed()))
                    && !t.asset().equals(TaintConservationPropertiesTest.FAKE) && t.amount().signum() > 0
                    && (t.to().equals(dexAddress) || t.amount().testBit(1));
            boolean ethFirst = swap && t.amount().testBit(0);
            ts.add(new Transfer(t.chain(), t.tx(), t.txIndex(), ethFirst ? 2 : 1, t.from(), swap ? dexAddress : t.to(),
                    swap ? TaintConservationPropertiesTest.STETH : t.asset(), t.amount(), t.block(), t.time(),
                    swap ? TransferKind.TOKEN : t.kind()));
            if (swap) {
                ts.add(new Transfer(t.chain(), t.tx(), t.txIndex(), ethFirst ? 1 : 1_000_000, dexAddress, t.from(),
                        TaintConservationPropertiesTest.ETH, t.amount().multiply(BigInteger.valueOf(3)).divide(BigInteger.TWO).add(BigInteger.ONE),
                        t.block(), t.time(), TransferKind.INTERNAL));
            }
        }
        TreeSet<Address> out = new TreeSet<>();
        TreeSet<Address> in = new TreeSet<>();
        for (int i = 0; i < s.n(); i++) {
            if (s.outComplete().get(i)) {
                out.add(TaintConservationPropertiesTest.address(i));
            }
            if (s.inComplete().get(i)) {
                in.add(TaintConservationPropertiesTest.address(i));
            }
        }
        long last = TaintConservationPropertiesTest.blockOf(s, s.txs().size() - 1);
        return new Dataset(TaintConservationPropertiesTest.CHAIN, new Coverage(TaintConservationPropertiesTest.CHAIN,
                new BlockRange(0, last), false, out, in), TransferGraph.builder().addAll(ts).build(), "generated with swaps");
    }

    @Property(tries = 300)
    void seedsPlusSwapsEqualEndpoints(@ForAll("forward") TaintConservationPropertiesTest.Spec s) {
        Dataset d = dataset(s);
        LabelStore labels = LabelStore.empty().with(List.of(new Label(TaintConservationPropertiesTest.address(dex(s)), "DEX",
                Category.DEX, "test", 90)));
        for (TaintModel model : List.of(new HaircutTaint(), new FifoTaint())) {
            TraceResult r = Tracer.builder().dataset(d).labels(labels).classifier(TaintConservationPropertiesTest.CLASSIFIER)
                    .model(model).policy(TaintConservationPropertiesTest.policy(s))
                    .swaps(new DexSwapContinuity(TaintConservationPropertiesTest.REGISTRY, labels, Duration.ofHours(24))).build()
                    .trace(List.of(Seed.address(TaintConservationPropertiesTest.address(s.seed()))), Direction.FORWARD);
            Map<Asset, BigInteger> ends = r.endpointTotals();
            Set<Asset> assets = new TreeSet<>(ends.keySet());
            assets.addAll(r.seedAmounts().keySet());
            assets.addAll(r.convertedIn().keySet());
            for (Asset a : assets) {
                assertThat(ends.getOrDefault(a, BigInteger.ZERO)).as("%s: %s at endpoints vs seeds + swaps", model.name(), a)
                        .isEqualTo(r.tracedAmount(a));
            }
            for (TraceResult.Endpoint e : r.endpoints()) {
                assertThat(e.amount().value()).as("%s: endpoint %s", model.name(), e).isPositive();
            }
            if (model instanceof HaircutTaint) {
                Statistics.label("same-tx conversion").collect(r.conversions().stream().anyMatch(c -> !c.inferred()));
                Statistics.label("same-tx, ETH first").collect(r.conversions().stream().anyMatch(c -> !c.inferred()
                        && java.util.Arrays.stream(d.graph().edgesOf(c.beforeTx())).anyMatch(e -> d.graph().kind(e) == TransferKind.INTERNAL
                                && d.graph().position(e) == 1)));
            }
        }
        Statistics.label("same-tx conversion").coverage(c -> c.check(true).percentage(p -> p > 5));
        Statistics.label("same-tx, ETH first").coverage(c -> c.check(true).percentage(p -> p > 1));
    }
}
