package dev.tracer.model;

/** How value moved. */
public enum TransferKind {
    /** A transaction's own value (ETH sent by an externally owned account). */
    NATIVE,
    /** ETH moved by a contract call inside a transaction (a trace with value). */
    INTERNAL,
    /** An ERC-20 {@code Transfer} event: a claim made by the token contract, not a signature. */
    TOKEN,
    /** A Bitcoin output spent by an input. */
    UTXO;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
