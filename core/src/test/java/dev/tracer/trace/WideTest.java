package dev.tracer.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link Wide} against {@link BigInteger}, over values that cross every 32-bit digit boundary. */
class WideTest {

    static final BigInteger LIMIT = BigInteger.ONE.shiftLeft(127);

    @Provide
    Arbitrary<BigInteger> values() {
        return Arbitraries.oneOf(
                Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.valueOf(1000)),
                Arbitraries.integers().between(1, 126).flatMap(bits -> Arbitraries.bigIntegers()
                        .between(BigInteger.ONE.shiftLeft(bits - 1), BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE))),
                // digits of all ones or all zeros: the cases where Knuth's estimate is off and must be corrected
                Arbitraries.integers().between(1, 126).map(bits -> BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)),
                Arbitraries.integers().between(0, 126).map(bits -> BigInteger.ONE.shiftLeft(bits)),
                Arbitraries.longs().between(1, 1_000_000).map(v -> BigInteger.valueOf(v).multiply(BigInteger.TEN.pow(18))));
    }

    private static BigInteger mulDiv(BigInteger t, BigInteger a, BigInteger b) {
        long[] q = new long[2];
        Wide.mulDiv(Wide.hi(t), Wide.lo(t), Wide.hi(a), Wide.lo(a), Wide.hi(b), Wide.lo(b), q);
        return Wide.big(q[0], q[1]);
    }

    @Property(tries = 3000)
    void mulDivIsTheFlooredQuotient(@ForAll("values") BigInteger x, @ForAll("values") BigInteger y,
                                    @ForAll("values") BigInteger z) {
        // t ≤ b and a ≤ b, as a haircut share asks (tainted ≤ balance, amount ≤ balance)
        BigInteger b = x.max(y).max(z).max(BigInteger.ONE);
        BigInteger t = x.min(b);
        BigInteger a = y.min(b);
        assertThat(mulDiv(t, a, b)).as("%s × %s / %s", t, a, b).isEqualTo(t.multiply(a).divide(b));
        assertThat(mulDiv(a, t, b)).isEqualTo(t.multiply(a).divide(b));
    }

    @Property(tries = 2000)
    void addSubtractAndCompareAgreeWithBigInteger(@ForAll("values") BigInteger x, @ForAll("values") BigInteger y) {
        assertThat(Wide.big(Wide.hi(x), Wide.lo(x))).isEqualTo(x);
        assertThat(Integer.signum(Wide.compare(Wide.hi(x), Wide.lo(x), Wide.hi(y), Wide.lo(y)))).isEqualTo(x.compareTo(y));
        BigInteger sum = x.add(y);
        long hi = Wide.addHi(Wide.hi(x), Wide.lo(x), Wide.hi(y), Wide.lo(y));
        if (sum.compareTo(LIMIT) < 0) {
            assertThat(Wide.big(hi, Wide.lo(x) + Wide.lo(y))).isEqualTo(sum);
        } else {
            assertThat(hi).as("overflow shows as a negative high word").isNegative();
        }
        BigInteger big = x.max(y);
        BigInteger small = x.min(y);
        assertThat(Wide.big(Wide.subHi(Wide.hi(big), Wide.lo(big), Wide.hi(small), Wide.lo(small)), Wide.lo(big) - Wide.lo(small)))
                .isEqualTo(big.subtract(small));
        assertThat(Wide.fits(x)).isTrue();
    }

    @Example
    void addBackStepOfAlgorithmD() {
        // Hacker's Delight's divmnu test vectors that need the rare "add back" step, scaled into t × a / b
        BigInteger b = new BigInteger("7fffffff800000010000000000000000", 16);
        BigInteger t = new BigInteger("7fffffff800000000000000000000000", 16);
        BigInteger a = new BigInteger("7fffffff000000000000000000000003", 16);
        assertThat(mulDiv(t, a, b)).isEqualTo(t.multiply(a).divide(b));
        BigInteger b2 = new BigInteger("80000000fffffffe00000000", 16);
        BigInteger t2 = new BigInteger("8000000000000000fffffffe", 16).min(b2);
        BigInteger a2 = new BigInteger("0000fffe000000000000fffffffe", 16).min(b2);
        assertThat(mulDiv(t2, a2, b2)).isEqualTo(t2.multiply(a2).divide(b2));
        assertThat(Wide.fits(LIMIT)).isFalse();
        assertThat(Wide.fits(LIMIT.subtract(BigInteger.ONE))).isTrue();
        assertThat(Wide.fits(BigInteger.ONE.negate())).isFalse();
    }
}
