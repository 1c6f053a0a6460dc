package dev.tracer.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** A draw made from {@link Wide} pairs reads exactly as the same draw made from {@link BigInteger}s. */
class DrawTest {

    @Provide
    Arbitrary<BigInteger> values() {
        return Arbitraries.oneOf(
                Arbitraries.just(BigInteger.ZERO),
                Arbitraries.bigIntegers().between(BigInteger.ONE, BigInteger.valueOf(1000)),
                Arbitraries.integers().between(1, 127).flatMap(bits -> Arbitraries.bigIntegers()
                        .between(BigInteger.ONE.shiftLeft(bits - 1), BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE))));
    }

    @Property(tries = 500)
    void wideDrawReadsAsTheBigOne(@ForAll("values") BigInteger x, @ForAll("values") BigInteger y) {
        BigInteger amount = x.max(y);
        BigInteger tainted = x.min(y);
        Draw big = Draw.of(amount, tainted);
        Draw wide = Draw.wide(Wide.hi(amount), Wide.lo(amount), Wide.hi(tainted), Wide.lo(tainted));
        assertThat(wide.isWide()).isTrue();
        assertThat(big.isWide()).isFalse();
        assertThat(wide.amount()).isEqualTo(amount);
        assertThat(wide.tainted()).isEqualTo(tainted);
        assertThat(wide.anyTainted()).isEqualTo(big.anyTainted()).isEqualTo(tainted.signum() > 0);
        assertThat(wide.lots()).isEqualTo(big.lots());
        assertThat(Wide.big(wide.amountHi(), wide.amountLo())).isEqualTo(amount);
        assertThat(Wide.big(wide.taintedHi(), wide.taintedLo())).isEqualTo(tainted);
    }
}
