package dev.tracer.trace;

/** Why the trace ended at an address, and so what "the funds are here" means. */
public enum EndpointKind {
    /** A followed address still holds the funds at the end of the data (or of the time window). */
    HELD,
    /** The data ends here: the address's outflows are not in the dataset. Not "funds stopped". */
    FRONTIER,
    /** The address is in a stop category (exchange, bridge, mixer…): the trail leaves the chain's public ledger. */
    STOPPED,
    /** The hop limit was reached; the data would go on. */
    HOP_LIMIT,
    /** Only reached by transfers below the minimum amount, so not followed. */
    BELOW_MINIMUM,
    /** Cut by the fan-out cap of its sender. */
    FAN_OUT_CUT,
    /** Paid as a transaction fee (UTXO chains): a sink, not a destination. */
    FEE,
    /**
     * Swapped: sent to a DEX or aggregator in a swap whose proceeds came back to the sender in
     * another asset; the trace carries on in that asset (see the conversions).
     */
    SWAPPED,
    /**
     * A dust-attack output (UTXO chains): a tiny unsolicited output flagged by a detector. It is
     * not followed, so whatever the trace assigns it is reported here instead of being traced as
     * funds (forward: into the victims' later transactions; backward: back to the attacker).
     */
    DUST;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
