package dev.tracer.trace;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * What one transfer carries out of a ledger: its lots in the order the model drew them (FIFO
 * keeps this order on the receiving side; haircut and poison only need the tainted total).
 */
public final class Draw {
    private List<Lot> lots; // null until asked for, for draws made by of() (haircut and poison never ask)
    // made on first use for a wide draw (racy but benign, like lots)
    private BigInteger amount;
    private BigInteger tainted;
    /** A wide draw's amount and tainted part as {@link Wide} pairs; {@code wide} false for the others. */
    private final boolean wide;
    private final long amountHi;
    private final long amountLo;
    private final long taintedHi;
    private final long taintedLo;

    private Draw(List<Lot> lots, BigInteger amount, BigInteger tainted) {
        this.lots = lots;
        this.amount = amount;
        this.tainted = tainted;
        this.wide = false;
        this.amountHi = 0;
        this.amountLo = 0;
        this.taintedHi = 0;
        this.taintedLo = 0;
    }

    private Draw(long amountHi, long amountLo, long taintedHi, long taintedLo) {
        this.wide = true;
        this.amountHi = amountHi;
        this.amountLo = amountLo;
        this.taintedHi = taintedHi;
        this.taintedLo = taintedLo;
    }

    /**
     * A draw of amount {@code (amountHi, amountLo)} with tainted part {@code (taintedHi, taintedLo)},
     * as {@link Wide} pairs below 2^127, tainted ≤ amount (not checked: the ledgers that make it
     * guarantee it): the ledgers' path with no {@link BigInteger}.
     */
    static Draw wide(long amountHi, long amountLo, long taintedHi, long taintedLo) {
        return new Draw(amountHi, amountLo, taintedHi, taintedLo);
    }

    boolean isWide() {
        return wide;
    }

    long amountHi() {
        return amountHi;
    }

    long amountLo() {
        return amountLo;
    }

    long taintedHi() {
        return taintedHi;
    }

    long taintedLo() {
        return taintedLo;
    }

    /** Whether any of it is tainted, without making a {@link BigInteger}. */
    boolean anyTainted() {
        return wide ? (taintedHi | taintedLo) != 0 : tainted.signum() > 0;
    }

    private Draw(List<Lot> lots) {
        this.wide = false;
        this.amountHi = 0;
        this.amountLo = 0;
        this.taintedHi = 0;
        this.taintedLo = 0;
        this.lots = List.copyOf(lots);
        BigInteger a = BigInteger.ZERO;
        BigInteger t = BigInteger.ZERO;
        for (Lot l : lots) {
            a = a.add(l.amount());
            if (l.tainted()) {
                t = t.add(l.amount());
            }
        }
        this.amount = a;
        this.tainted = t;
    }

    /** A draw of {@code amount} of which {@code tainted} is tainted (tainted part first). */
    public static Draw of(BigInteger amount, BigInteger tainted) {
        if (tainted.signum() < 0 || tainted.compareTo(amount) > 0) {
            throw new IllegalArgumentException("tainted " + tainted + " outside 0.." + amount);
        }
        return new Draw(null, amount, tainted);
    }

    public static Draw clean(BigInteger amount) {
        return of(amount, BigInteger.ZERO);
    }

    public static Draw tainted(BigInteger amount) {
        return of(amount, amount);
    }

    /** Lots in order; adjacent lots of the same kind are merged. */
    public static Draw ofLots(List<Lot> lots) {
        List<Lot> merged = new ArrayList<>(lots.size());
        for (Lot l : lots) {
            if (l.amount().signum() == 0) {
                continue;
            }
            int last = merged.size() - 1;
            if (last >= 0 && merged.get(last).tainted() == l.tainted()) {
                merged.set(last, new Lot(merged.get(last).amount().add(l.amount()), l.tainted()));
            } else {
                merged.add(l);
            }
        }
        return new Draw(merged);
    }

    /** The lots; for a draw made by {@link #of}, at most two (tainted first), made on first use. */
    public List<Lot> lots() {
        List<Lot> l = lots;
        if (l == null) {
            // racy but benign: every thread makes an equal immutable list
            BigInteger amount = amount();
            BigInteger tainted = tainted();
            int c = amount.compareTo(tainted);
            if (tainted.signum() > 0) {
                l = c > 0 ? List.of(new Lot(tainted, true), new Lot(amount.subtract(tainted), false)) : List.of(new Lot(tainted, true));
            } else {
                l = c > 0 ? List.of(new Lot(amount, false)) : List.of();
            }
            lots = l;
        }
        return l;
    }

    public BigInteger amount() {
        BigInteger a = amount;
        if (a == null) {
            a = Wide.big(amountHi, amountLo);
            amount = a;
        }
        return a;
    }

    public BigInteger tainted() {
        BigInteger t = tainted;
        if (t == null) {
            t = Wide.big(taintedHi, taintedLo);
            tainted = t;
        }
        return t;
    }
}
