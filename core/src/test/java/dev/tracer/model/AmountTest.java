package dev.tracer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AmountTest {
    private static final Asset ETH = Asset.nativeOf(Chain.ETHEREUM);
    private static final Asset STETH = Asset.token(
            Address.parse(Chain.ETHEREUM, "0xae7ab96520de3a18e5e111b5eaab095312d7fe84"), "stETH", 18, true);
    private static final Asset USDT = Asset.token(
            Address.parse(Chain.ETHEREUM, "0xdac17f958d2ee523a2206206994597c13d831ec7"), "USDT", 6, true);
    private static final Asset BTC = Asset.nativeOf(Chain.BITCOIN);

    @Test
    void bybitStethAmountParsesExactly() {
        Amount a = Amount.parseDecimal(STETH, "90375.54791768");
        assertThat(a.value()).isEqualTo(new BigInteger("90375547917680000000000"));
        assertThat(a.asset()).isEqualTo(STETH);
        assertThat(a.toDecimalString()).isEqualTo("90375.54791768");
        assertThat(a.toString()).isEqualTo("90375.54791768 stETH");
    }

    @ParameterizedTest
    @CsvSource({
        "0, 0",
        "0.0, 0",
        "1, 1000000000000000000",
        "401346.76, 401346760000000000000000",
        "0.000000000000000001, 1",
        "1., 1000000000000000000",
        ".5, 500000000000000000",
        "115792089237316195423570985008687907853269984665640564039457.584007913129639935,"
                + " 115792089237316195423570985008687907853269984665640564039457584007913129639935",
    })
    void decimalTextConvertsExactlyToWei(String text, String wei) {
        assertThat(Amount.parseDecimal(ETH, text).value()).isEqualTo(new BigInteger(wei));
    }

    @Test
    void decimalsComeFromTheAsset() {
        assertThat(Amount.parseDecimal(USDT, "1.5").value()).isEqualTo(BigInteger.valueOf(1_500_000));
        assertThat(Amount.parseDecimal(BTC, "0.00000001").value()).isEqualTo(BigInteger.ONE);
        assertThat(Amount.parseDecimal(BTC, "21000000").value()).isEqualTo(new BigInteger("2100000000000000"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0000001", "0.0000005", "123.4567891"})
    void moreFractionalDigitsThanTheAssetHasAreRejected(String text) {
        assertThatThrownBy(() -> Amount.parseDecimal(USDT, text))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(text)
                .hasMessageContaining("6 fractional digits");
    }

    @Test
    void trailingZerosBeyondTheDecimalsAreStillExact() {
        assertThat(Amount.parseDecimal(USDT, "1.50000000").value()).isEqualTo(BigInteger.valueOf(1_500_000));
    }

    @Test
    void oneWeiTooFineForEthIsRejected() {
        assertThatThrownBy(() -> Amount.parseDecimal(ETH, "0.0000000000000000001"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("0.0000000000000000001");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1,000", "-1", "-0.5", "+1", "1e3", "1E3", "1.5e-3", "0x10", "1 000", "1.2.3", ".",
        "NaN", "Infinity", "١٢٣", "１２"})
    void nonNumericNegativeAndExponentFormsAreRejectedNamingTheText(String text) {
        assertThatThrownBy(() -> Amount.parseDecimal(ETH, text))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(text);
    }

    @Test
    void emptyTextIsRejected() {
        assertThatThrownBy(() -> Amount.parseDecimal(ETH, "")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> Amount.parseDecimal(ETH, "  ")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Amount.parseDecimal(ETH, null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void negativeBaseUnitsAreRejected() {
        assertThatThrownBy(() -> Amount.of(ETH, BigInteger.valueOf(-1)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("negative");
        assertThatThrownBy(() -> Amount.of(ETH, BigInteger.ONE).minus(Amount.of(ETH, BigInteger.TWO)))
                .isInstanceOf(InvalidInputException.class);
    }

    @ParameterizedTest
    @CsvSource({
        "0, 0",
        "1, 0.000000000000000001",
        "1000000000000000000, 1",
        "10000000000000000000000, 10000",
        "90375547917680000000000, 90375.54791768",
        "1500000000000000000, 1.5",
    })
    void toDecimalStringIsPlainAndStripsTrailingZeros(String wei, String text) {
        assertThat(Amount.of(ETH, new BigInteger(wei)).toDecimalString()).isEqualTo(text);
    }

    @Test
    void toDecimalStringRoundTripsThroughParse() {
        BigInteger[] samples = {
            BigInteger.ZERO, BigInteger.ONE, BigInteger.TEN.pow(18), BigInteger.TEN.pow(22),
            new BigInteger("90375547917680000000000"), BigInteger.ONE.shiftLeft(63).add(BigInteger.ONE),
            BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE), new BigInteger("123456789012345678901234567890"),
        };
        for (Asset asset : new Asset[] {ETH, USDT, BTC}) {
            for (BigInteger v : samples) {
                String text = Amount.of(asset, v).toDecimalString();
                assertThat(text).as("%s %s", v, asset).doesNotContain("E").doesNotContain("e");
                assertThat(Amount.parseDecimal(asset, text).value()).as("%s %s", v, asset).isEqualTo(v);
            }
        }
    }

    @Test
    void arithmeticRefusesToMixAssets() {
        Amount eth = Amount.of(ETH, BigInteger.ONE);
        Amount steth = Amount.of(STETH, BigInteger.ONE);
        assertThat(eth.plus(eth).value()).isEqualTo(BigInteger.TWO);
        assertThatThrownBy(() -> eth.plus(steth)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> eth.compareTo(steth)).isInstanceOf(IllegalArgumentException.class);
    }
}
