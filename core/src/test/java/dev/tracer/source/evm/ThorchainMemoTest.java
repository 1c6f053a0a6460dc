package dev.tracer.source.evm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** THORChain swap memos in the forms THORChain's quote endpoint and wallets produce. */
class ThorchainMemoTest {

    @Test
    void swapsToALayerOneAssetNameItsChainAndAddress() {
        // from THORChain's /quote/swap answer (AVAX.USDC → BTC.BTC with limit, affiliate and fee)
        assertThat(ThorchainMemo.parse("=:BTC.BTC:bc1q3a2le4lazts64u8mqte5vuxvug25z5w6rhs95g:5855757:t:10")).hasValueSatisfying(s -> {
            assertThat(s.chain()).isEqualTo("BTC");
            assertThat(s.asset()).isEqualTo("BTC.BTC");
            assertThat(s.destination()).isEqualTo("bc1q3a2le4lazts64u8mqte5vuxvug25z5w6rhs95g");
        });
        assertThat(ThorchainMemo.parse("SWAP:BTC.BTC:bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh")).hasValueSatisfying(s ->
                assertThat(s.destination()).isEqualTo("bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh"));
        // streaming swap limit (LIM/INTERVAL/QUANTITY) and a token with its contract
        assertThat(ThorchainMemo.parse("s:ETH.USDT-0xdAC17F958D2ee523a2206206994597C13D831ec7:0x3a9f000000000000000000000000000000000001:0/1/0"))
                .hasValueSatisfying(s -> {
                    assertThat(s.chain()).isEqualTo("ETH");
                    assertThat(s.asset()).isEqualTo("ETH.USDT-0XDAC17F958D2EE523A2206206994597C13D831EC7");
                    assertThat(s.destination()).isEqualTo("0x3a9f000000000000000000000000000000000001");
                });
    }

    @Test
    void shortCodesAndBareChainsAreGasAssets() {
        assertThat(ThorchainMemo.parse("=:r:thor1kzpfhzvakahg4x0fvr5fzfn8s4ku3cjttyseec")).hasValueSatisfying(s -> {
            assertThat(s.chain()).isEqualTo("THOR");
            assertThat(s.asset()).isEqualTo("THOR.RUNE");
        });
        assertThat(ThorchainMemo.parse("=:b:bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh:0/1/0")).hasValueSatisfying(s ->
                assertThat(s.asset()).isEqualTo("BTC.BTC"));
        assertThat(ThorchainMemo.parse("=:BTC:me")).hasValueSatisfying(s -> {
            assertThat(s.chain()).isEqualTo("BTC");
            assertThat(s.destination()).isEqualTo("me"); // a THORName, kept as written
        });
    }

    @Test
    void synthsAndTradeAssetsStayOnThorchain() {
        assertThat(ThorchainMemo.parse("=:AVAX/USDC:thor188cm7ttvfpkxahageez4fufgk003cx2vw9nzdc:0:t:30"))
                .hasValueSatisfying(s -> assertThat(s.chain()).isEqualTo("THOR"));
        assertThat(ThorchainMemo.parse("=:BTC~BTC:thor188cm7ttvfpkxahageez4fufgk003cx2vw9nzdc"))
                .hasValueSatisfying(s -> assertThat(s.chain()).isEqualTo("THOR"));
    }

    @Test
    void otherFunctionsAndBrokenMemosAreNotExits() {
        assertThat(ThorchainMemo.parse("+:ETH/ETH::tt:100")).isEmpty();
        assertThat(ThorchainMemo.parse("-:BTC.BTC:10000")).isEmpty();
        assertThat(ThorchainMemo.parse("=")).isEmpty();
        assertThat(ThorchainMemo.parse("=::bc1q")).isEmpty();
        assertThat(ThorchainMemo.parse(null)).isEmpty();
        assertThat(ThorchainMemo.parse("=:ETH.ETH")).hasValueSatisfying(s -> assertThat(s.destination()).isEmpty());
    }
}
