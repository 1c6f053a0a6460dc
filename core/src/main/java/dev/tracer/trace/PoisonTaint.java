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
        private boolean poisoned;

        @Override
        public BigInteger tainted() {
            return poisoned ? balance() : BigInteger.ZERO;
        }

        @Override
        public void credit(Draw inflow) {
            poisoned |= inflow.anyTainted();
            if (bigBalance == null) {
                long hi = amountHi(inflow);
                if (addWide(hi, hi < 0 ? 0 : amountLo(inflow))) {
                    return;
                }
                bigBalance = balance();
            }
            bigBalance = bigBalance.add(inflow.amount());
        }

        @Override
        Draw debitWide(long hi, long lo, boolean whole) {
            return poisoned ? Draw.wide(hi, lo, hi, lo) : Draw.wide(hi, lo, 0, 0);
        }

        @Override
        Draw debitBig(BigInteger amount) {
            BigInteger balance = balance();
            Ledgers.checkDebit(balance, amount);
            setBalance(balance.subtract(amount));
            return poisoned ? Draw.tainted(amount) : Draw.clean(amount);
        }
    }
}
