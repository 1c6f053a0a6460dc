package dev.tracer.assets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracer.model.Address;
import dev.tracer.model.Asset;
import dev.tracer.model.Chain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FakeTokenClassifierTest {
    private static final AssetRegistry REGISTRY = AssetRegistry.bundled();
    private static final FakeTokenClassifier CLASSIFIER = new FakeTokenClassifier(REGISTRY);
    private static final Address STETH_CONTRACT = Address.parse(Chain.ETHEREUM, "0xae7ab96520de3a18e5e111b5eaab095312d7fe84");
    /** A contract that is in no registry. */
    private static final Address UNKNOWN = Address.parse(Chain.ETHEREUM, "0x00000000000000000000000000000000deadbeef");

    private static Asset tokenAtUnknown(String symbol) {
        return Asset.token(UNKNOWN, symbol, 18, true);
    }

    @Test
    void nativeEthIsGenuine() {
        AssetVerdict v = CLASSIFIER.classify(Asset.nativeOf(Chain.ETHEREUM));
        assertThat(v.kind()).isEqualTo(AssetVerdict.Kind.GENUINE);
        assertThat(v.carriesValue()).isTrue();
        assertThat(v.imitates()).isEmpty();
    }

    @Test
    void stethAtItsRealContractIsGenuine() {
        Asset steth = REGISTRY.token(STETH_CONTRACT).orElseThrow();
        assertThat(steth.symbol()).isEqualTo("stETH");
        assertThat(steth.decimals()).isEqualTo(18);
        AssetVerdict v = CLASSIFIER.classify(steth);
        assertThat(v.kind()).isEqualTo(AssetVerdict.Kind.GENUINE);
        assertThat(v.carriesValue()).isTrue();
    }

    @Test
    void theRealContractIsGenuineWhateverSymbolTheDataGivesIt() {
        // the registry decides by contract, not by the (attacker-influenced) symbol text
        assertThat(CLASSIFIER.classify(Asset.token(STETH_CONTRACT, "", 18, false)).kind())
                .isEqualTo(AssetVerdict.Kind.GENUINE);
    }

    @ParameterizedTest(name = "{0} imitates {1}")
    @CsvSource({
        "\u0415\u0422\u041D, ETH",            // Cyrillic ЕТН
        "\u0415\u0422\u041D..., ETH",         // as explorers truncate it
        "\u0415\u0422\u041D\u2026, ETH",      // with a real ellipsis
        "E\u0422H, ETH",                      // only the Т is Cyrillic
        "\u0455\u0442ET\u041D, stETH",        // ѕтETН
        "st\u0415\u0422\u041D, stETH",        // stЕТН, as in the Bybit poisoning
    })
    void lookAlikeSymbolsOnUnknownContractsAreImitations(String symbol, String genuine) {
        AssetVerdict v = CLASSIFIER.classify(tokenAtUnknown(symbol));
        assertThat(v.kind()).as(symbol).isEqualTo(AssetVerdict.Kind.IMITATION);
        assertThat(v.carriesValue()).isFalse();
        assertThat(v.imitates()).as(symbol).isPresent();
        assertThat(v.imitates().orElseThrow().symbol()).isEqualTo(genuine);
        assertThat(v.reason()).contains("look-alike").contains(genuine).contains("U+04");
    }

    @ParameterizedTest(name = "{0} on an unknown contract imitates {1}")
    @CsvSource({"ETH, ETH", "stETH, stETH", "steth, stETH", "USDT, USDT", "WETH, WETH", "ETH..., ETH"})
    void realSymbolsOnUnknownContractsAreImitations(String symbol, String genuine) {
        AssetVerdict v = CLASSIFIER.classify(tokenAtUnknown(symbol));
        assertThat(v.kind()).as(symbol).isEqualTo(AssetVerdict.Kind.IMITATION);
        assertThat(v.imitates().orElseThrow().symbol()).isEqualTo(genuine);
        assertThat(v.reason()).contains("unknown contract");
    }

    @ParameterizedTest
    @ValueSource(strings = {"BybitExploiter", "\u0415RC20", "ETH2", "PEPE", "", "...", "E T H"})
    void otherTokensAreUnverified(String symbol) {
        AssetVerdict v = CLASSIFIER.classify(tokenAtUnknown(symbol));
        assertThat(v.kind()).as("'%s'", symbol).isEqualTo(AssetVerdict.Kind.UNVERIFIED);
        assertThat(v.carriesValue()).isFalse();
        assertThat(v.imitates()).isEmpty();
    }

    @Test
    void lookAlikesOnAnotherEvmChainImitateThatChainsNativeCoin() {
        Address c = Address.parse(Chain.evm(137), "0x00000000000000000000000000000000deadbeef");
        AssetVerdict v = CLASSIFIER.classify(Asset.token(c, "\u0415\u0422\u041D", 18, true));
        assertThat(v.kind()).isEqualTo(AssetVerdict.Kind.IMITATION);
        assertThat(v.imitates().orElseThrow().isNative()).isTrue();
    }

    /**
     * Look-alikes the class's documented rule (UTS #39 skeletons, compared case-insensitively,
     * ignoring trailing punctuation) should catch but the implementation does not: it upper-cases
     * before taking the skeleton, and the capitals of some confusables are not confusable any more
     * (Cyrillic "һ" U+04BB has the skeleton "h", but its capital "Һ" U+04BA has none; the same for
     * Latin alpha "ɑ" U+0251 and "Ɑ"); and it strips trailing punctuation before the skeleton, so a
     * "․" (U+2024 ONE DOT LEADER, skeleton ".") stays. "eth" itself is an imitation of ETH, so the
     * look-alike of it is treated more leniently than the real symbol.
     */
    @ParameterizedTest(name = "{0} imitates {1}")
    @CsvSource({
        "et\u04BB, ETH",              // etһ: Latin e, t + Cyrillic shha, skeleton "eth"
        "\u0435t\u04BB, ETH",        // еtһ
        "st\u0435t\u04BB, stETH",    // stеtһ
        "d\u0251i, DAI",              // dɑi: Latin alpha, skeleton "dai"
        "ETH\u2024, ETH",             // ETH followed by ONE DOT LEADER
    })
    void lookAlikesWhoseCapitalsAreNotConfusableAreStillImitations(String symbol, String genuine) {
        AssetVerdict v = CLASSIFIER.classify(tokenAtUnknown(symbol));
        assertThat(v.kind()).as("'%s'", symbol).isEqualTo(AssetVerdict.Kind.IMITATION);
        assertThat(v.imitates().orElseThrow().symbol()).isEqualTo(genuine);
    }
}
