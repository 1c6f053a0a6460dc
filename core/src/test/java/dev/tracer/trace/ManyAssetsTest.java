package dev.tracer.trace;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.lang.management.ManagementFactory;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Regression: a trace's cost must not grow with the number of assets in the data. An
 * ethereum-etl export holds thousands of token contracts; every reached address used to get a
 * ledger array and two tally arrays as long as the data's asset list, and every trace classified
 * every asset again. Here 20,000 tokens move between addresses the trace never reaches, beside a
 * seed that pays 300 addresses in ETH, each of which pays one more. Before the fix such a trace
 * allocated 609 MB and took 770 ms (1.2 MB and 8.5 ms with nine tokens); now 0.9 MB and under
 * 10 ms with either. The bound here is 16 MB, and the result still counts only ETH.
 */
class ManyAssetsTest {
    static final Chain CHAIN = Chain.ETHEREUM;
    static final int TOKENS = 20_000;
    static final int PAYEES = 300;

    static Address address(int i) {
        return Address.parse(CHAIN, String.format("0x%040x", 0x1000_0000L + i));
    }

    static Transfer eth(int tx, long block, Address from, Address to, long wei) {
        return new Transfer(CHAIN, TxHash.parse(CHAIN, String.format("%064x", tx)), 0, 0, from, to, Asset.nativeOf(CHAIN),
                BigInteger.valueOf(wei), block, Instant.ofEpochSecond(1_700_000_000L + 12 * block), TransferKind.NATIVE);
    }

    static Dataset dataset() {
        List<Transfer> ts = new ArrayList<>();
        Address seed = address(0);
        int tx = 1;
        for (int i = 0; i < PAYEES; i++) {
            ts.add(eth(tx++, 10, seed, address(1 + i), 1_000_000_000_000_000L));
            ts.add(eth(tx++, 20, address(1 + i), address(1 + PAYEES + i), 400_000_000_000_000L));
        }
        for (int k = 0; k < TOKENS; k++) {
            Asset token = Asset.token(Address.parse(CHAIN, String.format("0x%040x", 0x7000_0000L + k)), "T" + k, 6, true);
            ts.add(new Transfer(CHAIN, TxHash.parse(CHAIN, String.format("%064x", 0x100000 + k)), 0, 0,
                    address(10_000 + k), address(50_000 + k), token, BigInteger.valueOf(1_000 + k), 5,
                    Instant.ofEpochSecond(1_700_000_060L), TransferKind.TOKEN));
        }
        TreeSet<Address> all = new TreeSet<>();
        for (Transfer t : ts) {
            all.add(t.from());
            all.add(t.to());
        }
        return new Dataset(CHAIN, new Coverage(CHAIN, new BlockRange(5, 20), false, all, all),
                TransferGraph.builder().addAll(ts).build(), "hand-built: 20,000 tokens beside a 2-hop ETH fan-out");
    }

