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

    @Override
    public int compareTo(TxHash o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
