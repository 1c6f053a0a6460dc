package dev.tracer.bench;

import dev.tracer.graph.TransferGraph;
import java.util.Arrays;

/**
 * The memory-bound limit for a trace: a breadth-first walk over {@link TransferGraph}'s
 * compressed-sparse-row adjacency (primitive int arrays in chain order), with the tracer's
 * reach rules and none of its accounting.
 *
 * <p>From a start address (hop 0, arrived before every transfer) the walk takes addresses in
 * breadth-first order. For an address that arrived by transfer {@code a} it scans the sent
 * transfers after {@code a} in chain order (found by binary search; this is what makes the walk
 * time-respecting: funds cannot leave before they arrive) and counts each as one edge visited.
 * The receiver of a visited transfer, if not seen before, is seen at the next hop with that
 * transfer as its arrival; it is expanded in turn unless it is a stop address (the labelled
 * addresses the tracer stops at by default: exchanges, DEXes and the like), its hop reached the limit, or its sender has already passed
 * {@code fanOutCap} new receivers on (the tracer's fan-out cap). Zero-value transfers are visited
 * but followed by no one, as in the tracer.
 *
 * <p>Scratch arrays are allocated once and reset by generation stamps, so a walk costs
 * O(edges visited + log degree per expanded address) and allocates nothing. Not thread-safe.
 */
public final class CsrWalk extends WalkScratch {
    private int[] queue = new int[1024];

    /**
     * @param stop      per address id, whether the walk ends there
     * @param maxHops   addresses at this hop are not expanded
     * @param fanOutCap most new receivers expanded from one sender
     */
    public CsrWalk(TransferGraph g, boolean[] stop, int maxHops, int fanOutCap) {
        super(g, stop, maxHops, fanOutCap);
    }

    /** Walks from address {@code start}; returns the number of edges visited. */
    public long walk(int start) {
        nextGeneration();
        int head = 0;
        int tail = 0;
        seen[start] = generation;
        arrival[start] = -1;
        hop[start] = 0;
        queue[tail++] = start;
        long visited = 0;
        while (head < tail) {
            int a = queue[head++];
            int h = hop[a] + 1;
            int deg = g.outDegree(a);
            int k = g.firstOutAfter(a, arrival[a]);
            int passed = 0;
            for (; k < deg; k++) {
                int e = g.outEdge(a, k);
                visited++;
                if (g.isZeroAmount(e)) {
                    continue;
                }
                int r = g.to(e);
                if (seen[r] == generation) {
                    continue;
                }
                seen[r] = generation;
                if (stop[r] || h >= maxHops || passed >= fanOutCap) {
                    continue;
                }
                passed++;
                arrival[r] = e;
                hop[r] = h;
                if (tail == queue.length) {
                    queue = Arrays.copyOf(queue, 2 * tail);
                }
                queue[tail++] = r;
            }
        }
        return visited;
    }
}
