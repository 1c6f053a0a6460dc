package dev.tracer.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracer.assets.AssetRegistry;
import dev.tracer.assets.FakeTokenClassifier;
import dev.tracer.detect.KnownContracts;
import dev.tracer.graph.TransferGraph;
import dev.tracer.incident.Incident;
import dev.tracer.incident.IncidentCatalog;
import dev.tracer.incident.IncidentTracer;
import dev.tracer.label.Category;
import dev.tracer.label.LabelPacks;
import dev.tracer.label.LabelStore;
import dev.tracer.model.Chain;
import dev.tracer.source.Dataset;
import dev.tracer.source.etl.EtlCsvReader;
import dev.tracer.testing.SharedData;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The engine against the naive oracle {@link GlobalReplay} on real data: the bundled Bybit theft
 * (Ethereum blocks 21,895,238 to 22,210,000 and after, the outflows of five theft addresses;
 * several transfers per transaction, tokens, internal calls), from the incident's seed, with the
 * bundled label packs and the known contracts as stops. Swap continuity is off: the oracle knows
 * the data's transfers only, and a swap is inferred from what the data lacks. Every model, both
 * directions; every address's stolen value received, sent and held, and every endpoint, must
 * equal the oracle's to the base unit.
 */
class GlobalReplayOnIncidentDataTest {
    static final AssetRegistry REGISTRY = AssetRegistry.bundled();
    static final Incident BYBIT = IncidentCatalog.read(SharedData.fixtures().resolve("incidents")).get("bybit-2025");
    static final Dataset DATA = IncidentTracer.bundledData(BYBIT, new EtlCsvReader(REGISTRY));
    static final LabelStore LABELS = KnownContracts.addTo(
            LabelPacks.read(SharedData.fixtures().resolve("labels")).load(Chain.ETHEREUM), REGISTRY);

    @ParameterizedTest(name = "{0}, {1} hops, {2}")
    @CsvSource({
        "haircut, 5, forward", "fifo, 5, forward", "poison, 5, forward",
        "haircut, 2, forward", "haircut, 5, backward", "fifo, 5, backward", "poison, 5, backward"})
    void theIncidentTraceIsTheGlobalReplay(String model, int hops, String direction) {
        TransferGraph g = DATA.graph();
        boolean forward = direction.equals("forward");
        FakeTokenClassifier classifier = new FakeTokenClassifier(REGISTRY);
        Set<Category> stopAt = TracePolicy.builder().build().stopAt();
        List<GlobalReplay.Move> moves = GlobalReplay.moves(g, forward, classifier);
        Set<Integer> seeds = new TreeSet<>();
        BYBIT.seeds().forEach(s -> seeds.add(g.idOf(s.address()).orElseThrow()));
        GlobalReplay.Reach reach = GlobalReplay.reach(moves, seeds,
                a -> LABELS.labels(g.address(a)).stream().anyMatch(l -> l.confidence() >= 50 && stopAt.contains(l.category())),
                a -> forward ? DATA.coverage().outflowsComplete(g.address(a)) : DATA.coverage().inflowsComplete(g.address(a)),
                hops, TracePolicy.DEFAULT_FAN_OUT_CAP);
        GlobalReplay.Found want = GlobalReplay.replay(moves, seeds, reach, false, model);
        TraceResult t = Tracer.builder().dataset(DATA).labels(LABELS).classifier(classifier).model(TaintModel.named(model))
                .policy(TracePolicy.builder().maxHops(hops).build()).build()
                .trace(IncidentTracer.seeds(BYBIT), forward ? Direction.FORWARD : Direction.BACKWARD);
        GlobalReplay.assertMatches(model + " " + direction, t, want, a -> g.idOf(a).orElseThrow(),
                a -> GlobalReplayOnBenchDataTest.assetId(g, a));
        // a real trace: many addresses reached and taint at several kinds of endpoint
        assertThat(want.holdings().size()).as("holdings the oracle found taint in").isGreaterThan(forward ? 40 : 1);
        if (forward) {
            assertThat(t.endpoints()).extracting(TraceResult.Endpoint::kind).contains(EndpointKind.FRONTIER);
        }
    }
}
