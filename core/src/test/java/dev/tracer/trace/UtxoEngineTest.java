package dev.tracer.trace;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The UTXO model through the account engine: transactions and outputs are vertices, a
 * transaction's ledger is credited by its inputs in input order and debited by its outputs in
 * output order, fee last. Hand-built (the Bitcoin sources test the same on mainnet data):
 *
 * <pre>
 *  T1 (block 10): spends seed output S (100)      → O1 60 to A, O2 39 change (unspent), fee 1
 *  T2 (block 11): spends O1 (60), then C (40 clean) → O3 90 (spender unknown), fee 10
 * </pre>
 */
class UtxoEngineTest {
    static final Chain BTC = Chain.BITCOIN;
    static final Asset SAT = Asset.nativeOf(BTC);

    static TxHash h(int n) {
        return TxHash.parse(BTC, String.format("%064x", n));
    }

    static final TxHash T0 = h(0xa0);
    static final TxHash TC = h(0xc0);
    static final TxHash T1 = h(0x01);
    static final TxHash T2 = h(0x02);
    static final Address S = Address.output(BTC, T0, 0, "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa");
    static final Address C = Address.output(BTC, TC, 0, null);
    static final Address O1 = Address.output(BTC, T1, 0, null);
    static final Address O2 = Address.output(BTC, T1, 1, null);
    static final Address O3 = Address.output(BTC, T2, 0, null);
    static final Address FEE = Address.feeSink(BTC);

    static Transfer edge(TxHash tx, long block, int position, Address from, Address to, long sats) {
        return new Transfer(BTC, tx, 0, position, from, to, SAT, BigInteger.valueOf(sats), block,
                Instant.ofEpochSecond(1_231_006_505L + block * 600), TransferKind.UTXO);
    }

    static Dataset dataset() {
        Address t1 = Address.transaction(BTC, T1);
        Address t2 = Address.transaction(BTC, T2);
        Address tc = Address.transaction(BTC, TC);
        List<Transfer> ts = List.of(
                edge(TC, 5, 1000, tc, C, 40),
                edge(T1, 10, 0, S, t1, 100),
                edge(T1, 10, 1000, t1, O1, 60),
                edge(T1, 10, 1001, t1, O2, 39),
                edge(T1, 10, 1_000_000, t1, FEE, 1),
                edge(T2, 11, 0, O1, t2, 60),
                edge(T2, 11, 1, C, t2, 40),
                edge(T2, 11, 1000, t2, O3, 90),
                edge(T2, 11, 1_000_000, t2, FEE, 10));
        TreeSet<Address> covered = new TreeSet<>(List.of(S, t1, O1, O2, t2, C, tc));
        return new Dataset(BTC, Coverage.outflowsOf(BTC, new BlockRange(5, 11), covered),
                TransferGraph.builder().addAll(ts).build(), "hand-built UTXO example");
    }

    static TraceResult trace(String model) {
        return Tracer.builder().dataset(dataset()).classifier(new FakeTokenClassifier(AssetRegistry.bundled()))
                .model(TaintModel.named(model)).policy(TracePolicy.builder().maxHops(5).build()).build()
                .trace(List.of(Seed.address(S)), Direction.FORWARD);
    }

    static Map<String, Long> endpoints(TraceResult r) {
        Map<String, Long> m = new TreeMap<>();
        for (TraceResult.Endpoint e : r.endpoints()) {
            m.merge(e.kind().code() + " " + e.address().value(), e.amount().value().longValueExact(), Long::sum);
        }
        return m;
    }

    @Test
    void fifoTakesInputsInOrderOntoOutputsInOrderFeeLast() {
        TraceResult r = trace("fifo");
        assertThat(r.seedAmounts()).containsEntry(SAT, BigInteger.valueOf(100));
        assertThat(endpoints(r)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "held " + O2.value(), 39L,
                "frontier " + O3.value(), 60L,
                "fee fee", 1L));
    }

    @Test
    void haircutSplitsTheTransactionProportionallyAndTheFeeTakesItsShare() {
        TraceResult r = trace("haircut");
        assertThat(endpoints(r)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "held " + O2.value(), 39L,
                "frontier " + O3.value(), 54L,
                "fee fee", 7L));
    }

    @Test
    void poisonTaintsEveryOutputOfATaintedTransaction() {
        TraceResult r = trace("poison");
        assertThat(endpoints(r)).containsEntry("frontier " + O3.value(), 90L).containsEntry("fee fee", 11L);
    }

    @Test
    void hopsCountTransactionsNotOutputs() {
        TraceResult r = trace("haircut");
        Map<String, Integer> hops = new TreeMap<>();
        r.nodes().forEach(n -> hops.put(n.address().value(), n.hop()));
        assertThat(hops).containsEntry(S.value(), 0).containsEntry("tx:" + T1.value(), 1).containsEntry(O1.value(), 1)
                .containsEntry("tx:" + T2.value(), 2).containsEntry(O3.value(), 2);
        List<String> evidence = new ArrayList<>();
        r.endpoints().stream().filter(e -> e.address().equals(O3)).forEach(e -> e.path().forEach(t -> evidence.add(t.value())));
        assertThat(evidence).containsExactly(T1.value(), T2.value());
        assertThat(O3.display()).isEqualTo(O3.value());
        assertThat(S.display()).endsWith("(1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa)");
    }
}
