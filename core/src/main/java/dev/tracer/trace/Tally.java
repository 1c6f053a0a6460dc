package dev.tracer.trace;

import dev.tracer.graph.TransferGraph;
import java.math.BigInteger;

/**
 * A non-negative exact amount that runs on a long while it fits and on a {@link BigInteger}
 * after: for sums and clean balances over many transfers, most of whose amounts fit a long
 * ({@link TransferGraph#smallAmount}). O(1) a step, with no allocation on the long path.
 * Mutable; one per sum, never shared.
 */
final class Tally {
    private long small;
    private BigInteger big; // non-null once the value has outgrown a long

    /** Adds the amount of transfer {@code e}. */
    void add(TransferGraph g, int e) {
        long v = g.smallAmount(e);
        if (big == null && v >= 0) {
            long r = small + v;
            if (r >= 0) {
                small = r;
                return;
            }
        }
        big = value().add(v >= 0 ? BigInteger.valueOf(v) : g.amount(e));
    }

    /**
     * Takes the amount of transfer {@code e} out (or only checks it, when {@code keep}), first
     * raising the value to that amount when it is less; returns how much it was raised by (the
     * shortfall), or null when it was not.
     */
    BigInteger draw(TransferGraph g, int e, boolean keep) {
        long v = g.smallAmount(e);
        if (big == null && v >= 0) {
            BigInteger missing = null;
            if (small < v) {
                missing = BigInteger.valueOf(v - small);
                small = v;
            }
            if (!keep) {
                small -= v;
            }
            return missing;
        }
        BigInteger b = value();
        BigInteger amt = v >= 0 ? BigInteger.valueOf(v) : g.amount(e);
        BigInteger missing = null;
        if (b.compareTo(amt) < 0) {
            missing = amt.subtract(b);
            b = amt;
        }
        b = keep ? b : b.subtract(amt);
        if (b.bitLength() < 63) {
            small = b.longValue();
            big = null;
        } else {
            big = b;
        }
        return missing;
    }

    int signum() {
        return big != null ? big.signum() : Long.signum(small);
    }

    BigInteger value() {
        return big != null ? big : BigInteger.valueOf(small);
    }
}
