package dev.tracer.trace;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * FIFO taint: an address spends its holdings in the order it received them; an outflow takes
 * the oldest lots first, and the receiver gets those lots in that order.
 *
 * <p>Source: <i>Clayton's case</i> (Devaynes v Noble, 1816), the first-in-first-out rule of
 * English tracing law, as applied to Bitcoin by Anderson, Shumailov, Ahmed and Rietmann,
 * "Bitcoin Redemption: a Proposal to Reduce Crime and Hassle" (2016). Amortised O(1) lots per
 * transfer (adjacent lots of the same kind are merged).
 *
 * <p>Known false positives: the result depends on order within a block, which account-model
 * exports sometimes lack; an address that received clean funds long before the theft passes
 * those on first and can look clean while holding stolen funds.
 */
public final class FifoTaint implements TaintModel {

    @Override
    public String name() {
        return "fifo";
    }

    @Override
    public String description() {
        return "fifo: each address spends what it received in arrival order, so outflows take the oldest funds first (conserves the stolen amount exactly)";
    }

    @Override
    public boolean conserving() {
        return true;
    }

    @Override
    public Ledger newLedger() {
        return new FifoLedger();
    }

    private static final class FifoLedger implements Ledger {
        private final Deque<Lot> lots = new ArrayDeque<>();
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
            for (Lot l : inflow.lots()) {
                Lot last = lots.peekLast();
                if (last != null && last.tainted() == l.tainted()) {
                    lots.pollLast();
                    lots.addLast(new Lot(last.amount().add(l.amount()), l.tainted()));
                } else {
                    lots.addLast(l);
                }
            }
            balance = balance.add(inflow.amount());
            tainted = tainted.add(inflow.tainted());
        }

        @Override
        public Draw debit(BigInteger amount) {
            Ledgers.checkDebit(balance, amount);
            List<Lot> out = new ArrayList<>(2);
            BigInteger need = amount;
            while (need.signum() > 0) {
                Lot head = lots.pollFirst();
                if (head.amount().compareTo(need) <= 0) {
                    out.add(head);
                    need = need.subtract(head.amount());
                } else {
                    out.add(new Lot(need, head.tainted()));
                    lots.addFirst(new Lot(head.amount().subtract(need), head.tainted()));
                    need = BigInteger.ZERO;
                }
            }
            Draw d = Draw.ofLots(out);
            balance = balance.subtract(amount);
            tainted = tainted.subtract(d.tainted());
            return d;
        }
    }
}
