package dev.tracer.bench;

import dev.tracer.assets.AssetRegistry;
import dev.tracer.assets.FakeTokenClassifier;
import dev.tracer.graph.TransferGraph;
import dev.tracer.label.LabelStore;
import dev.tracer.model.TransferKind;
import dev.tracer.source.Dataset;
import dev.tracer.source.etl.EtlCsvReader;
import dev.tracer.trace.Direction;
import dev.tracer.trace.Seed;
import dev.tracer.trace.TaintModel;
import dev.tracer.trace.TracePolicy;
import dev.tracer.trace.Tracer;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;

/**
 * One build's side of {@link SideBySide}: {@code SideBySide} defines this class's bytes afresh in
 * each build's class loader, so it runs against that build's engine. It must therefore use only
 * public API that every build compared has (the reader, the tracer's builder, {@code stats()}),
 * and nothing else of this package. Benchmark's trace section draws its starts here too, so both
 * time the same traces.
 */
public final class SideBySideRunner {
    private final Dataset dataset;
    private final TransferGraph g;
    private final LabelStore labels;
    private final FakeTokenClassifier classifier;
    private final int[] starts;
    private Tracer tracer;

    /** Ingests the ethereum-etl directory {@code dir} and draws {@code starts} start addresses with {@code seed}. */
    public SideBySideRunner(String dir, long seed, int starts) {
        Path d = Path.of(dir);
        AssetRegistry registry = AssetRegistry.bundled();
        this.labels = LabelStore.empty().withCsv(d.resolve("labels.csv"));
        this.dataset = new EtlCsvReader(registry).read(d);
        this.g = dataset.graph();
        this.classifier = new FakeTokenClassifier(registry);
        this.starts = startAddresses(g, labels, seed, starts).stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * {@code n} distinct start addresses, drawn uniformly with {@code seed} among the unlabelled
     * addresses that sent a non-zero amount of the native asset.
     */
    public static List<Integer> startAddresses(TransferGraph g, LabelStore labels, long seed, int n) {
        Random rnd = new Random(seed ^ 0x5EED_57A2L);
        LinkedHashSet<Integer> out = new LinkedHashSet<>();
        int tries = 0;
        while (out.size() < n && tries++ < 1_000_000) {
            int a = rnd.nextInt(g.addressCount());
            boolean sentEth = false;
            for (int k = 0; k < g.outDegree(a) && !sentEth; k++) {
                int e = g.outEdge(a, k);
                sentEth = g.kind(e) == TransferKind.NATIVE && !g.isZeroAmount(e);
            }
            if (sentEth && labels.best(g.address(a)).isEmpty()) {
                out.add(a);
            }
        }
        return List.copyOf(out);
    }

    public int starts() {
        return starts.length;
    }

    /** A new tracer for {@code model} and {@code hops}: its hub summaries are shared by the traces until the next call, as in the bench. */
    public void configure(String model, int hops) {
        tracer = Tracer.builder().dataset(dataset).labels(labels).classifier(classifier).model(TaintModel.named(model))
                .policy(TracePolicy.builder().maxHops(hops).build()).build();
    }

    /** The forward trace from start {@code i}: the edges it visited. */
    public long trace(int i) {
        return tracer.trace(List.of(Seed.address(g.address(starts[i]))), Direction.FORWARD).stats().edgesScanned();
    }
}
