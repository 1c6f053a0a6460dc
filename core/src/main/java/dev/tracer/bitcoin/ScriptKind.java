package dev.tracer.bitcoin;

import java.util.Locale;

/**
 * What an output script is, as bitcoinj classified it. Address-bearing kinds have a standard
 * address; {@link #P2PK} outputs are shown with the P2PKH address of their key (as Bitcoin Core
 * and bitcoin-etl report them); the rest have none.
 */
public enum ScriptKind {
    /** Pay to public key (the early coinbase outputs). */
    P2PK,
    /** Pay to public key hash, a {@code 1…} address. */
    P2PKH,
    /** Pay to script hash, a {@code 3…} address. */
    P2SH,
    /** Segwit v0 key hash, a {@code bc1q…} address of 42 characters. */
    P2WPKH,
    /** Segwit v0 script hash, a {@code bc1q…} address of 62 characters. */
    P2WSH,
    /** Taproot (segwit v1), a {@code bc1p…} address. */
    P2TR,
    /** Bare multisig ({@code m <keys> n OP_CHECKMULTISIG}): no address. */
    MULTISIG,
    /** {@code OP_RETURN} data carrier: provably unspendable, its value (usually zero) is burned. */
    OP_RETURN,
    /** Any other script (future witness versions, non-standard scripts). */
    NONSTANDARD;

    /** Lower-case name used in output ({@code p2wpkh}, {@code op_return}). */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when outputs of this kind pay a standard address. */
    public boolean hasAddress() {
        return this != MULTISIG && this != OP_RETURN && this != NONSTANDARD;
    }
}
