package dev.tracer.bitcoin.heuristics;

import dev.tracer.model.TxHash;
import java.util.Objects;

/**
 * Evidence that two addresses belong together: transaction {@code tx} spent inputs of both.
 * {@code a} sorts before {@code b}.
 */
public record Merge(String a, String b, TxHash tx) {

    public Merge {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(tx, "tx");
        if (a.compareTo(b) >= 0) {
            throw new IllegalArgumentException("a merge names two different addresses in order: " + a + ", " + b);
        }
    }
}
