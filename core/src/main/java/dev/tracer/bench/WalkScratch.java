package dev.tracer.bench;

import dev.tracer.graph.TransferGraph;
import java.util.Arrays;

/**
 * What the benchmark's walks share: the tracer's reach rules (stop addresses, hop limit, fan-out
 * cap) and per-address scratch reused from walk to walk, with a seen set reset by generation
 * stamps so a walk costs nothing per address of the graph. Each walk keeps its own loop.
 */
abstract class WalkScratch {
    final TransferGraph g;
    final boolean[] stop;
    final int maxHops;
    final int fanOutCap;
    final int[] seen;
    final int[] arrival;
    final int[] hop;
    int generation;

    /**
     * @param stop      per address id, whether the walk ends there
     * @param maxHops   addresses at this hop are not expanded
     * @param fanOutCap most new receivers expanded from one sender
     */
    WalkScratch(TransferGraph g, boolean[] stop, int maxHops, int fanOutCap) {
        this.g = g;
        this.stop = stop.clone();
        this.maxHops = maxHops;
        this.fanOutCap = fanOutCap;
        int n = g.addressCount();
        this.seen = new int[n];
        this.arrival = new int[n];
        this.hop = new int[n];
    }

    /** Starts a walk: a new stamp, so no address is seen yet (the set is cleared when stamps wrap). */
    final void nextGeneration() {
        generation++;
        if (generation == 0) {
            Arrays.fill(seen, 0);
            generation = 1;
        }
    }
}
