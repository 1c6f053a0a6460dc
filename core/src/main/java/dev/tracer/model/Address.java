package dev.tracer.model;

import java.util.Locale;
import java.util.Objects;
import org.bitcoinj.base.AddressParser;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.exceptions.AddressFormatException;
import org.web3j.crypto.Keys;

/**
 * An address on one chain, in canonical form: lower-case {@code 0x}-hex for EVM chains, the
 * standard Base58Check or (lower-case) Bech32/Bech32m string for Bitcoin.
 *
 * <p>EVM input in mixed case must carry a valid EIP-55 checksum (a wrong one is a typo or a
 * tampered address, and is rejected); all-lower and all-upper hex carry no checksum and are
 * accepted. Bitcoin input is parsed by bitcoinj, which verifies its checksum.
 * Equality is by chain and canonical text.
 */
public final class Address implements Comparable<Address> {
    private final Chain chain;
    private final String canonical;

    private Address(Chain chain, String canonical) {
        this.chain = chain;
        this.canonical = canonical;
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

    private static Address parseBitcoin(Chain chain, String t) {
        try {
            org.bitcoinj.base.Address a = AddressParser.getDefault(BitcoinNetwork.MAINNET).parseAddress(t);
            return new Address(chain, a.toString());
        } catch (AddressFormatException e) {
            throw new InvalidInputException("malformed Bitcoin address '" + t + "': " + e.getMessage(), e);
        }
    }

    /** An address already known to be canonical (for readers of the project's own files). */
    public static Address ofCanonical(Chain chain, String canonical) {
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

    /** EIP-55 mixed-case form for EVM addresses; the canonical form otherwise. */
    public String display() {
        return chain.isEvm() ? Keys.toChecksumAddress(canonical) : canonical;
    }

    /** The first {@code n} characters after any {@code 0x} prefix and the last {@code n}, as in "0xa4b2…449e". */
    public String abbreviated(int n) {
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
