package dev.tracer.trace;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracer.assets.AssetRegistry;
import dev.tracer.assets.FakeTokenClassifier;
import dev.tracer.graph.TransferGraph;
import dev.tracer.label.LabelStore;
import dev.tracer.model.Address;
import dev.tracer.model.BlockRange;
import dev.tracer.model.Chain;
import dev.tracer.model.Coverage;
import dev.tracer.model.InvalidInputException;
import dev.tracer.source.Dataset;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Regression: a seed on another chain than the data (a batch seed file's row with chain 137 over
 * Ethereum mainnet data, or a Bitcoin address) was reported as "has no transfers in the data",
 * which sends an investigator looking for missing data rather than at the chain column.
 */
class SeedChainTest {
    @Test
    void aSeedOnAnotherChainIsNamedAsSuch() {
        Address s = TaintBeforeArrivalTest.S;
        Address r = TaintBeforeArrivalTest.R;
        TreeSet<Address> all = new TreeSet<>(List.of(s, r));
        Chain eth = Chain.ETHEREUM;
        Dataset d = new Dataset(eth, new Coverage(eth, new BlockRange(10, 10), false, all, all),
                TransferGraph.builder().addAll(List.of(TaintBeforeArrivalTest.eth(1, 10, s, r, 500))).build(), "hand-built");
        Tracer t = Tracer.builder().dataset(d).labels(LabelStore.empty()).classifier(new FakeTokenClassifier(AssetRegistry.bundled()))
                .model(new HaircutTaint()).policy(TracePolicy.builder().build()).build();
        Address polygon = Address.parse(Chain.parse("137"), s.value());
        assertThatThrownBy(() -> t.trace(List.of(Seed.address(polygon)), Direction.FORWARD))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("seed " + polygon + " is an address on chain evm-137, but the data is on chain ethereum (hand-built)");
        Address satoshi = Address.parse(Chain.BITCOIN, "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa");
        assertThatThrownBy(() -> t.trace(List.of(Seed.address(satoshi)), Direction.FORWARD))
                .hasMessageStartingWith("seed 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa is an address on chain bitcoin");
    }
}
