package dev.tracer.bitcoin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracer.assets.AssetRegistry;
import dev.tracer.assets.FakeTokenClassifier;
import dev.tracer.model.Address;
import dev.tracer.model.BlockRange;
import dev.tracer.model.Chain;
import dev.tracer.model.Transfer;
import dev.tracer.model.TxHash;
import dev.tracer.source.Dataset;
import dev.tracer.source.bitcoin.BlockFiles;
import dev.tracer.testing.SharedData;
import dev.tracer.trace.Direction;
import dev.tracer.trace.Seed;
import dev.tracer.trace.TaintModel;
import dev.tracer.trace.TracePolicy;
import dev.tracer.trace.TraceResult;
import dev.tracer.trace.Tracer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The first 439 mainnet blocks as a UTXO dataset: edges, coverage and lookups. */
class TxSetTest {
    static TxSet early;

    static TxHash h(String s) {
        return TxHash.parse(Chain.BITCOIN, s);
    }

    static final TxHash CB9 = h("0437cd7f8525ceed2324359c2d0ba26006d92d856a9c20fa0241106ee5a597c9");
    static final TxHash HAL = h("f4184fc596403b9d638783cf57adfe4c75c605f6356fbc91338530e9831e9e16");
    static final TxHash PEEL5 = h("828ef3b079f9c23829c56fe86e85b4a69d9e06e5b54ea597eef5fb3ffef509fe");

    @BeforeAll
    static void read() {
        early = BlockFiles.read(List.of(SharedData.path("bitcoin/blocks/first-100k-blocks.dat")), Optional.empty());
    }

    @Test
    void aTransactionIsItsInputsThenItsOutputsInOrder() {
        List<Transfer> edges = UtxoEdges.of(early.tx(HAL).orElseThrow());
        assertThat(edges).extracting(t -> t.position() + " " + t.from().value() + " -> " + t.to().value() + " " + t.amount())
                .containsExactly(
                        "0 " + CB9.value() + ":0 -> tx:" + HAL.value() + " 5000000000",
                        "1000 tx:" + HAL.value() + " -> " + HAL.value() + ":0 1000000000",
                        "1001 tx:" + HAL.value() + " -> " + HAL.value() + ":1 4000000000");
        assertThat(edges).allMatch(t -> t.block() == 170 && t.txIndex() == 1 && t.tx().equals(HAL));
        assertThat(edges.get(1).to().display()).isEqualTo(HAL.value() + ":0 (p2pk:1Q2TWHE3GMdB6BZKafqwxXtWAWgFt5Jvm3)");
    }

    @Test
    void spendersAreKnownAndAnOutputUnspentInCompleteBlocksIsKnownUnspent() {
        assertThat(early.spender(new Outpoint(CB9, 0))).isEqualTo(TxGraph.Spend.spentBy(HAL));
        assertThat(early.spender(new Outpoint(PEEL5, 1))).isEqualTo(TxGraph.Spend.unspent());
        assertThat(early.spender(new Outpoint(h("00".repeat(32)), 0))).isEqualTo(TxGraph.Spend.unknown());
        TxSet partial = TxSet.of(early.transactions(), early.range(), false);
        assertThat(partial.spender(new Outpoint(PEEL5, 1))).isEqualTo(TxGraph.Spend.unknown());
    }

    @Test
    void coverageFollowsWhatTheDataKnows() {
        Dataset full = early.dataset("first 439 blocks");
        Address peelOut = Address.output(Chain.BITCOIN, PEEL5, 1, null);
        assertThat(full.coverage().outflowsComplete(peelOut)).isTrue();
        assertThat(full.coverage().inflowsComplete(peelOut)).isTrue();
        assertThat(full.coverage().outflowsComplete(UtxoEdges.txVertex(HAL))).isTrue();
        // without the guarantee that every block is there, an output nobody spends in the data is a frontier
        Dataset partial = TxSet.of(early.transactions(), early.range(), false).dataset("partial");
        assertThat(partial.coverage().outflowsComplete(peelOut)).isFalse();
        assertThat(partial.coverage().outflowsComplete(Address.output(Chain.BITCOIN, CB9, 0, null))).isTrue();
    }

