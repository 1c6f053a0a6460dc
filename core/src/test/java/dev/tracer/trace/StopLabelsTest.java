package dev.tracer.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracer.assets.AssetRegistry;
import dev.tracer.assets.FakeTokenClassifier;
import dev.tracer.graph.TransferGraph;
import dev.tracer.label.Category;
import dev.tracer.label.Label;
import dev.tracer.label.LabelStore;
import dev.tracer.model.Address;
import dev.tracer.model.Asset;
import dev.tracer.model.BlockRange;
import dev.tracer.model.Chain;
import dev.tracer.model.Coverage;
import dev.tracer.model.Transfer;
import dev.tracer.model.TransferKind;
import dev.tracer.model.TxHash;
import dev.tracer.source.Dataset;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Regression: a stop category counts when any confident label has it, not only the best one. */
class StopLabelsTest {
    static final Chain ETH = Chain.ETHEREUM;

    static Address a(int i) {
        return Address.parse(ETH, String.format("0x%040x", 0xb000 + i));
    }

    static TraceResult trace(LabelStore labels) {
        List<Transfer> ts = List.of(
                new Transfer(ETH, TxHash.parse(ETH, "%064x".formatted(1)), 0, 0, a(0), a(1), Asset.nativeOf(ETH),
                        BigInteger.TEN, 1, Instant.ofEpochSecond(1_700_000_000L), TransferKind.NATIVE),
                new Transfer(ETH, TxHash.parse(ETH, "%064x".formatted(2)), 0, 0, a(1), a(2), Asset.nativeOf(ETH),
                        BigInteger.TEN, 2, Instant.ofEpochSecond(1_700_000_012L), TransferKind.NATIVE));
        Dataset d = new Dataset(ETH, Coverage.outflowsOf(ETH, new BlockRange(1, 2), new TreeSet<>(List.of(a(0), a(1)))),
                TransferGraph.builder().addAll(ts).build(), "hand-built");
        return Tracer.builder().dataset(d).labels(labels).classifier(new FakeTokenClassifier(AssetRegistry.bundled()))
                .model(new HaircutTaint()).build().trace(List.of(Seed.address(a(0))), Direction.FORWARD);
    }

    @Test
    void anExchangeAlsoLabelledSanctionedIsStillAStop() {
        LabelStore labels = LabelStore.empty().with(List.of(
                new Label(a(1), "Some exchange", Category.EXCHANGE, "pack A", 50),
                new Label(a(1), "OFAC SDN", Category.SANCTIONED, "pack B", 60)));
        assertThat(labels.best(a(1)).orElseThrow().category()).isEqualTo(Category.SANCTIONED);
        TraceResult r = trace(labels);
        assertThat(r.node(a(1)).orElseThrow().endpoint()).contains(EndpointKind.STOPPED);
        assertThat(r.node(a(2))).isEmpty();
    }

    @Test
    void aLowConfidenceStopLabelDoesNotEndTheTrace() {
        TraceResult r = trace(LabelStore.empty().with(List.of(new Label(a(1), "maybe an exchange", Category.EXCHANGE, "guess", 20))));
        assertThat(r.node(a(1)).orElseThrow().role()).isEqualTo(TraceResult.Role.FOLLOWED);
        assertThat(r.node(a(2))).isPresent();
    }
}
