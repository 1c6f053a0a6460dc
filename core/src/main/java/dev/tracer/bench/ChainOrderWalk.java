package dev.tracer.bench;

import dev.tracer.graph.TransferGraph;
import dev.tracer.trace.RadixHeap;
import java.util.Arrays;

/**
 * What an exact, time-respecting taint trace cannot avoid, with none of its accounting: reach by
 * earliest arrival, then every transfer a haircut ledger must see, in chain order, over
 * {@link TransferGraph}'s arrays with no ledger, no value and no result. It is a diagnostic
 * baseline, measured beside {@link CsrWalk} to show how much of the gap between the tracer and the
 * CSR walk is the order of work that exact taint needs, and how much is accounting and evidence.
 *
 * <ol>
 *   <li>Reach, by earliest arrival (a "foremost journey", Xuan, Ferreira and Jarry, "Computing
 *       shortest, fastest, and foremost journeys in dynamic networks", 2003): Dijkstra's algorithm
 *       over addresses keyed by the transfer that first reaches them, through the tracer's own
 *       monotone {@link RadixHeap}. An address is settled by the first transfer in chain order that
 *       can carry funds to it from an expanded address, as the tracer's chain-order reach settles
 *       it; its sent transfers after that are scanned once, as the CSR walk scans them. The same
 *       rules as {@link CsrWalk}: zero-value transfers reach no one, and a receiver is not expanded
 *       when it is a stop address, at the hop limit, or its sender already passed
 *       {@code fanOutCap} new receivers on (counted in the order receivers are settled, which is
 *       chain order).</li>
 *   <li>Replay: the received and sent transfers of every expanded address after its arrival,
 *       gathered while reaching and sorted into one chain order (the order in which a haircut
 *       ledger must see them, since a share depends on the balance at that moment). Each distinct
 *       value-carrying transfer counts as one edge visited, as the tracer counts it.</li>
 * </ol>
 *
 * <p>O(E + V log C + E log E) for E transfers gathered, V addresses settled and keys below C,
 * where the CSR walk is O(E). A k-way merge of the expanded addresses' lists through a heap (what
 * the tracer's taint pass did until the seventh session of 2026-11-24, one heap step per
 * transfer) gives the same order at about twice this walk's cost on the benchmark's data; sorting
 * the gathered ids is the cheaper exact way, and the taint pass now does it too.
 * Scratch arrays are reused from walk to walk. Not thread-safe.
 */
public final class ChainOrderWalk extends WalkScratch {
    private final int[] passed;
    private final int[] settled;
    private final int[] via;
    private int[] gathered = new int[1 << 12];
    private int size;
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
        this.settled = new int[n];
        this.via = new int[n];
    }

    /** Walks from address {@code start}; returns the number of edges the replay visited. */
    public long walk(int start) {
        nextGeneration();
        size = 0;
        heap = new RadixHeap();
        settled[start] = generation;
        hop[start] = 0;
        passed[start] = 0;
        expand(start, -1);
        while (!heap.isEmpty()) {
            long k = heap.pop();
            int r = (int) k;
            int e = (int) (k >>> 32);
            if (settled[r] == generation) {
                continue; // a key an earlier transfer to r superseded: r's least key popped first and settled it
            }
            settled[r] = generation;
            int a = via[r];
            int h = hop[a] + 1;
            if (stop[r] || h >= maxHops || passed[a] >= fanOutCap) {
                continue;
            }
            passed[a]++;
            hop[r] = h;
            passed[r] = 0;
            expand(r, e);
        }
        return replay();
    }

    /**
     * Gathers a's received and sent transfers after {@code after} for the replay, and offers each
     * value-carrying sent one as the arrival of its receiver.
     */
    private void expand(int a, int after) {
        int outs = g.outDegree(a);
        for (int k = g.firstOutAfter(a, after); k < outs; k++) {
            int e = g.outEdge(a, k);
            gather(e);
            if (g.isZeroAmount(e)) {
                continue;
            }
            int r = g.to(e);
            if (settled[r] == generation) {
                continue;
            }
            if (seen[r] != generation || e < arrival[r]) {
                seen[r] = generation;
                arrival[r] = e; // the earliest offer so far; final once r is settled
                via[r] = a;
                heap.push(((long) e << 32) | r);
            }
        }
        int ins = g.inDegree(a);
        for (int k = g.firstInAfter(a, after); k < ins; k++) {
            gather(g.inEdge(a, k));
        }
    }

    private void gather(int e) {
        if (size == gathered.length) {
            gathered = Arrays.copyOf(gathered, 2 * size);
        }
        gathered[size++] = e;
    }

    /** The gathered transfers in chain order (edge ids are in chain order); a transfer between two expanded addresses once. */
    private long replay() {
        Arrays.sort(gathered, 0, size);
        long visited = 0;
        int last = -1;
        for (int i = 0; i < size; i++) {
            int e = gathered[i];
            if (e != last && !g.isZeroAmount(e)) {
                visited++;
            }
            last = e;
        }
        return visited;
    }
}
