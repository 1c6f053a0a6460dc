package dev.tracer.model;

import java.util.Locale;

/** A 32-byte transaction hash as lower-case hex: {@code 0x}-prefixed on EVM chains, bare on Bitcoin. */
public record TxHash(String value) implements Comparable<TxHash> {

    public TxHash {
        if (value == null) {
            throw new InvalidInputException("empty transaction hash");
        }
    }

    /** Parses a hash for {@code chain}; accepts either case and an optional 0x on EVM chains. */
    public static TxHash parse(Chain chain, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("empty transaction hash");
        }
        String t = text.strip();
        String hex = t.startsWith("0x") || t.startsWith("0X") ? t.substring(2) : t;
        if (hex.length() != 64) {
            throw new InvalidInputException("malformed transaction hash '" + t + "': expected 64 hex digits");
        }
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                throw new InvalidInputException("malformed transaction hash '" + t + "'");
            }
        }
        String lower = hex.toLowerCase(Locale.ROOT);
        return new TxHash(chain.isEvm() ? "0x" + lower : lower);
    }

    /**
     * The hash whose 32 bytes are {@code w0..w3} (big-endian words, as a graph packs them), in
     * {@code chain}'s form: for a graph's columns, which hold only hashes that were validated when
     * read, so the text is not parsed again.
     */
    public static TxHash ofWords(Chain chain, long w0, long w1, long w2, long w3) {
        boolean evm = chain.isEvm();
        int o = evm ? 2 : 0;
        byte[] c = new byte[o + 64];
        if (evm) {
            c[0] = '0';
            c[1] = 'x';
        }
        Hex.put(c, o, w0, 16);
        Hex.put(c, o + 16, w1, 16);
        Hex.put(c, o + 32, w2, 16);
        Hex.put(c, o + 48, w3, 16);
        return new TxHash(new String(c, java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    @Override
    public int compareTo(TxHash o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
