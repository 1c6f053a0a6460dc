package dev.tracer.bench;

import dev.tracer.graph.TransferGraph;
import dev.tracer.trace.RadixHeap;
import java.util.Arrays;

/**
 * What an exact, time-respecting taint trace cannot avoid, with none of its accounting: the
 * tracer's two passes over {@link TransferGraph}'s arrays with no ledger, no value and no result.
 * It is a diagnostic baseline, measured beside {@link CsrWalk} to show how much of the gap between
 * the tracer and the CSR walk is the order of work that exact taint needs, and how much is
 * accounting and evidence.
 *
 * <ol>
 *   <li>Reach, by earliest arrival: sent transfers of reached addresses are taken in chain order
 *       from one heap (not breadth-first), so an address is reached by the first transfer that
 *       can carry funds to it. The same rules as {@link CsrWalk}: zero-value transfers reach no
 *       one, and a receiver is not expanded when it is a stop address, at the hop limit, or its
 *       sender already passed {@code fanOutCap} new receivers on.</li>
 *   <li>Replay: the received and sent transfers of every expanded address after its arrival,
 *       merged into one chain order (the order in which a haircut ledger must see them, since a
 *       share depends on the balance at that moment). Each distinct value-carrying transfer
 *       counts as one edge visited, as the tracer counts it.</li>
 * </ol>
 *
 * <p>Both passes are k-way merges of (edge, address) keys through the tracer's own
 * {@link RadixHeap}: O(E log C) amortised for E edges visited and keys below C, where the CSR walk
 * is O(E); it allocates a heap per walk and nothing per edge. Unlike the CSR walk, each step
 * moves to whichever address has the next transfer in chain order, so consecutive steps touch
 * unrelated rows of the arrays. Scratch arrays are reused from walk to walk. Not thread-safe.
 */
public final class ChainOrderWalk extends WalkScratch {
    private final int[] passed;
    private final int[] out;
    private final int[] in;
    private int[] expanded = new int[1024];
    private RadixHeap heap;

    /**
     * @param stop      per address id, whether the walk ends there
     * @param maxHops   addresses at this hop are not expanded
     * @param fanOutCap most new receivers expanded from one sender
     */
    public ChainOrderWalk(TransferGraph g, boolean[] stop, int maxHops, int fanOutCap) {
        super(g, stop, maxHops, fanOutCap);
        int n = g.addressCount();
        this.passed = new int[n];
        this.out = new int[n];
        this.in = new int[n];
    }

    /** Walks from address {@code start}; returns the number of edges the replay visited. */
    public long walk(int start) {
        nextGeneration();
        int n = 0;
        seen[start] = generation;
        arrival[start] = -1;
        hop[start] = 0;
        passed[start] = 0;
        out[start] = 0;
        expanded[n++] = start;
        heap = new RadixHeap();
        pushOut(start);
        while (!heap.isEmpty()) {
            long k = heap.pop();
            int e = (int) (k >>> 32);
            int a = (int) k;
            out[a]++;
            pushOut(a);
            if (g.isZeroAmount(e)) {
                continue;
            }
            int r = g.to(e);
            if (seen[r] == generation) {
                continue;
            }
            seen[r] = generation;
            int h = hop[a] + 1;
            if (stop[r] || h >= maxHops || passed[a] >= fanOutCap) {
                continue;
            }
            passed[a]++;
            arrival[r] = e;
            hop[r] = h;
            passed[r] = 0;
            out[r] = g.firstOutAfter(r, e);
            if (n == expanded.length) {
                expanded = Arrays.copyOf(expanded, 2 * n);
            }
            expanded[n++] = r;
            pushOut(r);
        }
        return replay(n);
    }

    private long replay(int n) {
        heap = new RadixHeap();
        for (int i = 0; i < n; i++) {
            int a = expanded[i];
            out[a] = g.firstOutAfter(a, arrival[a]);
            in[a] = g.firstInAfter(a, arrival[a]);
            pushNext(a);
        }
        long visited = 0;
        int last = -1;
        while (!heap.isEmpty()) {
            long k = heap.pop();
            int e = (int) (k >>> 32);
            int a = (int) k;
            if (in[a] < g.inDegree(a) && g.inEdge(a, in[a]) == e) {
                in[a]++;
            } else {
                out[a]++;
            }
            pushNext(a);
            if (e != last && !g.isZeroAmount(e)) {
                visited++;
            }
            last = e;
        }
        return visited;
    }

    private void pushOut(int a) {
        if (out[a] < g.outDegree(a)) {
            heap.push(((long) g.outEdge(a, out[a]) << 32) | a);
        }
    }

    /** Pushes the earlier of a's next received and next sent transfer. */
    private void pushNext(int a) {
        int next = Integer.MAX_VALUE;
        if (in[a] < g.inDegree(a)) {
            next = g.inEdge(a, in[a]);
        }
        if (out[a] < g.outDegree(a)) {
            next = Math.min(next, g.outEdge(a, out[a]));
        }
        if (next != Integer.MAX_VALUE) {
            heap.push(((long) next << 32) | a);
        }
    }
}
