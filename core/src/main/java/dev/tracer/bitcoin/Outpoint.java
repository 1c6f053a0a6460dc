package dev.tracer.bitcoin;

import dev.tracer.model.Chain;
import dev.tracer.model.InvalidInputException;
import dev.tracer.model.TxHash;
import java.util.Comparator;
import java.util.Objects;

/** Output {@code vout} of transaction {@code txid}, written {@code TXID:VOUT}. */
public record Outpoint(TxHash txid, int vout) implements Comparable<Outpoint> {
    private static final Comparator<Outpoint> ORDER = Comparator.comparing(Outpoint::txid).thenComparingInt(Outpoint::vout);

    public Outpoint {
        Objects.requireNonNull(txid, "txid");
        if (txid.value().startsWith("0x")) {
            throw new InvalidInputException("not a Bitcoin transaction id: " + txid);
        }
        if (vout < 0) {
            throw new InvalidInputException("negative output index " + vout + " of " + txid);
        }
    }

    /**
     * Parses {@code TXID:VOUT}.
     *
     * @throws InvalidInputException naming the text when it is not 64 hex digits, a colon and an index
     */
    public static Outpoint parse(String text) {
        String t = text == null ? "" : text.strip();
        int colon = t.lastIndexOf(':');
        if (colon < 0) {
            throw new InvalidInputException("malformed output '" + t + "': expected TXID:VOUT");
        }
        TxHash h = TxHash.parse(Chain.BITCOIN, t.substring(0, colon));
        try {
            return new Outpoint(h, Integer.parseInt(t.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("malformed output '" + t + "': the index after ':' is not a number", e);
        }
    }

    /** True when {@code text} looks like {@code TXID:VOUT} rather than an address. */
    public static boolean looksLikeOutpoint(String text) {
        String t = text == null ? "" : text.strip();
        return t.indexOf(':') == 64;
    }

    @Override
    public int compareTo(Outpoint o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return txid.value() + ":" + vout;
    }
}
