package dev.tracer.trace;

import dev.tracer.graph.TransferGraph;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * The clean balance per asset of one address while its history is replayed before taint reaches
 * it: one {@link Tally} per asset it has moved, in the order the assets first appear, found by a
 * linear scan (nearly every address moves one or two assets). Credits and debits run on
 * {@link Wide} pairs while the balances fit 127 bits, so a replay allocates nothing per transfer;
 * an outflow larger than the balance raises the balance first and reports the shortfall (an
 * unexplained inflow). O(assets) a step. Mutable; one per replay, or a frozen
 * {@link #copy()} kept as a hub's checkpoint and copied again before use.
 */
final class CleanBalances {
    private int[] assets = new int[2];
    private Tally[] tallies = new Tally[2];
    private int size;

    /**
     * Applies value-carrying transfer {@code e} of the replayed address: an inflow is credited
     * unless it is a transfer to itself ({@code self}); an outflow is debited, or, to itself, only
     * checked against the balance. Returns the shortfall an outflow needed first, or null.
     */
    BigInteger apply(TransferGraph g, int e, boolean inflow, boolean self) {
        if (inflow && self) {
            return null;
        }
        Tally t = of(g.assetId(e));
        if (inflow) {
            t.add(g, e);
            return null;
        }
        return t.draw(g, e, self);
    }

    private Tally of(int asset) {
        for (int i = 0; i < size; i++) {
            if (assets[i] == asset) {
                return tallies[i];
            }
        }
        if (size == assets.length) {
            assets = Arrays.copyOf(assets, 2 * size);
            tallies = Arrays.copyOf(tallies, 2 * size);
        }
        assets[size] = asset;
        return tallies[size++] = new Tally();
    }

    /** How many assets have a balance entry (possibly zero). */
    int size() {
        return size;
    }

    /** The asset id of entry {@code i}, in the order the assets first appeared. */
    int asset(int i) {
        return assets[i];
    }

    /** The balance of entry {@code i}. */
    Tally tally(int i) {
        return tallies[i];
    }

    /** An independent copy with equal balances. */
    CleanBalances copy() {
        CleanBalances c = new CleanBalances();
        c.assets = Arrays.copyOf(assets, Math.max(2, size));
        c.tallies = new Tally[c.assets.length];
        for (int i = 0; i < size; i++) {
            c.tallies[i] = tallies[i].copy();
        }
        c.size = size;
        return c;
    }

    /** Estimated heap bytes, for a hub memo's bound. */
    long bytes() {
        return 48L + 48L * size;
    }
}
