package dev.tracer.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracer.assets.AssetRegistry;
import dev.tracer.assets.FakeTokenClassifier;
import dev.tracer.bench.SideBySideRunner;
import dev.tracer.bench.TransferDataGenerator;
import dev.tracer.graph.TransferGraph;
import dev.tracer.label.Category;
import dev.tracer.label.Label;
import dev.tracer.label.LabelStore;
import dev.tracer.source.Dataset;
import dev.tracer.source.etl.EtlCsvReader;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The engine against the naive oracle {@link GlobalReplay} on the benchmark's generated data
 * (40,000 transfers, seed 7: exchange hot wallets and DEX routers touching a large share of the
 * transfers, equal-lot splits, consolidations, genuine and imitation tokens). Unlike the small
 * random datasets, its traces reach hubs of thousands of transfers, whose histories one
 * {@code Tracer} summarises once and reuses across traces ({@link HubMemo}), and reach enough
 * addresses to put part of the work on a second thread ({@link Tracer#SIDE_FROM}). Twelve starts
 * per model, direction, hop limit and minimum amount, traced one after another by one {@code Tracer}; every
 * address's stolen value received, sent and held, and every endpoint, must equal the oracle's to
 * the base unit.
 */
class GlobalReplayOnBenchDataTest {
    static final int STARTS = 12;

    @TempDir
    static Path dir;
    static Dataset data;
    static LabelStore labels;
    static IntPredicate stop;

    @BeforeAll
    static void generate() {
        new TransferDataGenerator(40_000, 7).write(dir);
        data = new EtlCsvReader(AssetRegistry.bundled()).read(dir);
        labels = LabelStore.empty().withCsv(dir.resolve("labels.csv"));
        TransferGraph g = data.graph();
        Set<Category> stopAt = TracePolicy.builder().build().stopAt();
        boolean[] stops = new boolean[g.addressCount()];
        for (int a = 0; a < stops.length; a++) {
            for (Label l : labels.labels(g.address(a))) {
                stops[a] |= l.confidence() >= 50 && stopAt.contains(l.category());
            }
        }
        stop = a -> stops[a];
    }

    @ParameterizedTest(name = "{0}, {1} hops, {2}, minimum {3}")
    @CsvSource({
        "haircut, 4, forward, 0", "haircut, 6, forward, 0", "haircut, 4, backward, 0", "haircut, 6, forward, 0.05",
        "fifo, 4, forward, 0", "fifo, 6, forward, 0", "fifo, 4, backward, 0", "fifo, 4, forward, 0.05",
        "poison, 4, forward, 0", "poison, 6, forward, 0", "poison, 4, backward, 0", "poison, 4, backward, 0.05"})
    void everyTraceIsTheGlobalReplay(String model, int hops, String direction, java.math.BigDecimal minimum) {
        TransferGraph g = data.graph();
        boolean forward = direction.equals("forward");
        List<GlobalReplay.Move> moves = GlobalReplay.moves(g, forward, new FakeTokenClassifier(AssetRegistry.bundled()));
        BigInteger[] minBase = new BigInteger[g.assetCount()]; // whole units of each asset, in its base units
        for (int i = 0; i < minBase.length; i++) {
            minBase[i] = minimum.movePointRight(g.asset(i).decimals()).setScale(0, java.math.RoundingMode.CEILING)
                    .toBigIntegerExact();
        }
        Tracer tracer = Tracer.builder().dataset(data).labels(labels).classifier(new FakeTokenClassifier(AssetRegistry.bundled()))
                .model(TaintModel.named(model)).policy(TracePolicy.builder().maxHops(hops).minAmount(minimum).build()).build();
        int reachedHubs = 0;
        int largest = 0;
        int belowMinimum = 0;
        for (int start : SideBySideRunner.startAddresses(g, labels, 7, STARTS)) {
            Set<Integer> seeds = Set.of(start);
            GlobalReplay.Reach reach = GlobalReplay.reach(moves, seeds, a -> false, a -> false, stop, a -> true,
                    m -> m.amount().compareTo(minBase[m.asset()]) >= 0, hops, TracePolicy.DEFAULT_FAN_OUT_CAP);
            GlobalReplay.Found want = GlobalReplay.replay(moves, seeds, reach, false, model);
            TraceResult t = tracer.trace(List.of(Seed.address(g.address(start))), forward ? Direction.FORWARD : Direction.BACKWARD);
            GlobalReplay.assertMatches(model + " from " + g.address(start), t, want,
                    a -> g.idOf(a).orElseThrow(), a -> assetId(g, a));
            largest = Math.max(largest, t.nodes().size());
            belowMinimum += (int) t.endpoints().stream().filter(e -> e.kind() == EndpointKind.BELOW_MINIMUM).count();
            for (TraceResult.Node n : t.nodes()) {
                int a = g.idOf(n.address()).orElseThrow();
                reachedHubs += n.role() == TraceResult.Role.FOLLOWED
                        && (forward ? g.outDegree(a) : g.inDegree(a)) >= HubMemo.MIN_DEGREE ? 1 : 0;
            }
        }
        // the traces must reach what the small datasets cannot: hubs that are followed, and traces
        // large enough to use the second thread
        assertThat(reachedHubs).as("followed hubs over %d traces", STARTS).isPositive();
        if (minimum.signum() > 0) {
            assertThat(belowMinimum).as("below-minimum endpoints over %d traces", STARTS).isPositive();
        }
        if (hops == 6) {
            assertThat(largest).as("largest trace's nodes").isGreaterThanOrEqualTo(Tracer.SIDE_FROM);
        }
    }

    static int assetId(TransferGraph g, dev.tracer.model.Asset a) {
        for (int i = 0; i < g.assetCount(); i++) {
            if (g.asset(i).equals(a)) {
                return i;
            }
        }
        throw new AssertionError("asset not in the graph: " + a);
    }
}
