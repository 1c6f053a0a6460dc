package dev.tracer.model;

import java.util.Locale;
import java.util.Objects;
import org.bitcoinj.base.AddressParser;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.LegacyAddress;
import org.bitcoinj.base.SegwitAddress;
import org.bitcoinj.base.exceptions.AddressFormatException;
import org.web3j.crypto.Keys;

/**
 * A vertex of the transfer graph on one chain. Usually an address, in canonical form: lower-case
 * {@code 0x}-hex for EVM chains, the standard Base58Check or (lower-case) Bech32/Bech32m string
 * for Bitcoin. In the UTXO model the graph also has transactions ({@code tx:TXID}), outputs
 * ({@code TXID:VOUT}, with the address that owns them for display) and the fee sink
 * ({@code fee}); see {@link Kind}.
 *
 * <p>EVM input in mixed case must carry a valid EIP-55 checksum (a wrong one is a typo or a
 * tampered address, and is rejected); all-lower and all-upper hex carry no checksum and are
 * accepted. Bitcoin input is parsed by bitcoinj, which verifies its checksum.
 * Equality is by chain and canonical text.
 */
public final class Address implements Comparable<Address> {
    /** What a vertex is. */
    public enum Kind {
        /** An address that holds funds (EVM account, Bitcoin address). */
        ACCOUNT,
        /** A Bitcoin transaction: its inputs fund its outputs. */
        TRANSACTION,
        /** A Bitcoin transaction output: the unit of funds in the UTXO model. */
        OUTPUT,
        /** Where value leaves the ledger without a recipient (the miners' fee). */
        SINK
    }

    private final Chain chain;
    private final String canonical;
    private final Kind kind;
    private final String owner; // for outputs: the address that owns them, or a script description; else null

    private Address(Chain chain, String canonical) {
        this(chain, canonical, Kind.ACCOUNT, null);
    }

    private Address(Chain chain, String canonical, Kind kind, String owner) {
        this.chain = chain;
        this.canonical = canonical;
        this.kind = kind;
        this.owner = owner;
    }

    /** The transaction {@code txid} as a vertex ({@code tx:TXID}). */
    public static Address transaction(Chain chain, TxHash txid) {
        requireUtxo(chain);
        return new Address(chain, "tx:" + txid.value(), Kind.TRANSACTION, null);
    }

    /**
     * Output {@code vout} of {@code txid} as a vertex ({@code TXID:VOUT}); {@code owner} is the
     * address it pays (or a description such as "op_return" or "p2pk:…"), shown with it.
     */
    public static Address output(Chain chain, TxHash txid, int vout, String owner) {
        requireUtxo(chain);
        if (vout < 0) {
            throw new InvalidInputException("negative output index " + vout + " of " + txid);
        }
        return new Address(chain, txid.value() + ":" + vout, Kind.OUTPUT, owner == null || owner.isBlank() ? null : owner);
    }

    /** The chain's fee sink. */
    public static Address feeSink(Chain chain) {
        return new Address(chain, "fee", Kind.SINK, null);
    }

    private static void requireUtxo(Chain chain) {
        if (chain.isEvm()) {
            throw new IllegalArgumentException("transactions and outputs are vertices only on UTXO chains, not " + chain);
        }
    }

    public Kind kind() {
        return kind;
    }

    /** For an output, the address (or script) it pays. */
    public java.util.Optional<String> owner() {
        return java.util.Optional.ofNullable(owner);
    }

