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
    private final BigInteger amount;
    private final BigInteger tainted;

    private Draw(List<Lot> lots, BigInteger amount, BigInteger tainted) {
        this.lots = lots;
        this.amount = amount;
        this.tainted = tainted;
    }

    private Draw(List<Lot> lots) {
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
        return amount;
    }

    public BigInteger tainted() {
        return tainted;
    }
}
