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

    private static final class PoisonLedger implements Ledger {
        private BigInteger balance = BigInteger.ZERO;
        private boolean poisoned;

        @Override
        public BigInteger balance() {
            return balance;
        }

        @Override
        public BigInteger tainted() {
            return poisoned ? balance : BigInteger.ZERO;
        }

        @Override
        public void credit(Draw inflow) {
            balance = balance.add(inflow.amount());
            poisoned |= inflow.tainted().signum() > 0;
        }

        @Override
        public Draw debit(BigInteger amount) {
            Ledgers.checkDebit(balance, amount);
            balance = balance.subtract(amount);
            return poisoned ? Draw.tainted(amount) : Draw.clean(amount);
        }
    }
}