    /**
     * An address's per-asset slots start at two and grow as it meets more assets; every tally
     * must keep every asset, for a followed address (whose ledgers make the slots) and for an
     * endpoint (whose tallies make them). Seed S pays X six assets (20 ETH, beyond a long in wei,
     * and five tokens of the bundled registry), X pays Y half of each. A version that looked up
     * the tally array before growing it failed (index out of bounds) on an endpoint's third asset;
     * this case caught it.
     */
    @Test
    void anAddressKeepsEveryAssetItMeets() {
        dev.tracer.assets.AssetRegistry registry = dev.tracer.assets.AssetRegistry.bundled();
        List<Asset> assets = new ArrayList<>(List.of(Asset.nativeOf(CHAIN)));
        for (String c : List.of("0xdac17f958d2ee523a2206206994597c13d831ec7", "0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48",
                "0x6b175474e89094c44da98b954eedeac495271d0f", "0x2260fac5e5542a773aa44fbcfedf7c193bc2c599",
                "0xae7ab96520de3a18e5e111b5eaab095312d7fe84")) {
            assets.add(registry.token(Address.parse(CHAIN, c)).orElseThrow());
        }
        Address s = address(0);
        Address x = address(1);
        Address y = address(2);
        BigInteger big = new BigInteger("20000000000000000000"); // 20 ETH in wei: more than a long holds
        List<Transfer> ts = new ArrayList<>();
        java.util.Map<Asset, BigInteger> paid = new java.util.TreeMap<>();
        for (int k = 0; k < assets.size(); k++) {
            Asset a = assets.get(k);
            BigInteger amount = k == 0 ? big : BigInteger.valueOf(1_000_000L * (k + 1));
            paid.put(a, amount);
            TransferKind kind = k == 0 ? TransferKind.NATIVE : TransferKind.TOKEN;
            ts.add(new Transfer(CHAIN, TxHash.parse(CHAIN, String.format("%064x", 0xA00 + k)), 0, 0, s, x, a, amount, 10 + k,
                    Instant.ofEpochSecond(1_700_000_000L + 12 * k), kind));
            ts.add(new Transfer(CHAIN, TxHash.parse(CHAIN, String.format("%064x", 0xB00 + k)), 0, 0, x, y, a,
                    amount.shiftRight(1), 30 + k, Instant.ofEpochSecond(1_700_000_600L + 12 * k), kind));
        }
        TreeSet<Address> all = new TreeSet<>(List.of(s, x, y));
        Dataset d = new Dataset(CHAIN, new Coverage(CHAIN, new BlockRange(10, 40), false, all, all),
                TransferGraph.builder().addAll(ts).build(), "hand-built: six assets through one address");
        TraceResult r = Tracer.builder().dataset(d).labels(LabelStore.empty()).classifier(new dev.tracer.assets.FakeTokenClassifier(registry))
                .model(new HaircutTaint()).build().trace(List.of(Seed.address(s)), Direction.FORWARD);

        java.util.Map<Asset, BigInteger> half = new java.util.TreeMap<>();
        paid.forEach((a, v) -> half.put(a, v.shiftRight(1)));
        TraceResult.Node nx = r.nodes().stream().filter(n -> n.address().equals(x)).findFirst().orElseThrow();
        TraceResult.Node ny = r.nodes().stream().filter(n -> n.address().equals(y)).findFirst().orElseThrow();
        assertThat(nx.received()).isEqualTo(paid);
        assertThat(nx.sent()).isEqualTo(half);
        assertThat(ny.received()).isEqualTo(half);
        assertThat(ny.held()).isEqualTo(half);
        assertThat(r.endpoints()).hasSize(2 * assets.size());

        // X as an endpoint (one hop allowed): its tallies are made without ledgers
        TraceResult cut = Tracer.builder().dataset(d).labels(LabelStore.empty())
                .classifier(new dev.tracer.assets.FakeTokenClassifier(registry)).model(new HaircutTaint())
                .policy(TracePolicy.builder().maxHops(1).build()).build().trace(List.of(Seed.address(s)), Direction.FORWARD);
        TraceResult.Node ex = cut.nodes().stream().filter(n -> n.address().equals(x)).findFirst().orElseThrow();
        assertThat(ex.endpoint()).contains(EndpointKind.HOP_LIMIT);
        assertThat(ex.received()).isEqualTo(paid);
    }

    @Test
    void aTraceCostsNothingPerAssetOfTheData() {
        Dataset d = dataset();
        assertThat(d.graph().assetCount()).isEqualTo(TOKENS + 1);
        Tracer tracer = Tracer.builder().dataset(d).labels(LabelStore.empty())
                .classifier(TaintConservationPropertiesTest.CLASSIFIER).model(new HaircutTaint())
                .policy(TracePolicy.builder().maxHops(4).fanOutCap(1_000).build()).build();
        List<Seed> seed = List.of(Seed.address(address(0)));
        tracer.trace(seed, Direction.FORWARD); // the first trace sizes the pooled working arrays

        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = mx.getCurrentThreadAllocatedBytes();
        TraceResult r = tracer.trace(seed, Direction.FORWARD);
        long allocated = mx.getCurrentThreadAllocatedBytes() - before;

        assertThat(r.stats().addressesFollowed()).isEqualTo(1 + 2 * PAYEES);
        assertThat(r.nodes()).hasSize(1 + 2 * PAYEES);
        assertThat(r.endpoints()).allSatisfy(e -> assertThat(e.amount().asset()).isEqualTo(Asset.nativeOf(CHAIN)));
        assertThat(allocated).as("bytes allocated by one trace over %,d assets", TOKENS).isLessThan(16L << 20);
    }
}
