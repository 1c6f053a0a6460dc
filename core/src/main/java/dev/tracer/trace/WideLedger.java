package dev.tracer.trace;

import java.math.BigInteger;

/**
 * A {@link Ledger} whose balance is a {@link Wide} pair while it is below 2^127 (any realistic
 * asset) and a {@link BigInteger} after, and that also takes debits as pairs, so the engine's
 * common path (an amount below 2^127 out of a balance below 2^127) makes no {@code BigInteger}:
 * the haircut and poison ledgers. Both paths give the same results. Subclasses keep their taint
 * state in the same two forms, switching when the balance does.
 */
abstract class WideLedger implements Ledger {
    long balanceHi;
    long balanceLo;
    /** Non-null once the balance has outgrown {@link Wide}: the pair is unused then. */
    BigInteger bigBalance;

    @Override
    public final BigInteger balance() {
        return bigBalance != null ? bigBalance : Wide.big(balanceHi, balanceLo);
    }

    /** Whether the balance is at least the amount {@code (hi, lo)}. */
    final boolean covers(long hi, long lo) {
        return bigBalance != null ? bigBalance.compareTo(Wide.big(hi, lo)) >= 0
                : Wide.compare(balanceHi, balanceLo, hi, lo) >= 0;
    }

    /** {@link #debit(BigInteger)} of the amount {@code (hi, lo)}, which must not exceed the balance. */
    final Draw debit(long hi, long lo) {
        if (bigBalance != null) {
            return debitBig(Wide.big(hi, lo));
        }
        int c = Wide.compare(balanceHi, balanceLo, hi, lo);
        if (c < 0) {
            Ledgers.checkDebit(balance(), Wide.big(hi, lo)); // throws: the amount exceeds the balance
        }
        Draw d = debitWide(hi, lo, c == 0);
        balanceHi = Wide.subHi(balanceHi, balanceLo, hi, lo);
        balanceLo -= lo;
        return d;
    }

    @Override
    public final Draw debit(BigInteger amount) {
        if (bigBalance == null && Wide.fits(amount)) {
            if (!covers(Wide.hi(amount), Wide.lo(amount))) {
                Ledgers.checkDebit(balance(), amount);
            }
            return debit(Wide.hi(amount), Wide.lo(amount));
        }
        return debitBig(amount);
    }

    /**
     * Adds {@code (hi, lo)} (-1 high word: past 127 bits) to the pair and returns true; returns
     * false, changing nothing, when the sum would be past 127 bits.
     */
    final boolean addWide(long hi, long lo) {
        long sum = hi < 0 ? -1 : Wide.addHi(balanceHi, balanceLo, hi, lo);
        if (sum < 0) {
            return false;
        }
        balanceHi = sum;
        balanceLo += lo;
        return true;
    }

    /** Sets the balance to {@code b}, as a pair when it fits; returns whether it does. */
    final boolean setBalance(BigInteger b) {
        if (Wide.fits(b)) {
            bigBalance = null;
            balanceHi = Wide.hi(b);
            balanceLo = Wide.lo(b);
            return true;
        }
        bigBalance = b;
        return false;
    }

    /** The high word of {@code d}'s amount as a pair, or -1 when past 127 bits. */
    static long amountHi(Draw d) {
        return d.isWide() ? d.amountHi() : Wide.fits(d.amount()) ? Wide.hi(d.amount()) : -1;
    }

    /** The low word of {@code d}'s amount when {@link #amountHi} is not -1. */
    static long amountLo(Draw d) {
        return d.isWide() ? d.amountLo() : Wide.lo(d.amount());
    }

    /**
     * The draw of an amount {@code (hi, lo)} that the pair balance covers ({@code whole}: all of
     * it), updating the subclass's taint state; the balance itself is lowered after.
     */
    abstract Draw debitWide(long hi, long lo, boolean whole);

    /** {@link #debit(BigInteger)} on the {@code BigInteger} path, balance included. */
    abstract Draw debitBig(BigInteger amount);
}
