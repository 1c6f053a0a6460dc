package dev.tracer.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracer.assets.AssetRegistry;
import dev.tracer.assets.FakeTokenClassifier;
import dev.tracer.graph.TransferGraph;
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
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Taint can reach a followed address before the transfer that made pass 1 follow it: by a
 * transfer below the policy's minimum, which pass 1 does not follow. Pass 2 gathers each followed
 * address's transfers from its pass-1 arrival on, so the transfers in between must be merged in
 * when the earlier taint arrives. Hand-built, with a minimum of 1 ETH:
 * <pre>
 *  block 10: S → R 0.5 ETH  (below the minimum: taint reaches R, pass 1 does not)
 *  block 11: R → X 0.4 ETH  (between the two: not among the transfers gathered for R)
 *  block 12: S → R 2 ETH    (R's pass-1 arrival)
 *  block 13: R → Y 1 ETH
 * </pre>
 * R holds 0.1 + 2 − 1 = 1.1 ETH; without R's earlier transfers it would hold 1.5, X would not be
 * reached and the trace would not conserve the 2.5 ETH S sent.
 */
class TaintBeforeArrivalTest {
    static final Chain CHAIN = Chain.ETHEREUM;
    static final BigInteger MILLI = BigInteger.TEN.pow(15); // 0.001 ETH in wei
    static final Address S = address(1);
    static final Address R = address(2);
    static final Address X = address(3);
    static final Address Y = address(4);

    static Address address(int i) {
        return Address.parse(CHAIN, String.format("0x%040x", 0xABC0_0000L + i));
    }

    static Transfer eth(int tx, long block, Address from, Address to, long milli) {
        return new Transfer(CHAIN, TxHash.parse(CHAIN, String.format("%064x", 0xE00 + tx)), 0, 0, from, to,
                Asset.nativeOf(CHAIN), MILLI.multiply(BigInteger.valueOf(milli)), block,
                Instant.ofEpochSecond(1_700_000_000L + 12 * block), TransferKind.NATIVE);
    }

    static TraceResult trace(TaintModel model) {
        List<Transfer> ts = List.of(eth(1, 10, S, R, 500), eth(2, 11, R, X, 400), eth(3, 12, S, R, 2_000),
                eth(4, 13, R, Y, 1_000));
        TreeSet<Address> all = new TreeSet<>(List.of(S, R, X, Y));
        Dataset d = new Dataset(CHAIN, new Coverage(CHAIN, new BlockRange(10, 13), false, all, all),
                TransferGraph.builder().addAll(ts).build(), "hand-built: taint before the pass-1 arrival");
        return Tracer.builder().dataset(d).labels(LabelStore.empty()).classifier(new FakeTokenClassifier(AssetRegistry.bundled()))
                .model(model).policy(TracePolicy.builder().minAmount(BigDecimal.ONE).build()).build()
                .trace(List.of(Seed.address(S)), Direction.FORWARD);
    }

    static BigInteger eth(long milli) {
        return MILLI.multiply(BigInteger.valueOf(milli));
    }

    @Test
    void theTransfersBetweenTheEarlyTaintAndThePassOneArrivalAreTaken() {
        for (TaintModel model : List.of(new HaircutTaint(), new PoisonTaint(), new FifoTaint())) {
            TraceResult r = trace(model);
            Asset native_ = Asset.nativeOf(CHAIN);
            TraceResult.Node nr = r.node(R).orElseThrow();
            assertThat(nr.role()).as(model.name()).isEqualTo(TraceResult.Role.FOLLOWED);
            assertThat(nr.received()).as(model.name()).isEqualTo(Map.of(native_, eth(2_500)));
            assertThat(nr.sent()).as(model.name()).isEqualTo(Map.of(native_, eth(1_400)));
            assertThat(nr.held()).as(model.name()).isEqualTo(Map.of(native_, eth(1_100)));
            TraceResult.Node nx = r.node(X).orElseThrow();
            assertThat(nx.endpoint()).as(model.name()).contains(EndpointKind.BELOW_MINIMUM);
            assertThat(nx.received()).as(model.name()).isEqualTo(Map.of(native_, eth(400)));
            assertThat(r.node(Y).orElseThrow().held()).as(model.name()).isEqualTo(Map.of(native_, eth(1_000)));
            assertThat(r.stats().edgesScanned()).as(model.name()).isEqualTo(4);
        }
    }
}
