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
        private long taintedHi;
        private long taintedLo;
        private BigInteger bigTainted; // non-null exactly when the balance is big

        @Override
        public BigInteger tainted() {
            return bigTainted != null ? bigTainted : Wide.big(taintedHi, taintedLo);
        }

        @Override
        public void credit(Draw inflow) {
            if (bigBalance == null) {
                long hi = amountHi(inflow);
                if (addWide(hi, hi < 0 ? 0 : amountLo(inflow))) {
                    // tainted ≤ amount and tainted ≤ balance, so the tainted sum fits too
                    long tHi = inflow.isWide() ? inflow.taintedHi() : Wide.hi(inflow.tainted());
                    long tLo = inflow.isWide() ? inflow.taintedLo() : Wide.lo(inflow.tainted());
                    taintedHi = Wide.addHi(taintedHi, taintedLo, tHi, tLo);
                    taintedLo += tLo;
                    return;
                }
                bigBalance = balance();
                bigTainted = tainted();
            }
            bigBalance = bigBalance.add(inflow.amount());
            bigTainted = bigTainted.add(inflow.tainted());
        }

        @Override
        Draw debitWide(long hi, long lo, boolean whole) {
            long sHi;
            long sLo;
            if (whole || taintedHi == balanceHi && taintedLo == balanceLo) {
                // the whole balance takes all the taint; a wholly tainted balance gives a wholly tainted share
                sHi = whole ? taintedHi : hi;
                sLo = whole ? taintedLo : lo;
            } else if ((taintedHi | taintedLo) == 0) {
                sHi = 0;
                sLo = 0;
            } else {
                long[] q = new long[2];
                Wide.mulDiv(taintedHi, taintedLo, hi, lo, balanceHi, balanceLo, q);
                sHi = q[0];
                sLo = q[1];
            }
            taintedHi = Wide.subHi(taintedHi, taintedLo, sHi, sLo);
            taintedLo -= sLo;
            return Draw.wide(hi, lo, sHi, sLo);
        }

        @Override
        Draw debitBig(BigInteger amount) {
            BigInteger balance = balance();
            BigInteger tainted = tainted();
            Ledgers.checkDebit(balance, amount);
            BigInteger t = amount.equals(balance) ? tainted
                    : tainted.signum() == 0 ? BigInteger.ZERO : tainted.multiply(amount).divide(balance);
            tainted = tainted.subtract(t);
            if (setBalance(balance.subtract(amount))) {
                bigTainted = null;
                taintedHi = Wide.hi(tainted);
                taintedLo = Wide.lo(tainted);
            } else {
                bigTainted = tainted;
            }
            return Draw.of(amount, t);
        }
    }
}
