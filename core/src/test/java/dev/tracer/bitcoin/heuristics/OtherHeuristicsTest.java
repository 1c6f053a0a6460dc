package dev.tracer.bitcoin.heuristics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracer.bitcoin.BtcTx;
import dev.tracer.bitcoin.Outpoint;
import dev.tracer.bitcoin.TxGraph;
import dev.tracer.bitcoin.TxSet;
import dev.tracer.model.TxHash;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Multi-input clustering, peel chains and dust attacks on real transactions. */
class OtherHeuristicsTest {
    static final String CB9 = "0437cd7f8525ceed2324359c2d0ba26006d92d856a9c20fa0241106ee5a597c9";
    static final String HAL = "f4184fc596403b9d638783cf57adfe4c75c605f6356fbc91338530e9831e9e16";
    static final String PEEL2 = "a16f3ce4dd5deb92d98ef5cf8afeaf0775ebca408f708b2146c4fb42b41e14be";
    static final String PEEL5 = "828ef3b079f9c23829c56fe86e85b4a69d9e06e5b54ea597eef5fb3ffef509fe";

    @Test
    void multiInputClusteringMergesTheBareMultisigInputsAndSkipsTheCoinJoins() {
        List<BtcTx> txs = new ArrayList<>();
        for (String n : List.of("whirlpool-coinjoin", "joinmarket-coinjoin", "bare-multisig", "taproot-script-path",
                "simple-legacy-p2pkh")) {
            txs.add(RealTxs.esplora(n));
        }
        Clusters c = new MultiInputClustering(CoinJoinDetector.standard()).cluster(txs);
        assertThat(c.skippedCoinJoins()).extracting(TxHash::value).containsExactly(
                "323df21f0b0756f98336437aa3d2fb87e02b59f1946b714a7b09df04d429dec2",
                "4f112abd2eefe3484a7bbf7c1731f784cba19de677468835145e9c448fb18b7d");
        assertThat(c.clusters()).hasSize(2);
        Cluster m = c.of("1JArS6jzE3AJ9sZ3aFij1BmTcpFGgN86hA").orElseThrow();
        assertThat(m.addresses()).containsExactly("1A8JiWcwvpY7tAopUkSnGuEYHmzGYfZPiq", "1JArS6jzE3AJ9sZ3aFij1BmTcpFGgN86hA");
        assertThat(m.evidence()).singleElement().extracting(e -> e.tx().value())
                .isEqualTo("60a20bd93aa49ab4b28d514ec10b06e1829ce6818ec06cd3aabd013ebcdc4bb1");
        assertThat(c.of("bc1ptapr00ta4etkkd9tez5ud7j0perc0szzxn9fv057jmy0ndnm2mgsljcl7j").orElseThrow().addresses()).hasSize(2);
        assertThat(c.of("bc1qgwv9hn979rex0rhfp3cknfdkyrgk04493gclvv")).isEmpty(); // a Whirlpool input stays alone
    }

    @Test
    void theMergeOfTwoCoinbaseKeysInBlock50001IsKeptAsEvidence() {
        // block 50001 (Core RPC recording): 7940cdde… spends the 50 BTC coinbases of 1DoQ… and 1PZM…
        TxSet set = RealTxs.coreRpc("stream_50001_50002", 50_001, 50_002);
        Clusters c = new MultiInputClustering(CoinJoinDetector.standard()).cluster(set.transactions());
        assertThat(c.clusters()).singleElement().satisfies(cl -> {
            assertThat(cl.addresses()).containsExactly("1DoQeKfU3dYhN9bxMpFFcVUnufCPDqSPae", "1PZMgkF2x161qvfP7dhoWSEEU3SjnQE1m9");
            assertThat(cl.evidence()).singleElement().extracting(e -> e.tx().value())
                    .isEqualTo("7940cdde4d713e171849efc6bd89939185be270266c94e92369e3877ad89455a");
        });
    }

    @Test
    void clustersChainThroughSharedAddressesWithOneMergePerJoin() {
        TxSet b = RealTxs.block("block383616.dat");
        Clusters c = new MultiInputClustering(CoinJoinDetector.standard()).cluster(b.transactions());
        assertThat(c.clusters()).isNotEmpty();
        for (Cluster cl : c.clusters()) {
            assertThat(cl.evidence()).hasSize(cl.addresses().size() - 1);
            assertThat(cl.evidence()).allMatch(e -> cl.addresses().contains(e.a()) && cl.addresses().contains(e.b()));
        }
    }

