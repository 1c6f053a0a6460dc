package dev.tracer.trace;

import java.math.BigInteger;

/**
 * One address's balance of one asset, split into tainted and clean by a {@link TaintModel}.
 * Credits and debits must be applied in chain order. Implementations are package-private; get
 * one from {@link TaintModel#newLedger()}.
 */
public interface Ledger {

    /** Current balance in base units. */
    BigInteger balance();

    /** The tainted part of the balance, by this model. */
    BigInteger tainted();

    /** Adds an inflow. */
    void credit(Draw inflow);

    /**
     * Removes an outflow of {@code amount}, which must not exceed {@link #balance()}, and says
     * which of it is tainted.
     */
    Draw debit(BigInteger amount);
}