    /**
     * Parses and validates {@code text} as an address on {@code chain}.
     *
     * @throws InvalidInputException naming the text and what is wrong with it
     */
    public static Address parse(Chain chain, String text) {
        Objects.requireNonNull(chain, "chain");
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("empty address");
        }
        String t = text.strip();
        return chain.isEvm() ? parseEvm(chain, t) : parseBitcoin(chain, t);
    }

    private static Address parseEvm(Chain chain, String t) {
        if (isCanonicalEvm(t)) {
            return new Address(chain, t);
        }
        if (!(t.startsWith("0x") || t.startsWith("0X")) || t.length() != 42) {
            throw new InvalidInputException("malformed address '" + t + "': expected 0x and 40 hex digits");
        }
        String hex = t.substring(2);
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                throw new InvalidInputException("malformed address '" + t + "': '" + hex.charAt(i) + "' is not a hex digit");
            }
        }
        String lower = hex.toLowerCase(Locale.ROOT);
        boolean mixed = !hex.equals(lower) && !hex.equals(hex.toUpperCase(Locale.ROOT));
        if (mixed) {
            String expected = Keys.toChecksumAddress("0x" + lower);
            if (!expected.substring(2).equals(hex)) {
                throw new InvalidInputException("bad EIP-55 checksum in address '" + t + "' (expected " + expected + ")");
            }
        }
        return new Address(chain, "0x" + lower);
    }

    /** "0x" and 40 lower-case hex digits: already canonical, no checksum to check. */
    private static boolean isCanonicalEvm(String t) {
        if (t.length() != 42 || t.charAt(0) != '0' || t.charAt(1) != 'x') {
            return false;
        }
        for (int i = 2; i < 42; i++) {
            char c = t.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static Address parseBitcoin(Chain chain, String t) {
        try {
            org.bitcoinj.base.Address a = AddressParser.getDefault(BitcoinNetwork.MAINNET).parseAddress(t);
            return new Address(chain, a.toString());
        } catch (AddressFormatException e) {
            throw new InvalidInputException("malformed Bitcoin address '" + t + "': " + bitcoinReason(t, e), e);
        }
    }

    /**
     * Why {@code t} is no Bitcoin address: bitcoinj's default parser only repeats the text, so the
     * parser of the form it looks like (Bech32 for {@code bc1…}, else Base58Check) is asked.
     */
    private static String bitcoinReason(String t, AddressFormatException e) {
        try {
            if (t.regionMatches(true, 0, "bc1", 0, 3)) {
                SegwitAddress.fromBech32(t, BitcoinNetwork.MAINNET);
            } else {
                LegacyAddress.fromBase58(t, BitcoinNetwork.MAINNET);
            }
        } catch (AddressFormatException.InvalidChecksum x) {
            return "bad checksum";
        } catch (AddressFormatException x) {
            return x.getMessage() == null || x.getMessage().equals(t) ? "not a Bitcoin address" : x.getMessage();
        }
        return e.getMessage() == null || e.getMessage().equals(t) ? "not a Bitcoin address" : e.getMessage();
    }

    /**
     * The EVM account whose 20 bytes are {@code hi} (bytes 0–7), {@code mid} (8–15) and the low
     * 32 bits of {@code lo} (16–19; its high bits are ignored): canonical by construction
     * (lower-case hex from the bits), so nothing is parsed or checked. For graphs that keep
     * addresses packed.
     */
    public static Address evmOfWords(Chain chain, long hi, long mid, long lo) {
        if (!chain.isEvm()) {
            throw new IllegalArgumentException("packed EVM words on " + chain);
        }
        byte[] c = new byte[42];
        c[0] = '0';
        c[1] = 'x';
        Hex.put(c, 2, hi, 16);
        Hex.put(c, 18, mid, 16);
        Hex.put(c, 34, lo, 8);
        return new Address(chain, new String(c, java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    /** An address already known to be canonical (for readers of the project's own files). */
    public static Address ofCanonical(Chain chain, String canonical) {
        if (!chain.isEvm()) {
            if (canonical.equals("fee")) {
                return feeSink(chain);
            }
            if (canonical.startsWith("tx:")) {
                return transaction(chain, TxHash.parse(chain, canonical.substring(3)));
            }
            int colon = canonical.indexOf(':');
            if (colon == 64) {
                try {
                    return output(chain, TxHash.parse(chain, canonical.substring(0, colon)),
                            Integer.parseInt(canonical.substring(colon + 1)), null);
                } catch (NumberFormatException e) {
                    throw new InvalidInputException("malformed output '" + canonical + "'", e);
                }
            }
        }
        Address a = parse(chain, canonical);
        if (!a.canonical.equals(canonical)) {
            throw new InvalidInputException("address '" + canonical + "' is not in canonical form " + a.canonical);
        }
        return a;
    }

    public Chain chain() {
        return chain;
    }

    /** Canonical text: lower-case hex for EVM chains. */
    public String value() {
        return canonical;
    }

    /** EIP-55 mixed-case form for EVM addresses; an output with its owner; the canonical form otherwise. */
    public String display() {
        if (chain.isEvm()) {
            return Keys.toChecksumAddress(canonical);
        }
        return owner == null ? canonical : canonical + " (" + owner + ")";
    }

    /** The first {@code n} characters after any {@code 0x} prefix and the last {@code n}, as in "0xa4b2…449e". */
    public String abbreviated(int n) {
        if (kind != Kind.ACCOUNT) {
            return canonical;
        }
        String body = chain.isEvm() ? canonical.substring(2) : canonical;
        if (body.length() <= 2 * n) {
            return canonical;
        }
        return (chain.isEvm() ? "0x" : "") + body.substring(0, n) + "…" + body.substring(body.length() - n);
    }

    @Override
    public int compareTo(Address o) {
        int c = chain.name().compareTo(o.chain.name());
        return c != 0 ? c : canonical.compareTo(o.canonical);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Address a && a.chain.equals(chain) && a.canonical.equals(canonical);
    }

    @Override
    public int hashCode() {
        return canonical.hashCode() * 31 + chain.hashCode();
    }

    @Override
    public String toString() {
        return canonical;
    }
}
