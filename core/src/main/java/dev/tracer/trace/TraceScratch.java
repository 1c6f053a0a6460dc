package dev.tracer.trace;

import java.util.Arrays;

/**
 * Per-address working arrays of one trace, sized to the graph, reused from trace to trace: a
 * trace marks every address it writes, and {@link #reset()} clears only those, so a trace costs
 * O(addresses it touches), not O(addresses in the graph). Not thread-safe: a {@link Tracer} hands
 * each running trace its own instance from a pool.
 */
final class TraceScratch {
    final byte[] status;
    final int[] hop;
    final EndpointKind[] reason;
    final int[] cutBy;
    final int[] fanOut;
    final int[] reachOrd;
    final int[] parent;
    final boolean[] seed;
    /**
     * Whether taint has reached the address (its node state is active): one byte per address,
     * so the taint pass's test of both ends of every gathered transfer reads neither the node
     * array nor the node, for the many ends that are not active.
     */
    final boolean[] active;
    final int[] cur;
    final Object[] nodes;
    /** Pass 2's gathered chain positions ({@code TraceRun.gather}), grown as needed and kept for the next trace. */
    int[] order = new int[1 << 12];
    private final boolean[] touched;
    private int[] list = new int[256];
    private int size;

    TraceScratch(int addresses) {
        status = new byte[addresses];
        hop = new int[addresses];
        Arrays.fill(hop, -1);
        reason = new EndpointKind[addresses];
        cutBy = new int[addresses];
        Arrays.fill(cutBy, -1);
        fanOut = new int[addresses];
        reachOrd = new int[addresses];
        Arrays.fill(reachOrd, -1);
        parent = new int[addresses];
        Arrays.fill(parent, -1);
        seed = new boolean[addresses];
        active = new boolean[addresses];
        cur = new int[addresses];
        nodes = new Object[addresses];
        touched = new boolean[addresses];
    }

    int capacity() {
        return status.length;
    }

    /** Records that the trace writes address {@code a}'s entries. */
    void touch(int a) {
        if (!touched[a]) {
            touched[a] = true;
            if (size == list.length) {
                list = Arrays.copyOf(list, 2 * size);
            }
            list[size++] = a;
        }
    }

    /** How many addresses are touched so far. */
    int touchedCount() {
        return size;
    }

    /** The {@code i}-th address touched. */
    int touchedAt(int i) {
        return list[i];
    }

    /** The touched addresses in ascending order. */
    int[] touchedSorted() {
        int[] t = Arrays.copyOf(list, size);
        RadixSort.sort(t);
        return t;
    }

    /** Whether the trace has touched address {@code a}. */
    boolean isTouched(int a) {
        return touched[a];
    }

    /**
     * Per address, its index in {@code sorted} (the touched addresses, {@link #touchedSorted}),
     * valid for touched addresses only: an O(1) look-up in place of a binary search. It is
     * {@link #cur}, which only pass 1 uses, so it may be called once pass 1 is over; {@link #reset}
     * clears it as before.
     */
    int[] indexTouched(int[] sorted) {
        for (int i = 0; i < sorted.length; i++) {
            cur[sorted[i]] = i;
        }
        return cur;
    }

    /** Restores every touched entry to its initial value. */
    void reset() {
        for (int i = 0; i < size; i++) {
            int a = list[i];
            status[a] = 0;
            hop[a] = -1;
            reason[a] = null;
            cutBy[a] = -1;
            fanOut[a] = 0;
            reachOrd[a] = -1;
            parent[a] = -1;
            seed[a] = false;
            active[a] = false;
            cur[a] = 0;
            nodes[a] = null;
            touched[a] = false;
        }
        size = 0;
    }
}
