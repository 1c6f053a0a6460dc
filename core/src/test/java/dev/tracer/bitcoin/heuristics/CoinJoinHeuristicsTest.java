package dev.tracer.bitcoin.heuristics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracer.bitcoin.BtcTx;
import dev.tracer.bitcoin.ScriptKind;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Each CoinJoin rule on the real Whirlpool and JoinMarket transactions and on the real
 * non-CoinJoins of the shared data (the exchange batch payout, the dust attack, the plain payment
 * and the rest); Wasabi 1 and WabiSabi have no real example there, so their positives are
 * constructed transactions, marked as such.
 */
class CoinJoinHeuristicsTest {
    static final List<String> NOT_COINJOINS = RealTxs.NOT_COINJOINS;
    static final List<CoinJoinHeuristic> ALL = List.of(new WhirlpoolCoinJoin(), new WasabiCoinJoin(), new WabiSabiCoinJoin(),
            new JoinMarketCoinJoin(), new EqualOutputCoinJoin());

    @Test
    void theRealWhirlpoolMixIsWhirlpoolFiveByPointZeroFive() {
        BtcTx w = RealTxs.esplora("whirlpool-coinjoin");
        CoinJoinVerdict v = new WhirlpoolCoinJoin().test(w).orElseThrow();
        assertThat(v.type()).isEqualTo(CoinJoinType.WHIRLPOOL);
        assertThat(v.equalOutputs()).isEqualTo(5);
        assertThat(v.denomination()).isEqualTo(5_000_000);
        assertThat(v.confidence()).isEqualTo(Confidence.HIGH);
        assertThat(v.rule()).contains("2 remixing input(s)");
        assertThat(CoinJoinDetector.standard().detect(w)).contains(v);
    }

    @Test
    void theRealJoinMarketTransactionIsJoinMarketWithItsChangePairedToItsInputs() {
        BtcTx jm = RealTxs.esplora("joinmarket-coinjoin");
        CoinJoinVerdict v = new JoinMarketCoinJoin().test(jm).orElseThrow();
        assertThat(v.equalOutputs()).isEqualTo(2);
        assertThat(v.denomination()).isEqualTo(100_420);
        assertThat(v.confidence()).isEqualTo(Confidence.MEDIUM);
        assertThat(v.rule()).contains("every change output pairs with its own inputs");
        assertThat(new WhirlpoolCoinJoin().test(jm)).isEmpty();
        assertThat(CoinJoinDetector.standard().detect(jm).map(CoinJoinVerdict::type)).contains(CoinJoinType.JOINMARKET);
        // the generic rule sees it too (2 participants, 2 equal outputs)
        assertThat(new EqualOutputCoinJoin().test(jm).map(CoinJoinVerdict::equalOutputs)).contains(2);
        assertThat(new EqualOutputCoinJoin().test(RealTxs.esplora("whirlpool-coinjoin")).map(CoinJoinVerdict::equalOutputs)).contains(5);
    }

    @Test
    void joinMarketsPairingRejectsChangeThatDoesNotAddUp() {
        // the JoinMarket outputs, with the change moved by 10% of the equal value: no longer a JoinMarket shape
        assertThat(JoinMarketCoinJoin.pairs(List.of(46_981L, 1_347_800L), List.of(148_798L, 1_448_113L), 100_420)).isTrue();
        assertThat(JoinMarketCoinJoin.pairs(List.of(46_981L + 10_042, 1_347_800L), List.of(148_798L, 1_448_113L), 100_420)).isFalse();
    }

    @ParameterizedTest
    @FieldSource("NOT_COINJOINS")
    void noRuleFiresOnTheBatchPayoutTheDustAttackThePlainPaymentOrTheOthers(String name) {
        BtcTx t = RealTxs.esplora(name);
        for (CoinJoinHeuristic h : ALL) {
            assertThat(h.test(t)).as("%s on %s", h.getClass().getSimpleName(), name).isEmpty();
        }
    }

    @Test
    void noCoinJoinInTheFirst439BlocksOrInA2017Block() {
        assertThat(RealTxs.early().transactions()).allMatch(t -> CoinJoinDetector.standard().detect(t).isEmpty());
        assertThat(RealTxs.block("block481815.dat").transactions()).allMatch(t -> CoinJoinDetector.standard().detect(t).isEmpty());
    }

    @Test
    void constructedWasabi1RoundIsWasabiAndNotWhirlpool() {
        long[] in = new long[12];
        Arrays.fill(in, 10_500_000L);
        long[] out = new long[13];
        Arrays.fill(out, 0, 12, 9_990_000L);
        out[12] = 300_000L; // coordinator fee
        BtcTx t = RealTxs.constructed("a1", ScriptKind.P2WPKH, in, out);
        assertThat(new WasabiCoinJoin().test(t).map(CoinJoinVerdict::equalOutputs)).contains(12);
        assertThat(new WhirlpoolCoinJoin().test(t)).isEmpty();
        assertThat(CoinJoinDetector.standard().detect(t).map(CoinJoinVerdict::type)).contains(CoinJoinType.WASABI_1);
        // the same round with legacy scripts is not Wasabi
        assertThat(new WasabiCoinJoin().test(RealTxs.constructed("a2", ScriptKind.P2PKH, in, out))).isEmpty();
    }

    @Test
    void constructedWabiSabiRoundIsWabiSabi() {
        long[] in = new long[25];
        Arrays.fill(in, 1_100_000L);
        long[] out = {1_048_576, 1_048_576, 1_048_576, 1_000_000, 1_000_000, 1_000_000, 531_441, 531_441, 500_000, 500_000,
            262_144, 262_144, 200_000, 200_000, 196_608, 177_147, 100_000, 100_000, 65_536, 50_000, 20_000, 13_122, 10_000,
            6_561, 123_457};
        BtcTx t = RealTxs.constructed("b1", ScriptKind.P2TR, in, out);
        CoinJoinVerdict v = new WabiSabiCoinJoin().test(t).orElseThrow();
        assertThat(v.confidence()).isEqualTo(Confidence.MEDIUM);
        assertThat(v.rule()).contains("24 of 25 outputs at WabiSabi standard denominations");
        assertThat(WabiSabiCoinJoin.standard(123_457)).isFalse();
        assertThat(WabiSabiCoinJoin.standard(4_096)).isFalse(); // below 5,000 sat
        assertThat(WabiSabiCoinJoin.standard(13_122)).isTrue(); // 2 × 3^8
        assertThat(new WabiSabiCoinJoin().test(RealTxs.constructed("b2", ScriptKind.P2TR,
                Arrays.copyOf(in, 19), out))).isEmpty(); // 19 inputs
    }

    @Test
    void aTransactionWithUnresolvedInputsIsNotJudged() {
        BtcTx w = RealTxs.esplora("whirlpool-coinjoin");
        BtcTx unresolved = w.withInputs(w.inputs().stream().map(i -> new dev.tracer.bitcoin.BtcInput(i.index(), i.spent(),
                i.sequence(), Optional.empty())).toList());
        for (CoinJoinHeuristic h : ALL) {
            assertThat(h.test(unresolved)).isEmpty();
        }
    }
}
