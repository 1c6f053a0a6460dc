package dev.tracer.trace;

import java.math.BigInteger;

/**
 * Exact unsigned arithmetic on amounts below 2^127 held as two longs ({@code hi}, {@code lo}: the
 * value is {@code hi·2^64 + lo}, {@code lo} unsigned, {@code 0 ≤ hi < 2^63}), so that the ledgers
 * of the common models keep balances of any realistic asset (all ether ever issued is below 2^87
 * wei) without a {@link BigInteger} per step. Callers check for overflow ({@link #addHi} below
 * zero) and fall back to {@code BigInteger}.
 *
 * <p>{@link #mulDiv} is Knuth's algorithm D (TAOCP vol. 2, §4.3.1) on 64-bit digits with a divisor
 * of one or two digits, each digit estimated by Warren's {@code divlu} (<i>Hacker's Delight</i>,
 * 2nd ed., §9-4): O(1), no allocation, at most two quotient digits.
 */
final class Wide {
    private static final long M = 0xFFFF_FFFFL;

    private Wide() {
    }

    static int compare(long aHi, long aLo, long bHi, long bLo) {
        int c = Long.compare(aHi, bHi);
        return c != 0 ? c : Long.compareUnsigned(aLo, bLo);
    }

    /** High word of {@code a + b}; negative when the sum is 2^127 or more. */
    static long addHi(long aHi, long aLo, long bHi, long bLo) {
        return aHi + bHi + (Long.compareUnsigned(aLo + bLo, aLo) < 0 ? 1 : 0);
    }

    /** High word of {@code a − b}, for {@code a ≥ b}. */
    static long subHi(long aHi, long aLo, long bHi, long bLo) {
        return aHi - bHi - (Long.compareUnsigned(aLo, bLo) < 0 ? 1 : 0);
    }

    /** Whether {@code v} is a non-negative value below 2^127. */
    static boolean fits(BigInteger v) {
        return v.signum() >= 0 && v.bitLength() <= 127;
    }

    static long hi(BigInteger v) {
        return v.bitLength() < 64 ? 0 : v.shiftRight(64).longValue();
    }

    static long lo(BigInteger v) {
        return v.longValue();
    }

