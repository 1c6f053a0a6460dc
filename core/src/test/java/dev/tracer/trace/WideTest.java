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
    void divluIsTheFlooredQuotientOf128By64Bits(@ForAll("values") BigInteger x, @ForAll("values") BigInteger y) {
        BigInteger two64 = BigInteger.ONE.shiftLeft(64);
        BigInteger v = y.mod(two64).max(BigInteger.ONE);
        BigInteger u = x.mod(v.shiftLeft(64)); // u1 < v
        long q = Wide.divlu(Wide.hi(u), Wide.lo(u), v.longValue());
        assertThat(new BigInteger(Long.toUnsignedString(q))).as("%s / %s", u, v).isEqualTo(u.divide(v));
    }

    /** 64-bit words biased to the edges where a digit estimate goes wrong: all ones, all zeros, the top bit alone. */
    @Provide
    Arbitrary<Long> words() {
        return Arbitraries.oneOf(
                Arbitraries.of(0L, 1L, -1L, -2L, Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE + 1, 0xFFFF_FFFFL,
                        0xFFFF_FFFF_0000_0000L),
                Arbitraries.longs(),
                Arbitraries.longs().between(-1000, -1));
    }

    private static BigInteger unsigned(long v) {
        return new BigInteger(Long.toUnsignedString(v));
    }

    @Property(tries = 20000)
    void quotientDigitIsTheFlooredQuotient(@ForAll("words") long x2, @ForAll("words") long x1, @ForAll("words") long x0,
                                           @ForAll("words") long w1, @ForAll("words") long v0) {
        long v1 = w1 | Long.MIN_VALUE; // normalised divisor
        BigInteger v = unsigned(v1).shiftLeft(64).add(unsigned(v0));
        BigInteger top = unsigned(x2).shiftLeft(64).add(unsigned(x1));
        if (top.compareTo(v) >= 0) {
            top = top.mod(v); // the step's precondition: (x2, x1) < (v1, v0)
        }
        BigInteger x = top.shiftLeft(64).add(unsigned(x0));
        long q = Wide.quotientDigit(Wide.hi(top), Wide.lo(top), x0, v1, v0);
        assertThat(unsigned(q)).as("%s / %s", x, v).isEqualTo(x.divide(v));
    }

    @Example
    void digitEstimatesTwoTooLarge() {
        // (x2, x1) / v1 gives 2^64 − 1 where the digit is 2^64 − 3: both corrections matter
        long v1 = Long.MIN_VALUE;
        long v0 = -1L;
        long x2 = Long.MAX_VALUE;
        long x1 = -1L;
        BigInteger v = unsigned(v1).shiftLeft(64).add(unsigned(v0));
        for (long x0 : new long[] {0L, 1L, -1L, Long.MIN_VALUE}) {
            BigInteger x = unsigned(x2).shiftLeft(128).add(unsigned(x1).shiftLeft(64)).add(unsigned(x0));
            assertThat(unsigned(Wide.quotientDigit(x2, x1, x0, v1, v0))).isEqualTo(x.divide(v));
        }
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
    void valuesWithDigitsOfAllOnesAndZeros() {
        // divisors and dividends with digits of all ones and all zeros, where the digit estimate is too large
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