    @Test
    void satoshisFiveStepPeelChainIsFoundFromAnyOfItsSteps() {
        TxSet early = RealTxs.early();
        PeelChainDetector d = new PeelChainDetector();
        PeelChain c = d.chainThrough(early.tx(RealTxs.h(PEEL2)).orElseThrow(), early).orElseThrow();
        assertThat(c.length()).isEqualTo(5);
        assertThat(c.position()).isEqualTo(1);
        assertThat(c.steps().get(0).tx().value()).isEqualTo(HAL);
        assertThat(c.steps().get(4).tx().value()).isEqualTo(PEEL5);
        assertThat(c.totalPeeled()).isEqualTo(3_200_000_000L); // 10 + 10 + 1 + 1 + 10 BTC
        assertThat(c.end()).isEqualTo(new Outpoint(RealTxs.h(PEEL5), 1)); // 18 BTC, unspent in the data
        assertThat(d.chainThrough(early.tx(RealTxs.h(PEEL5)).orElseThrow(), early).orElseThrow().position()).isEqualTo(4);
        // the coinbase before it and a 1-in-1-out spend of a peeled output are not steps
        assertThat(d.step(early.tx(RealTxs.h(CB9)).orElseThrow())).isEmpty();
        assertThat(d.step(early.tx(RealTxs.h("298ca2045d174f8a158961806ffc4ef96fad02d71a6b84d9fa0491813a776160")).orElseThrow())).isEmpty();
    }

    @Test
    void aLongInBlockPeelChain() {
        // block 370661 holds a 72-step chain within the block itself
        TxSet b = RealTxs.block("block370661.dat");
        PeelChain c = new PeelChainDetector().chainThrough(
                b.tx(RealTxs.h("20553f193186d7c0a8f13c6214cf90958a1291c8546c71a802c5101d7cde213f")).orElseThrow(), b).orElseThrow();
        assertThat(c.length()).isEqualTo(72);
        assertThat(c.totalPeeled()).isEqualTo(874_906_484L);
    }

    @Test
    void aPlainPaymentIsAStepButNotAChainWithoutTheRestOfTheGraph() {
        BtcTx p = RealTxs.esplora("simple-legacy-p2pkh");
        assertThat(new PeelChainDetector().step(p)).hasValueSatisfying(s -> {
            assertThat(s.peeledValue()).isEqualTo(39_852_779);
            assertThat(s.nextValue()).isEqualTo(82_974_043_165L);
        });
        assertThat(new PeelChainDetector().chainThrough(p, TxGraph.none())).isEmpty();
    }

    @Test
    void theRealDustAttackIsFlaggedAndTheOthersAreNot() {
        DustVerdict v = DustAttackDetector.standard().detect(RealTxs.esplora("dust-attack-555")).orElseThrow();
        assertThat(v.outputs()).containsExactly(new Outpoint(RealTxs.h("655c533bf059721cec9d3d70b3171a07997991a02fedfa1c9b593abc645e1cc5"), 0));
        assertThat(v.confidence()).isEqualTo(Confidence.HIGH);
        assertThat(v.rule()).contains("the rest returns to the sender's own address");
        for (String n : List.of("simple-legacy-p2pkh", "batch-withdrawal-143", "whirlpool-coinjoin", "joinmarket-coinjoin",
                "op-return-charley", "taproot-op-return", "taproot-script-path", "bare-multisig")) {
            assertThat(DustAttackDetector.standard().detect(RealTxs.esplora(n))).as(n).isEmpty();
        }
        assertThat(new DustAttackDetector(500, CoinJoinDetector.standard()).detect(RealTxs.esplora("dust-attack-555"))).isEmpty();
    }

    @Test
    void tributesToTheGenesisAddressAreAKnownFalsePositive() {
        // recent transactions paying 546 sat to 1A1zP1… (the genesis address): tiny and unsolicited, so flagged
        List<BtcTx> txs = dev.tracer.source.bitcoin.BitcoinTxFiles.readAll(
                dev.tracer.testing.SharedData.path("bitcoin/esplora/satoshi-genesis-txs.json"));
        assertThat(txs).hasSize(50);
        long flagged = txs.stream().filter(t -> DustAttackDetector.standard().detect(t)
                .filter(v -> v.outputs().stream().anyMatch(o -> t.outputs().get(o.vout()).address()
                        .filter("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"::equals).isPresent())).isPresent()).count();
        assertThat(flagged).isEqualTo(50);
    }
}
