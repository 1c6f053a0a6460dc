package dev.tracer.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link Amount#toDecimalString(BigInteger, int)} places the point in an amount's digits without
 * {@code BigDecimal}; it must give exactly the text {@code BigDecimal} gives, for round and
 * full-precision amounts, negative ones, on both sides of 2^63 and of 18 decimals; and so must
 * {@link Amount#decimalOfDigits} from {@link Amount#digits}, the route writers take.
 */
class AmountDecimalPropertiesTest {

    @Provide
    Arbitrary<BigInteger> amounts() {
        BigInteger max = BigInteger.valueOf(Long.MAX_VALUE);
        Arbitrary<BigInteger> small = Arbitraries.bigIntegers().between(BigInteger.valueOf(-1_000_000), BigInteger.valueOf(1_000_000));
        Arbitrary<BigInteger> nearLong = Arbitraries.bigIntegers().between(max.negate().subtract(BigInteger.TEN), max.add(BigInteger.TEN))
                .edgeCases(c -> c.includeOnly(max, max.add(BigInteger.ONE), max.negate(), max.negate().subtract(BigInteger.ONE)));
        Arbitrary<BigInteger> huge = Arbitraries.bigIntegers().between(max, BigInteger.ONE.shiftLeft(130));
        // round amounts: a few significant digits times a power of ten (trailing zeros to strip)
        Arbitrary<BigInteger> round = Arbitraries.integers().between(1, 9999)
                .flatMap(m -> Arbitraries.integers().between(0, 24).map(p -> BigInteger.valueOf(m).multiply(BigInteger.TEN.pow(p))));
        // around powers of ten and of two up to 2^130: the digit rounds of Amount.digits carry zeros
        Arbitrary<BigInteger> edges = Arbitraries.integers().between(0, 130).flatMap(p -> Arbitraries.integers().between(-2, 2)
                .flatMap(d -> Arbitraries.of(BigInteger.TEN.pow(p * 40 / 130).add(BigInteger.valueOf(d)),
                        BigInteger.ONE.shiftLeft(p).add(BigInteger.valueOf(d)))));
        return Arbitraries.oneOf(small, nearLong, huge, round, edges, edges.map(BigInteger::negate));
    }

    @Property(tries = 3000)
    void givesTheTextBigDecimalGives(@ForAll("amounts") BigInteger v, @ForAll @IntRange(min = 0, max = 24) int decimals) {
        BigDecimal d = new BigDecimal(v, decimals).stripTrailingZeros();
        String expected = d.signum() == 0 ? "0" : d.toPlainString();
        assertThat(Amount.toDecimalString(v, decimals)).isEqualTo(expected);
        // a writer's route: the digits made once, the decimal text from them
        assertThat(Amount.decimalOfDigits(Amount.digits(v), decimals)).isEqualTo(expected);
    }

    @Property(tries = 5000)
    void digitsAreTheBigIntegersText(@ForAll("amounts") BigInteger v) {
        assertThat(Amount.digits(v)).isEqualTo(v.toString());
    }

    @Property(tries = 200)
    void negativeDecimalsAreRefusedForDigits(@ForAll("amounts") BigInteger v, @ForAll @IntRange(min = -24, max = -1) int decimals) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Amount.decimalOfDigits(Amount.digits(v), decimals))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("decimals must be 0 or more");
    }
}
