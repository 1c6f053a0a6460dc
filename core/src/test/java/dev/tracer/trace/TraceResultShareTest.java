package dev.tracer.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link TraceResult#share} skips the division for equal amounts; reports print its scale
 * ({@code toPlainString}), so the shortcut must give the same value and scale as the division,
 * for equal and unequal amounts alike.
 */
class TraceResultShareTest {

    @Provide
    Arbitrary<BigInteger> amounts() {
        return Arbitraries.oneOf(Arbitraries.bigIntegers().between(BigInteger.ONE, BigInteger.valueOf(1000)),
                Arbitraries.bigIntegers().between(BigInteger.ONE, BigInteger.ONE.shiftLeft(130)),
                Arbitraries.integers().between(0, 30).map(p -> BigInteger.TEN.pow(p)));
    }

    @Property(tries = 2000)
    void equalsTheDivision(@ForAll("amounts") BigInteger amount, @ForAll("amounts") BigInteger seed,
                           @ForAll boolean same) {
        BigInteger a = same ? seed : amount;
        BigDecimal expected = new BigDecimal(a).divide(new BigDecimal(seed), new MathContext(6, RoundingMode.HALF_EVEN));
        BigDecimal share = TraceResult.share(a, seed);
        assertThat(share).isEqualTo(expected); // BigDecimal.equals: value and scale
        assertThat(share.toPlainString()).isEqualTo(expected.toPlainString());
    }

    @Property(tries = 200)
    void isZeroWithoutASeedAmount(@ForAll("amounts") BigInteger amount) {
        assertThat(TraceResult.share(amount, null)).isSameAs(BigDecimal.ZERO);
        assertThat(TraceResult.share(amount, BigInteger.ZERO)).isSameAs(BigDecimal.ZERO);
    }
}
