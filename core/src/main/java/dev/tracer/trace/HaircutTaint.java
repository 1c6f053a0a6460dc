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

    private static final class HaircutLedger implements Ledger {
        private BigInteger balance = BigInteger.ZERO;
        private BigInteger tainted = BigInteger.ZERO;

        @Override
        public BigInteger balance() {
            return balance;
        }

        @Override
        public BigInteger tainted() {
            return tainted;
        }

        @Override
        public void credit(Draw inflow) {
            balance = balance.add(inflow.amount());
            tainted = tainted.add(inflow.tainted());
        }

        @Override
        public Draw debit(BigInteger amount) {
            Ledgers.checkDebit(balance, amount);
            BigInteger t = amount.equals(balance) ? tainted
                    : tainted.signum() == 0 ? BigInteger.ZERO : tainted.multiply(amount).divide(balance);
            balance = balance.subtract(amount);
            tainted = tainted.subtract(t);
            return Draw.of(amount, t);
        }
    }
}
