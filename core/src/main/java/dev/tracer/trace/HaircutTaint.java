package dev.tracer.trace;

import java.math.BigInteger;

/**
 * Haircut (proportional) taint: every outflow carries the tainted share of the balance it
 * leaves, {@code tainted × amount / balance}, rounded down to a base unit; the remainder stays in
 * the balance, so tainted value is conserved exactly and an outflow of the whole balance takes
 * all of its taint.
 *
 * <p>Source: the "haircut" policy of Möser, Böhme and Breuker (FC 2014 workshops); the
 * proportional rule of <i>Clayton's case</i> alternatives in English law of tracing. O(1) big-
 * integer operations per transfer.
 *
 * <p>Known false positives: it spreads taint thinly over every later outflow, so an address that
 * mixes stolen and clean funds makes all its payees look a little tainted; small shares need a
 * minimum amount to be read sensibly.
 */
public final class HaircutTaint implements TaintModel {

    @Override
    public String name() {
        return "haircut";
    }

    @Override
    public String description() {
        return "haircut: each outflow carries the stolen share of the balance it leaves (proportional; conserves the stolen amount exactly)";
    }

    @Override
    public boolean conserving() {
        return true;
    }

    @Override
    public Ledger newLedger() {
        return new HaircutLedger();
    }

    /**
     * Balance and tainted part as {@link Wide} pairs while both are below 2^127 (any realistic
     * asset), as {@code BigInteger}s after; the share is the same either way.
     */
    private static final class HaircutLedger extends WideLedger {
        private long balanceHi;
        private long balanceLo;
        private long taintedHi;
        private long taintedLo;
        private BigInteger bigBalance; // non-null once a value has outgrown Wide: then the longs are unused
        private BigInteger bigTainted;

        @Override
        public BigInteger balance() {
            return bigBalance != null ? bigBalance : Wide.big(balanceHi, balanceLo);
        }

        @Override
        public BigInteger tainted() {
            return bigTainted != null ? bigTainted : Wide.big(taintedHi, taintedLo);
        }

        @Override
        public void credit(Draw inflow) {
            if (bigBalance == null) {
                long aHi;
                long aLo;
                long tHi;
                long tLo;
                if (inflow.isWide()) {
                    aHi = inflow.amountHi();
                    aLo = inflow.amountLo();
                    tHi = inflow.taintedHi();
                    tLo = inflow.taintedLo();
                } else if (Wide.fits(inflow.amount())) {
                    aHi = Wide.hi(inflow.amount());
                    aLo = Wide.lo(inflow.amount());
                    tHi = Wide.hi(inflow.tainted());
                    tLo = Wide.lo(inflow.tainted());
                } else {
                    aHi = -1;
                    aLo = 0;
                    tHi = 0;
                    tLo = 0;
                }
                long hi = aHi < 0 ? -1 : Wide.addHi(balanceHi, balanceLo, aHi, aLo);
                if (hi >= 0) {
                    // tainted ≤ balance, so its sum fits too
                    taintedHi = Wide.addHi(taintedHi, taintedLo, tHi, tLo);
                    taintedLo += tLo;
                    balanceHi = hi;
                    balanceLo += aLo;
                    return;
                }
                bigBalance = Wide.big(balanceHi, balanceLo);
                bigTainted = Wide.big(taintedHi, taintedLo);
            }
            bigBalance = bigBalance.add(inflow.amount());
            bigTainted = bigTainted.add(inflow.tainted());
        }

        @Override
        boolean covers(long hi, long lo) {
            return bigBalance != null ? bigBalance.compareTo(Wide.big(hi, lo)) >= 0
                    : Wide.compare(balanceHi, balanceLo, hi, lo) >= 0;
        }

        @Override
        Draw debit(long hi, long lo) {
            if (bigBalance != null) {
                return debit(Wide.big(hi, lo));
            }
            int c = Wide.compare(balanceHi, balanceLo, hi, lo);
            if (c < 0) {
                throw overdrawn(hi, lo);
            }
            long sHi;
            long sLo;
            if (c == 0 || taintedHi == balanceHi && taintedLo == balanceLo) {
                // the whole balance takes all the taint; a wholly tainted balance gives a wholly tainted share
                sHi = c == 0 ? taintedHi : hi;
                sLo = c == 0 ? taintedLo : lo;
            } else if ((taintedHi | taintedLo) == 0) {
                sHi = 0;
                sLo = 0;
            } else {
                long[] q = new long[2];
                Wide.mulDiv(taintedHi, taintedLo, hi, lo, balanceHi, balanceLo, q);
                sHi = q[0];
                sLo = q[1];
            }
            balanceHi = Wide.subHi(balanceHi, balanceLo, hi, lo);
            balanceLo -= lo;
            taintedHi = Wide.subHi(taintedHi, taintedLo, sHi, sLo);
            taintedLo -= sLo;
            return Draw.wide(hi, lo, sHi, sLo);
        }

        @Override
        public Draw debit(BigInteger amount) {
            if (bigBalance == null && Wide.fits(amount)) {
                if (!covers(Wide.hi(amount), Wide.lo(amount))) {
                    Ledgers.checkDebit(balance(), amount);
                }
                return debit(Wide.hi(amount), Wide.lo(amount));
            }
            BigInteger balance = balance();
            BigInteger tainted = tainted();
            Ledgers.checkDebit(balance, amount);
            BigInteger t = amount.equals(balance) ? tainted
                    : tainted.signum() == 0 ? BigInteger.ZERO : tainted.multiply(amount).divide(balance);
            balance = balance.subtract(amount);
            tainted = tainted.subtract(t);
            if (Wide.fits(balance)) {
                bigBalance = null;
                bigTainted = null;
                balanceHi = Wide.hi(balance);
                balanceLo = Wide.lo(balance);
                taintedHi = Wide.hi(tainted);
                taintedLo = Wide.lo(tainted);
            } else {
                bigBalance = balance;
                bigTainted = tainted;
            }
            return Draw.of(amount, t);
        }
    }
}
