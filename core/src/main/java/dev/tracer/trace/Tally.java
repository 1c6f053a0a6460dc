package dev.tracer.trace;

import dev.tracer.graph.TransferGraph;
import java.math.BigInteger;

/**
 * A non-negative exact amount that runs on a {@link Wide} pair while it is below 2^127 and on a
 * {@link BigInteger} after: for sums and clean balances over many transfers, whose amounts are
 * nearly all below 2^127 ({@link TransferGraph#amountHigh}). O(1) a step, with no allocation on
 * the wide path. Mutable; one per sum, never shared.
 */
final class Tally {
    private long hi;
    private long lo;
    private BigInteger big; // non-null once the value has outgrown Wide

    /** Adds the amount of transfer {@code e}. */
    void add(TransferGraph g, int e) {
        long h = g.amountHigh(e);
        if (big == null && h >= 0) {
            long l = g.amountLow(e);
            long sum = Wide.addHi(hi, lo, h, l);
            if (sum >= 0) {
                hi = sum;
                lo += l;
                return;
            }
        }
        big = value().add(g.amount(e));
    }

    /**
     * Takes the amount of transfer {@code e} out (or only checks it, when {@code keep}), first
     * raising the value to that amount when it is less; returns how much it was raised by (the
     * shortfall), or null when it was not.
     */
    BigInteger draw(TransferGraph g, int e, boolean keep) {
        long h = g.amountHigh(e);
        if (big == null && h >= 0) {
            long l = g.amountLow(e);
            BigInteger missing = null;
            if (Wide.compare(hi, lo, h, l) < 0) {
                missing = Wide.big(Wide.subHi(h, l, hi, lo), l - lo);
                hi = h;
                lo = l;
            }
            if (!keep) {
                hi = Wide.subHi(hi, lo, h, l);
                lo -= l;
            }
            return missing;
        }
        BigInteger b = value();
        BigInteger amt = g.amount(e);
        BigInteger missing = null;
        if (b.compareTo(amt) < 0) {
            missing = amt.subtract(b);
            b = amt;
        }
        b = keep ? b : b.subtract(amt);
        if (Wide.fits(b)) {
            hi = Wide.hi(b);
            lo = Wide.lo(b);
            big = null;
        } else {
            big = b;
        }
        return missing;
    }

    /** An independent copy with the same value. */
    Tally copy() {
        Tally t = new Tally();
        t.hi = hi;
        t.lo = lo;
        t.big = big;
        return t;
    }

    int signum() {
        return big != null ? big.signum() : (hi | lo) != 0 ? 1 : 0;
    }

    BigInteger value() {
        return big != null ? big : Wide.big(hi, lo);
    }

    /** A clean draw of the whole value: wide while the value is. */
    Draw cleanDraw() {
        return big != null ? Draw.clean(big) : Draw.wide(hi, lo, 0, 0);
    }
}
