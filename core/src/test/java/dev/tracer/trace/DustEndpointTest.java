package dev.tracer.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracer.assets.AssetRegistry;
import dev.tracer.assets.FakeTokenClassifier;
import dev.tracer.graph.TransferGraph;
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
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Dust-attack outputs are endpoints, never followed. Hand-built (the Bitcoin detector tests use
 * the real 555-sat attack):
 * <pre>
 *  T1 (block 10): spends seed S (100)        → O1 90 (the thief's), D 1 (dust to a victim), fee 9
 *  T2 (block 11): spends D (1), then C (50)  → O4 49 (the victim's), fee 2
 * </pre>
 */
class DustEndpointTest {
    static final Chain BTC = Chain.BITCOIN;
    static final Asset SAT = Asset.nativeOf(BTC);

    static TxHash h(int n) {
        return TxHash.parse(BTC, String.format("%064x", n));
    }

    static final TxHash T0 = h(0xa0);
    static final TxHash TC = h(0xc0);
    static final TxHash T1 = h(0x01);
    static final TxHash T2 = h(0x02);
    static final Address S = Address.output(BTC, T0, 0, null);
    static final Address C = Address.output(BTC, TC, 0, null);
    static final Address O1 = Address.output(BTC, T1, 0, null);
    static final Address D = Address.output(BTC, T1, 1, null);
    static final Address O4 = Address.output(BTC, T2, 0, null);
    static final Address FEE = Address.feeSink(BTC);

    static Transfer edge(TxHash tx, long block, int position, Address from, Address to, long sats) {
        return new Transfer(BTC, tx, 0, position, from, to, SAT, BigInteger.valueOf(sats), block,
                Instant.ofEpochSecond(1_231_006_505L + block * 600), TransferKind.UTXO);
    }

    static Dataset dataset() {
        Address t1 = Address.transaction(BTC, T1);
        Address t2 = Address.transaction(BTC, T2);
        Address tc = Address.transaction(BTC, TC);
        Address t0 = Address.transaction(BTC, T0);
        List<Transfer> ts = List.of(
                edge(T0, 4, 1000, t0, S, 100),
                edge(TC, 5, 1000, tc, C, 50),
                edge(T1, 10, 0, S, t1, 100),
                edge(T1, 10, 1000, t1, O1, 90),
                edge(T1, 10, 1001, t1, D, 1),
                edge(T1, 10, 1_000_000, t1, FEE, 9),
                edge(T2, 11, 0, D, t2, 1),
                edge(T2, 11, 1, C, t2, 50),
                edge(T2, 11, 1000, t2, O4, 49),
                edge(T2, 11, 1_000_000, t2, FEE, 2));
        TreeSet<Address> all = new TreeSet<>(List.of(S, C, O1, D, O4, t0, t1, t2, tc));
        return new Dataset(BTC, new Coverage(BTC, new BlockRange(4, 11), false, all, all),
                TransferGraph.builder().addAll(ts).build(), "hand-built dust attack");
    }

    static TraceResult trace(String model, Set<Address> dust, Address seed, Direction d) {
        return Tracer.builder().dataset(dataset()).classifier(new FakeTokenClassifier(AssetRegistry.bundled()))
                .model(TaintModel.named(model)).dust(dust).build().trace(List.of(Seed.address(seed)), d);
    }

    static Map<String, Long> endpoints(TraceResult r) {
        Map<String, Long> m = new TreeMap<>();
        r.endpoints().forEach(e -> m.merge(e.kind().code() + " " + e.address().value(), e.amount().value().longValueExact(), Long::sum));
        return m;
    }

    @Test
    void withoutTheFlagTheDustCarriesTaintIntoTheVictimsTransaction() {
        assertThat(endpoints(trace("poison", Set.of(), S, Direction.FORWARD))).containsEntry("held " + O4.value(), 49L);
    }

    @Test
    void aDustOutputIsAnEndpointAndTheVictimsTransactionIsNotReached() {
        for (String model : List.of("poison", "haircut", "fifo")) {
            TraceResult r = trace(model, Set.of(D), S, Direction.FORWARD);
            assertThat(endpoints(r)).as(model).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "held " + O1.value(), 90L, "dust " + D.value(), 1L, "fee fee", 9L));
            assertThat(r.node(O4)).as(model).isEmpty();
            assertThat(r.node(Address.transaction(BTC, T2))).as(model).isEmpty();
        }
    }

    @Test
    void backwardADustInputIsNotFollowedBackToTheAttacker() {
        TraceResult r = trace("haircut", Set.of(D), O4, Direction.BACKWARD);
        Map<String, Long> e = endpoints(r);
        assertThat(e).containsKey("dust " + D.value());
        assertThat(r.node(Address.transaction(BTC, T1))).isEmpty();
        assertThat(r.node(S)).isEmpty();
        assertThat(e.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(49L);
    }

    @Test
    void onlyOutputsCanBeDust() {
        assertThatThrownBy(() -> Tracer.builder().dust(Set.of(Address.transaction(BTC, T1))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
