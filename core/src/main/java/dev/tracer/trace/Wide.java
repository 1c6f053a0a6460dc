package dev.tracer.trace;

import java.math.BigInteger;

/**
 * Exact unsigned arithmetic on amounts below 2^127 held as two longs ({@code hi}, {@code lo}: the
 * value is {@code hi·2^64 + lo}, {@code lo} unsigned, {@code 0 ≤ hi < 2^63}), so that the ledgers
 * of the common models keep balances of any realistic asset (all ether ever issued is below 2^87
 * wei) without a {@link BigInteger} per step. Callers check for overflow ({@link #addHi} below
 * zero) and fall back to {@code BigInteger}.
 *
 * <p>{@link #mulDiv} is Knuth's algorithm D (TAOCP vol. 2, §4.3.1) on 32-bit digits, as written
 * in Warren, <i>Hacker's Delight</i> (2nd ed.), §9-2 {@code divmnu}: O(1), at most 8 digits.
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

        long[] u = {p0 & M, p0 >>> 32, p1 & M, p1 >>> 32, p2 & M, p2 >>> 32, p3 & M, p3 >>> 32};
        int m = 8;
        while (m > 1 && u[m - 1] == 0) {
            m--;
        }
        long[] v = {bLo & M, bLo >>> 32, bHi & M, bHi >>> 32};
        int n = 4;
        while (n > 1 && v[n - 1] == 0) {
            n--;
        }
        long[] quot = new long[8];
        if (m < n) {
            q[0] = 0;
            q[1] = 0;
            return;
        }
        if (n == 1) {
            long d = v[0];
            long r = 0;
            for (int i = m - 1; i >= 0; i--) {
                long cur = (r << 32) | u[i];
                quot[i] = Long.divideUnsigned(cur, d);
                r = cur - quot[i] * d;
            }
        } else {
            divmnu(u, m, v, n, quot);
        }
        q[0] = quot[2] | quot[3] << 32;
        q[1] = quot[0] | quot[1] << 32;
    }

    /** Knuth D: {@code quot} gets the {@code m − n + 1} digits of {@code u / v}; {@code v[n−1] ≠ 0}, {@code n ≥ 2}. */
    private static void divmnu(long[] u, int m, long[] v, int n, long[] quot) {
        int s = Long.numberOfLeadingZeros(v[n - 1]) - 32; // 0..31
        long[] vn = new long[n];
        for (int i = n - 1; i > 0; i--) {
            vn[i] = ((v[i] << s) | (v[i - 1] >>> (32 - s))) & M;
        }
        vn[0] = (v[0] << s) & M;
        long[] un = new long[m + 1];
        un[m] = u[m - 1] >>> (32 - s);
        for (int i = m - 1; i > 0; i--) {
            un[i] = ((u[i] << s) | (u[i - 1] >>> (32 - s))) & M;
        }
        un[0] = (u[0] << s) & M;
        long top = vn[n - 1];
        long next = vn[n - 2];
        for (int j = m - n; j >= 0; j--) {
            long num = (un[j + n] << 32) | un[j + n - 1];
            long qhat = Long.divideUnsigned(num, top);
            long rhat = num - qhat * top;
            while (qhat > M || Long.compareUnsigned(qhat * next, (rhat << 32) | un[j + n - 2]) > 0) {
                qhat--;
                rhat += top;
                if (rhat > M) {
                    break;
                }
            }
            long k = 0;
            long t;
            for (int i = 0; i < n; i++) {
                long p = qhat * vn[i];
                t = un[i + j] - k - (p & M);
                un[i + j] = t & M;
                k = (p >>> 32) - (t >> 32);
            }
            t = un[j + n] - k;
            un[j + n] = t & M;
            if (t < 0) {
                qhat--;
                k = 0;
                for (int i = 0; i < n; i++) {
                    t = un[i + j] + vn[i] + k;
                    un[i + j] = t & M;
                    k = t >>> 32;
                }
                un[j + n] = (un[j + n] + k) & M;
            }
            quot[j] = qhat;
        }
    }
}
