package dev.tracer.bitcoin.heuristics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracer.bitcoin.TxGraph;
import dev.tracer.bitcoin.TxSet;
import org.junit.jupiter.api.Test;

/** All heuristics on one transaction, as {@code tracer tx} shows them. */
class TxAnalyzerTest {
    @Test
    void theWhirlpoolMixIsACoinJoinAndLinksNoInputs() {
        TxAnalysis a = TxAnalyzer.standard().analyze(RealTxs.esplora("whirlpool-coinjoin"), TxGraph.none());
        assertThat(a.coinJoin()).isPresent();
        assertThat(a.linkedInputs()).isEmpty();
        assertThat(a.change().fired()).isEmpty();
        assertThat(a.dust()).isEmpty();
        assertThat(a.peelStep()).isEmpty();
    }

    @Test
    void theBareMultisigPaymentLinksItsTwoInputAddresses() {
        TxAnalysis a = TxAnalyzer.standard().analyze(RealTxs.esplora("bare-multisig"), TxGraph.none());
        assertThat(a.coinJoin()).isEmpty();
        assertThat(a.linkedInputs()).containsExactly("1A8JiWcwvpY7tAopUkSnGuEYHmzGYfZPiq", "1JArS6jzE3AJ9sZ3aFij1BmTcpFGgN86hA");
    }

    @Test
    void aPeelStepInsideItsChain() {
        TxSet early = RealTxs.early();
        TxAnalysis a = TxAnalyzer.standard().analyze(early.tx(RealTxs.h(OtherHeuristicsTest.PEEL2)).orElseThrow(), early);
        assertThat(a.peelStep()).isPresent();
        assertThat(a.peelChain().orElseThrow().position()).isEqualTo(1);
        assertThat(a.dust()).isEmpty();
    }

    @Test
    void theDustAttackIsDust() {
        TxAnalysis a = TxAnalyzer.standard().analyze(RealTxs.esplora("dust-attack-555"), TxGraph.none());
        assertThat(a.dust()).isPresent();
        assertThat(a.coinJoin()).isEmpty();
    }
}
