package dev.tracer.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracer.assets.AssetRegistry;
import dev.tracer.assets.FakeTokenClassifier;
import dev.tracer.detect.DexSwapContinuity;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A swap in one transaction (USDT to a DEX, ETH back by an internal call): the ETH carries the
 * USDT's tainted fraction, whichever of the two transfers comes first in the transaction.
 */
class SameTxSwapTest {
    static final Chain ETH = Chain.ETHEREUM;
    static final AssetRegistry REGISTRY = AssetRegistry.bundled();
    static final Asset NATIVE = Asset.nativeOf(ETH);
    static final Asset USDT = REGISTRY.token(Address.parse(ETH, "0xdac17f958d2ee523a2206206994597c13d831ec7")).orElseThrow();
    static final BigInteger ETHER = BigInteger.TEN.pow(18);
    static final BigInteger DOLLAR = BigInteger.TEN.pow(6);

    static Address a(int i) {
        return Address.parse(ETH, String.format("0x%040x", 0xb000 + i));
    }

    static TxHash tx(int i) {
        return TxHash.parse(ETH, String.format("%064x", i));
    }

    static Transfer t(int tx, int pos, int from, int to, Asset asset, BigInteger amount, long block, TransferKind kind) {
        return new Transfer(ETH, tx(tx), 0, pos, a(from), a(to), asset, amount, block, Instant.ofEpochSecond(1_700_000_000L + block * 12), kind);
    }

    /** a0 (seed) → 1,000 USDT → a1; a9 → 1,000 clean USDT → a1; a1 swaps 2,000 USDT at DEX a5 for 4 ETH; a1 → 4 ETH → a2. */
    static TraceResult trace(boolean ethFirst, boolean swaps) {
        List<Transfer> ts = new ArrayList<>();
        ts.add(t(1, 1, 9, 1, USDT, DOLLAR.multiply(BigInteger.valueOf(1000)), 10, TransferKind.TOKEN));
        ts.add(t(2, 1, 0, 1, USDT, DOLLAR.multiply(BigInteger.valueOf(1000)), 11, TransferKind.TOKEN));
        ts.add(t(3, 0, 1, 5, NATIVE, BigInteger.ZERO, 12, TransferKind.NATIVE)); // the call to the DEX
        ts.add(t(3, ethFirst ? 5 : 1, 1, 5, USDT, DOLLAR.multiply(BigInteger.valueOf(2000)), 12, TransferKind.TOKEN));
        ts.add(t(3, ethFirst ? 1 : 1_000_000, 5, 1, NATIVE, ETHER.multiply(BigInteger.valueOf(4)), 12, TransferKind.INTERNAL));
        ts.add(t(4, 0, 1, 2, NATIVE, ETHER.multiply(BigInteger.valueOf(4)), 13, TransferKind.NATIVE));
        TreeSet<Address> covered = new TreeSet<>(List.of(a(0), a(1), a(5)));
        Dataset d = new Dataset(ETH, Coverage.outflowsOf(ETH, new BlockRange(1, 100), covered),
                TransferGraph.builder().addAll(ts).build(), "hand-built");
        LabelStore labels = LabelStore.empty().with(List.of(new Label(a(5), "Some DEX", Category.DEX, "test", 90)));
        Tracer.Builder b = Tracer.builder().dataset(d).labels(labels).classifier(new FakeTokenClassifier(REGISTRY))
                .model(TaintModel.named("haircut")).policy(TracePolicy.builder().build());
        if (swaps) {
            b.swaps(new DexSwapContinuity(REGISTRY, labels, Duration.ofHours(24)));
        }
        return b.build().trace(List.of(Seed.address(a(0))), Direction.FORWARD);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void theProceedsCarryTheTaintedFractionInEitherOrder(boolean ethFirst) {
        TraceResult r = trace(ethFirst, true);
        assertThat(r.conversions()).singleElement().satisfies(c -> {
            assertThat(c.inferred()).isFalse();
            assertThat(c.rules()).containsExactly("same-tx", "labelled-dex");
            assertThat(c.address()).isEqualTo(a(1));
            assertThat(c.fromAssets()).containsExactly(USDT);
            assertThat(c.toAsset()).isEqualTo(NATIVE);
            assertThat(c.beforeTx()).isEqualTo(tx(3));
            assertThat(c.amount()).isEqualTo(ETHER.multiply(BigInteger.valueOf(4)));
            assertThat(c.taintCarried()).isEqualTo(ETHER.multiply(BigInteger.TWO)); // half the USDT was stolen
        });
        Map<Asset, BigInteger> ends = r.endpointTotals();
        assertThat(ends.get(NATIVE)).isEqualTo(ETHER.multiply(BigInteger.TWO));
        assertThat(ends.get(USDT)).isEqualTo(DOLLAR.multiply(BigInteger.valueOf(1000)));
        // seeds + swaps = endpoints, per asset
        for (Asset as : List.of(NATIVE, USDT)) {
            assertThat(ends.get(as)).isEqualTo(r.tracedAmount(as));
        }
        assertThat(r.endpoints()).anySatisfy(e -> {
            assertThat(e.address()).isEqualTo(a(5));
            assertThat(e.kind()).isEqualTo(EndpointKind.SWAPPED);
            assertThat(e.amount().value()).isEqualTo(DOLLAR.multiply(BigInteger.valueOf(1000)));
        });
        assertThat(r.endpoints()).anySatisfy(e -> {
            assertThat(e.address()).isEqualTo(a(2));
            assertThat(e.amount().asset()).isEqualTo(NATIVE);
        });
        assertThat(r.transfers()).anySatisfy(x -> {
            assertThat(x.transfer().from()).isEqualTo(a(5));
            assertThat(x.tainted()).isEqualTo(ETHER.multiply(BigInteger.TWO));
        });
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void withoutTheSwapRuleTheProceedsAreClean(boolean ethFirst) {
        TraceResult r = trace(ethFirst, false);
        assertThat(r.conversions()).isEmpty();
        assertThat(r.endpointTotals()).doesNotContainKey(NATIVE);
        assertThat(r.endpoints()).anySatisfy(e -> {
            assertThat(e.address()).isEqualTo(a(5));
            assertThat(e.kind()).isEqualTo(EndpointKind.STOPPED); // a DEX is a stop by default
        });
    }
}
