package dev.tracer.trace;

import java.math.BigInteger;

/**
 * A {@link Ledger} that also takes amounts as {@link Wide} pairs, so the engine's common path
 * (an amount below 2^127 into a balance below 2^127) makes no {@link BigInteger}: the haircut and
 * poison ledgers. The {@code BigInteger} methods give the same results.
 */
abstract class WideLedger implements Ledger {

    /** Whether the balance is at least the amount {@code (hi, lo)}. */
    abstract boolean covers(long hi, long lo);

    /** {@link #debit(BigInteger)} of the amount {@code (hi, lo)}, which must not exceed the balance. */
    abstract Draw debit(long hi, long lo);

    /** The {@link Ledgers#checkDebit} failure for an amount {@code (hi, lo)} above the balance. */
    final IllegalStateException overdrawn(long hi, long lo) {
        return new IllegalStateException("debit " + Wide.big(hi, lo) + " outside balance " + balance()
                + " (the engine must credit the unexplained part first)");
    }
}
