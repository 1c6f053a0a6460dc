package dev.tracer.trace;

import java.math.BigInteger;

/** Checks shared by the ledger implementations. */
final class Ledgers {
    private Ledgers() {
    }

    static void checkDebit(BigInteger balance, BigInteger amount) {
        if (amount.signum() < 0 || amount.compareTo(balance) > 0) {
            throw new IllegalStateException("debit " + amount + " outside balance " + balance
                    + " (the engine must credit the unexplained part first)");
        }
    }
}
