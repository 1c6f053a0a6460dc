package dev.tracer.trace;

import dev.tracer.assets.AssetVerdict;
import dev.tracer.graph.TransferGraph;
import dev.tracer.model.TransferKind;
import java.util.BitSet;

/**
 * Which addresses send, in the policy's window, any contract call (a zero-value native
 * transfer) and which send or receive any transfer {@link Poisonings} excludes: one bit per
 * address and question. A trace's result lists the calls and exclusions of every address it
 * follows, each a scan of that address's whole out-list (two or three column reads per
 * transfer); most addresses have none, and these bits let the result skip them. Made once per
 * {@link Tracer} by one sequential pass over the transfers, O(transfers) (about 0.1 s at 10M
 * transfers: a one-time cost that a single trace on a large graph pays in full, and that a
 * session's traces share), then read by every trace in either direction, O(1) a look-up. Never a false negative: a clear bit means the scan
 * would find nothing. Immutable after construction; thread-safe.
 */
final class OutflowMarks {
    private final BitSet callers = new BitSet();
    private final BitSet excludedFrom = new BitSet();
    private final BitSet excludedTo = new BitSet();

    /** {@code verdicts} and {@code traced}: per asset id, the tracer's; never modified. */
    OutflowMarks(TransferGraph g, AssetVerdict[] verdicts, TracePolicy policy, boolean[] traced) {
        TravelView window = new TravelView(g, true, policy, traced);
        for (int e = 0, m = g.edgeCount(); e < m; e++) {
            boolean call = g.kind(e) == TransferKind.NATIVE && g.isZeroAmount(e);
            boolean excluded = Poisonings.reason(g, verdicts, e) != null;
            if ((call || excluded) && window.inWindow(e)) {
                if (call) {
                    callers.set(g.from(e));
                }
                if (excluded) {
                    excludedFrom.set(g.from(e));
                    excludedTo.set(g.to(e));
                }
            }
        }
    }

    /** Whether {@code a} sends a contract call in the window (calls are listed forward only). */
    boolean callsFrom(int a) {
        return callers.get(a);
    }

    /** Whether {@code a} sends, in the direction of travel, a transfer {@link Poisonings} excludes. */
    boolean excludesFrom(int a, boolean forward) {
        return forward ? excludedFrom.get(a) : excludedTo.get(a);
    }
}
