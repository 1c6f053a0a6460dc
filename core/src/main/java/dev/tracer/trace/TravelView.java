package dev.tracer.trace;

import dev.tracer.graph.TransferGraph;
import java.time.Instant;

/**
 * The graph as one trace direction sees it: "out" is the direction of travel and "ord" the
 * order of travel (edge ids forward, reversed backward), with the policy's time window and the
 * assets that carry traced value. Immutable, so the values a {@link TraceResult} makes when read
 * can use it after the trace: everything here depends on the graph, the direction, the policy
 * and the classifier, never on one trace's state. Each method is O(1), the searches O(log degree).
 */
final class TravelView {
    final TransferGraph g;
    final boolean fwd;
    private final int m;
    private final long since;
    private final long until;
    private final boolean[] traced;

    /** {@code traced}: per asset id, whether it carries traced value; it must never be modified. */
    TravelView(TransferGraph g, boolean forward, TracePolicy policy, boolean[] traced) {
        this.g = g;
        this.fwd = forward;
        this.m = g.edgeCount();
        this.since = policy.since().map(Instant::getEpochSecond).orElse(Long.MIN_VALUE);
        this.until = policy.until().map(Instant::getEpochSecond).orElse(Long.MAX_VALUE);
        this.traced = traced;
    }

    int ord(int e) {
        return fwd ? e : m - 1 - e;
    }

    int edgeAt(int ord) {
        return fwd ? ord : m - 1 - ord;
    }

    int sender(int e) {
        return fwd ? g.from(e) : g.to(e);
    }

    int receiver(int e) {
        return fwd ? g.to(e) : g.from(e);
    }

    int outDeg(int a) {
        return fwd ? g.outDegree(a) : g.inDegree(a);
    }

    int outAt(int a, int k) {
        return fwd ? g.outEdge(a, k) : g.inEdge(a, g.inDegree(a) - 1 - k);
    }

    int inDeg(int a) {
        return fwd ? g.inDegree(a) : g.outDegree(a);
    }

    int inAt(int a, int k) {
        return fwd ? g.inEdge(a, k) : g.outEdge(a, g.outDegree(a) - 1 - k);
    }

    boolean inWindow(int e) {
        if (since == Long.MIN_VALUE && until == Long.MAX_VALUE) {
            return true;
        }
        long t = g.epochSecond(e);
        return t >= since && t <= until;
    }

    /** Before the window in the direction of travel (history that sets balances, carries no new taint). */
    boolean beforeWindow(int e) {
        if (since == Long.MIN_VALUE && until == Long.MAX_VALUE) {
            return false;
        }
        long t = g.epochSecond(e);
        return fwd ? t < since : t > until;
    }

    boolean carriesValue(int e) {
        return traced[g.assetId(e)] && !g.isZeroAmount(e);
    }

    /**
     * First index k in a's out list (direction order) whose edge's ord exceeds {@code o}. Backward,
     * the out list is a's received transfers last first, and ord {@code <= o} means edge id
     * {@code >= m - 1 - o}: those are the received transfers after edge {@code m - 2 - o}.
     */
    int firstOutAfter(int a, int o) {
        return fwd ? g.firstOutAfter(a, o) : g.inDegree(a) - g.firstInAfter(a, m - 2 - o);
    }

    /** As {@link #firstOutAfter}, over a's in list (direction order). */
    int firstInAfter(int a, int o) {
        return fwd ? g.firstInAfter(a, o) : g.outDegree(a) - g.firstOutAfter(a, m - 2 - o);
    }
}