    static BigInteger big(long hi, long lo) {
        if (hi == 0 && lo >= 0) {
            return BigInteger.valueOf(lo);
        }
        byte[] b = new byte[16]; // big-endian magnitude: one array, no intermediate BigIntegers
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (hi >>> (56 - 8 * i));
            b[8 + i] = (byte) (lo >>> (56 - 8 * i));
        }
        return new BigInteger(1, b);
    }

    /**
     * {@code floor(t × a / b)} into {@code q} ({@code q[0]} high word, {@code q[1]} low word), for
     * {@code t ≤ b}, {@code a ≤ b} and {@code 0 < b}, all below 2^127 (so the quotient is below
     * 2^127 too).
     */
    static void mulDiv(long tHi, long tLo, long aHi, long aLo, long bHi, long bLo, long[] q) {
        // the product in four 64-bit limbs
        long p0 = tLo * aLo;
        long c1 = Math.unsignedMultiplyHigh(tLo, aLo);
        long lhLo = tLo * aHi;
        long lhHi = Math.unsignedMultiplyHigh(tLo, aHi);
        long hlLo = tHi * aLo;
        long hlHi = Math.unsignedMultiplyHigh(tHi, aLo);
        long hhLo = tHi * aHi;
        long hhHi = Math.unsignedMultiplyHigh(tHi, aHi);
        long p1 = c1 + lhLo;
        long carry = Long.compareUnsigned(p1, c1) < 0 ? 1 : 0;
        long s = p1 + hlLo;
        carry += Long.compareUnsigned(s, p1) < 0 ? 1 : 0;
        p1 = s;
        long p2 = lhHi + carry;
        long carry2 = Long.compareUnsigned(p2, lhHi) < 0 ? 1 : 0;
        s = p2 + hlHi;
        carry2 += Long.compareUnsigned(s, p2) < 0 ? 1 : 0;
        p2 = s;
        s = p2 + hhLo;
        carry2 += Long.compareUnsigned(s, p2) < 0 ? 1 : 0;
        p2 = s;
        long p3 = hhHi + carry2;

        if (bHi == 0) {
            // b < 2^64, so t × a ≤ b² < b × 2^64: the high limbs are zero and p1 < b
            q[0] = 0;
            q[1] = divlu(p1, p0, bLo);
            return;
        }
        // normalise so the divisor's top bit is set; the quotient is unchanged
        int z = Long.numberOfLeadingZeros(bHi);
        long v1 = z == 0 ? bHi : bHi << z | bLo >>> (64 - z);
        long v0 = bLo << z;
        // the quotient is below 2^127, so its digit of weight 2^128 is zero: the shifted product's
        // fifth limb is zero and (u3, u2) < (v1, v0), as the next digit's step needs
        long u3 = z == 0 ? p3 : p3 << z | p2 >>> (64 - z);
        long u2 = z == 0 ? p2 : p2 << z | p1 >>> (64 - z);
        long u1 = z == 0 ? p1 : p1 << z | p0 >>> (64 - z);
        long u0 = p0 << z;
        long q1 = quotientDigit(u3, u2, u1, v1, v0);
        // the remainder (r1, r0) is below the divisor: the low 128 bits of (u2, u1) − q1 × (v1, v0)
        long m0 = q1 * v0;
        long m1 = Math.unsignedMultiplyHigh(q1, v0) + q1 * v1;
        long r0 = u1 - m0;
        long r1 = u2 - m1 - (Long.compareUnsigned(u1, m0) < 0 ? 1 : 0);
        q[0] = q1;
        q[1] = quotientDigit(r1, r0, u0, v1, v0);
    }

    /**
     * One 64-bit digit of Knuth's algorithm D with a two-limb divisor: {@code floor((x2, x1, x0) /
     * (v1, v0))} for {@code (x2, x1) < (v1, v0)} and the top bit of {@code v1} set.
     */
    static long quotientDigit(long x2, long x1, long x0, long v1, long v0) {
        long qhat;
        long rhat;
        boolean rhatPast64;
        if (x2 == v1) {
            qhat = -1; // 2^64 − 1
            rhat = x1 + v1;
            rhatPast64 = Long.compareUnsigned(rhat, x1) < 0;
        } else {
            qhat = divlu(x2, x1, v1);
            rhat = x1 - qhat * v1;
            rhatPast64 = false;
        }
        // Knuth's test, at most twice. With a divisor of two digits it compares qhat × (v1, v0) with
        // the whole window (x2, x1, x0), so it leaves the exact digit and no add-back step is needed;
        // once rhat reaches 2^64, qhat × v0 < 2^128 ≤ rhat × 2^64 and the test is false anyway
        while (!rhatPast64) {
            long pHi = Math.unsignedMultiplyHigh(qhat, v0);
            long pLo = qhat * v0;
            if (Long.compareUnsigned(pHi, rhat) < 0 || pHi == rhat && Long.compareUnsigned(pLo, x0) <= 0) {
                break;
            }
            qhat--;
            long r = rhat + v1;
            rhatPast64 = Long.compareUnsigned(r, rhat) < 0;
            rhat = r;
        }
        return qhat;
    }

    /**
     * {@code floor((u1·2^64 + u0) / v)} for unsigned {@code u1 < v}: Warren's {@code divlu}
     * (Hacker's Delight §9-4), two 32-bit steps of algorithm D.
     */
    static long divlu(long u1, long u0, long v) {
        int s = Long.numberOfLeadingZeros(v);
        v <<= s;
        long vn1 = v >>> 32;
        long vn0 = v & M;
        long un32 = s == 0 ? u1 : u1 << s | u0 >>> (64 - s);
        long un10 = u0 << s;
        long un1 = un10 >>> 32;
        long un0 = un10 & M;
        long q1 = Long.divideUnsigned(un32, vn1);
        long rhat = un32 - q1 * vn1;
        while (Long.compareUnsigned(q1, M) > 0 || Long.compareUnsigned(q1 * vn0, rhat << 32 | un1) > 0) {
            q1--;
            rhat += vn1;
            if (Long.compareUnsigned(rhat, M) > 0) {
                break;
            }
        }
        long un21 = (un32 << 32) + un1 - q1 * v;
        long q0 = Long.divideUnsigned(un21, vn1);
        rhat = un21 - q0 * vn1;
        while (Long.compareUnsigned(q0, M) > 0 || Long.compareUnsigned(q0 * vn0, rhat << 32 | un0) > 0) {
            q0--;
            rhat += vn1;
            if (Long.compareUnsigned(rhat, M) > 0) {
                break;
            }
        }
        return q1 << 32 | q0;
    }
}