    @Test
    void addressesMapToTheirOutputsAndTheFirstFundingIsKnownFromGenesis() {
        String satoshiChange = "12cbQLTFMXRnSzktFkuoG3eHoMeFtpTu3S";
        List<Outpoint> outs = early.outputsPaying(satoshiChange);
        assertThat(outs).hasSize(6); // the coinbase of block 9's key was reused for change five times
        assertThat(early.isFirstFunding("1Q2TWHE3GMdB6BZKafqwxXtWAWgFt5Jvm3", new Outpoint(HAL, 0))).contains(true);
        assertThat(early.isFirstFunding(satoshiChange, new Outpoint(HAL, 1))).contains(false);
        assertThat(early.isFirstFunding(satoshiChange, new Outpoint(CB9, 0))).contains(true);
        TxSet later = BlockFiles.read(List.of(SharedData.path("bitcoin/blocks/first-100k-blocks.dat")),
                Optional.of(new BlockRange(100, 438)));
        assertThat(later.isFirstFunding(satoshiChange, new Outpoint(HAL, 1))).isEmpty();
    }

    static TraceResult trace(String model, Address seed, Direction d) {
        return Tracer.builder().dataset(early.dataset("first 439 blocks"))
                .classifier(new FakeTokenClassifier(AssetRegistry.bundled())).model(TaintModel.named(model))
                .policy(TracePolicy.builder().maxHops(10).build())
                .build().trace(List.of(Seed.address(seed)), d);
    }

    static Map<String, Long> endpoints(TraceResult r) {
        Map<String, Long> ends = new TreeMap<>();
        r.endpoints().forEach(e -> ends.merge(e.kind().code() + " " + e.address().value(), e.amount().value().longValueExact(), Long::sum));
        return ends;
    }

    @Test
    void satoshisCoinsFromBlock9EndWhereThePeelChainLeftThemUnderEveryModel() {
        for (String model : List.of("poison", "haircut", "fifo")) {
            TraceResult r = trace(model, Address.output(Chain.BITCOIN, CB9, 0, null), Direction.FORWARD);
            assertThat(r.seedAmounts().values()).containsExactly(java.math.BigInteger.valueOf(5_000_000_000L));
            assertThat(endpoints(r)).as(model).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "held " + HAL.value() + ":0", 1_000_000_000L,
                    "held a16f3ce4dd5deb92d98ef5cf8afeaf0775ebca408f708b2146c4fb42b41e14be:0", 1_000_000_000L,
                    "held 298ca2045d174f8a158961806ffc4ef96fad02d71a6b84d9fa0491813a776160:0", 100_000_000L,
                    "held 4385fcf8b14497d0659adccfe06ae7e38e0b5dc95ff8a13d7c62035994a0cd79:0", 100_000_000L,
                    "held " + PEEL5.value() + ":0", 1_000_000_000L,
                    "held " + PEEL5.value() + ":1", 1_800_000_000L));
        }
    }

    @Test
    void theLastChangeOutputComesBackToTheCoinbaseOfBlock9() {
        TraceResult r = trace("haircut", Address.output(Chain.BITCOIN, PEEL5, 1, null), Direction.BACKWARD);
        assertThat(endpoints(r)).containsExactlyEntriesOf(Map.of("held tx:" + CB9.value(), 1_800_000_000L));
        assertThat(r.endpoints().get(0).path()).extracting(TxHash::value).containsExactly(PEEL5.value(),
                "12b5633bad1f9c167d523ad1aa1947b2732a865bf5414eab2f9e5ae5d5c191ba",
                "591e91f809d716912ca1d4a9295e70c3e78bab077683f79350f101da64588073",
                "a16f3ce4dd5deb92d98ef5cf8afeaf0775ebca408f708b2146c4fb42b41e14be", HAL.value(), CB9.value());
    }
}
