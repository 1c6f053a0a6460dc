package dev.tracer.trace;

import java.math.BigInteger;

/**
 * Poison taint: once an address has received any stolen value, every later outflow is wholly
 * tainted.
 *
 * <p>Source: the "poison" policy of Möser, Böhme and Breuker, "Towards Risk Scoring of Bitcoin
 * Transactions" (FC 2014 workshops), and Anderson et al., "Bitcoin Redemption" (2016). O(1) per
 * transfer.
 *
 * <p>Known false positives, by design: it over-counts. An exchange hot wallet that receives one
 * stolen wei taints every later withdrawal; totals can exceed what was stolen. Use it to find
 * every address that may hold proceeds, not to measure how much.
 */
public final class PoisonTaint implements TaintModel {

    @Override
    public String name() {
        return "poison";
    }

    @Override
    public String description() {
        return "poison: after an address receives any stolen value, all of its later outflows count as stolen (an upper bound; may exceed the amount stolen)";
    }

    @Override
    public boolean conserving() {
        return false;
    }

    @Override
    public Ledger newLedger() {
        return new PoisonLedger();
    }

    /** The balance as a {@link Wide} pair while below 2^127, as a {@code BigInteger} after. */
    private static final class PoisonLedger extends WideLedger {
        private long balanceHi;
        private long balanceLo;
        private BigInteger bigBalance; // non-null once the balance has outgrown Wide
        private boolean poisoned;

        @Override
        public BigInteger balance() {
            return bigBalance != null ? bigBalance : Wide.big(balanceHi, balanceLo);
        }

        @Override
        public BigInteger tainted() {
            return poisoned ? balance() : BigInteger.ZERO;
        }

        @Override
        public void credit(Draw inflow) {
            poisoned |= inflow.anyTainted();
            if (bigBalance == null) {
                long aHi = inflow.isWide() ? inflow.amountHi() : Wide.fits(inflow.amount()) ? Wide.hi(inflow.amount()) : -1;
                long aLo = inflow.isWide() ? inflow.amountLo() : aHi < 0 ? 0 : Wide.lo(inflow.amount());
                long hi = aHi < 0 ? -1 : Wide.addHi(balanceHi, balanceLo, aHi, aLo);
                if (hi >= 0) {
                    balanceHi = hi;
                    balanceLo += aLo;
                    return;
                }
                bigBalance = Wide.big(balanceHi, balanceLo);
            }
            bigBalance = bigBalance.add(inflow.amount());
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
            if (Wide.compare(balanceHi, balanceLo, hi, lo) < 0) {
                throw overdrawn(hi, lo);
            }
            balanceHi = Wide.subHi(balanceHi, balanceLo, hi, lo);
            balanceLo -= lo;
            return poisoned ? Draw.wide(hi, lo, hi, lo) : Draw.wide(hi, lo, 0, 0);
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
            Ledgers.checkDebit(balance, amount);
            balance = balance.subtract(amount);
            if (Wide.fits(balance)) {
                bigBalance = null;
                balanceHi = Wide.hi(balance);
                balanceLo = Wide.lo(balance);
            } else {
                bigBalance = balance;
            }
            return poisoned ? Draw.tainted(amount) : Draw.clean(amount);
        }
    }
}
