package dev.tracer.bitcoin.heuristics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracer.bitcoin.BtcTx;
import dev.tracer.bitcoin.TxGraph;
import dev.tracer.bitcoin.TxSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The change rules and their combination, on real transactions. */
class ChangeHeuristicsTest {
    static BtcTx inBlock(String file, String txid) {
        return RealTxs.block(file).tx(RealTxs.h(txid)).orElseThrow();
    }

    @Test
    void twoRulesAgreeingIsHighAndUsable() {
        // block 383616: P2SH inputs, one P2SH output which is also the only one below the smallest input
        TxSet b = RealTxs.block("block383616.dat");
        BtcTx t = inBlock("block383616.dat", "ce9773e719103cfedac78b0221d3eac5e3cf486d71a61ba63b01837be1b0a470");
        ChangeVerdict v = ChangeDetector.standard().detect(t, b);
        assertThat(v.change()).contains(1);
        assertThat(v.fired()).extracting(ChangeGuess::rule).containsExactly("address-type", "optimal-change");
        assertThat(v.confidence()).isEqualTo(Confidence.HIGH);
        assertThat(v.usable()).isTrue();
        // block 363703: the other outputs are round, and vout 1 is below the smallest input
        BtcTx r = inBlock("block363703.dat", "8711302c4f434e64258cc39732e3104b338c4ad37307b0f933019f668a3f98af");
        assertThat(ChangeDetector.standard().detect(r, RealTxs.block("block363703.dat")).fired()).extracting(ChangeGuess::rule)
                .containsExactly("round-amount", "optimal-change");
    }

    @Test
    void oneRuleAloneIsNotUsable() {
        // the bare-multisig payment: 0.01 and 0.005 BTC are round, 0.46452304 BTC is the change
        BtcTx m = RealTxs.esplora("bare-multisig");
        ChangeVerdict v = ChangeDetector.standard().detect(m, TxGraph.none());
        assertThat(v.fired()).singleElement().extracting(ChangeGuess::rule, ChangeGuess::vout).containsExactly("round-amount", 1);
        assertThat(v.confidence()).isEqualTo(Confidence.MEDIUM);
        assertThat(v.usable()).isFalse();
    }

    @Test
    void freshAddressNeedsHistoryAndCanBeWrongAlone() {
        // block 170: Satoshi pays Hal 10 BTC to a new key and sends 40 BTC change back to a key he had used:
        // the fresh-address rule takes Hal's output for change, a known false positive; alone it is not used
        TxSet early = RealTxs.early();
        BtcTx hal = early.tx(RealTxs.h("f4184fc596403b9d638783cf57adfe4c75c605f6356fbc91338530e9831e9e16")).orElseThrow();
        ChangeVerdict v = ChangeDetector.standard().detect(hal, early);
        assertThat(v.fired()).singleElement().extracting(ChangeGuess::rule, ChangeGuess::vout).containsExactly("fresh-address", 0);
        assertThat(v.usable()).isFalse();
        assertThat(new FreshAddressChange().guess(hal, TxGraph.none())).isEmpty();
    }

    @Test
    void noRuleFiresOnThePlainPaymentTheDustAttackOrTheBatch() {
        for (String name : List.of("simple-legacy-p2pkh", "dust-attack-555", "batch-withdrawal-143")) {
            ChangeVerdict v = ChangeDetector.standard().detect(RealTxs.esplora(name), TxGraph.none());
            assertThat(v.fired()).as(name).isEmpty();
            assertThat(v.change()).isEmpty();
        }
    }

    @Test
    void coinJoinsAreNotJudged() {
        // alone, the round-amount rule would take the Whirlpool mix's... nothing (all outputs round); the address-type
        // rule would take one of JoinMarket's outputs if the detector did not skip CoinJoins first
        assertThat(ChangeDetector.standard().detect(RealTxs.esplora("joinmarket-coinjoin"), TxGraph.none()).fired()).isEmpty();
        assertThat(ChangeDetector.standard().detect(RealTxs.esplora("whirlpool-coinjoin"), TxGraph.none()).fired()).isEmpty();
    }

    @Test
    void rulesThatDisagreeGiveNoChange() {
        // block 363703: vout 1 is round and vout 0 is not, but vout 1 is the only one below the smallest input
        TxSet b = RealTxs.block("block363703.dat");
        ChangeVerdict v = ChangeDetector.standard().detect(inBlock("block363703.dat",
                "e4a663eb5b26421eeb758007f02c2a2d786d86d1302b276fe73514573566f4c6"), b);
        assertThat(v.fired()).extracting(ChangeGuess::rule, ChangeGuess::vout).containsExactly(
                org.assertj.core.groups.Tuple.tuple("round-amount", 0), org.assertj.core.groups.Tuple.tuple("optimal-change", 1));
        assertThat(v.change()).isEmpty();
        assertThat(v.confidence()).isEqualTo(Confidence.LOW);
        assertThat(v.usable()).isFalse();
    }
}
