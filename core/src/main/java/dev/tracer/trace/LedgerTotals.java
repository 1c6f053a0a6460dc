package dev.tracer.trace;

import dev.tracer.graph.TransferGraph;
import java.math.BigInteger;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * What an address received and sent per asset over its whole history in the data: the context
 * of a {@link TraceResult.LedgerGap} (value-carrying transfers in the window, not to itself, as
 * the trace's direction sees them). It depends only on the graph, the direction and the policy,
 * so a result looks it up when a gap is read. Hubs' totals of every asset are made in one pass and
 * kept in the tracer's {@link HubMemo}; other addresses are summed per asked asset, O(degree).
 * Thread-safe.
 */
final class LedgerTotals {
    private static final BigInteger[] NONE = {BigInteger.ZERO, BigInteger.ZERO};

    private final TravelView view;
    private final HubMemo memo;

    LedgerTotals(TravelView view, HubMemo memo) {
        this.view = view;
        this.memo = memo;
    }

    /** {received, sent} of {@code asset} by address {@code a}. */
    BigInteger[] of(int a, int asset) {
        TransferGraph g = view.g;
        if (memo.isHub(g, a)) {
            Map<Integer, BigInteger[]> all = memo.get(a, view.fwd, HubMemo.Kind.TOTALS, () -> everyAsset(a),
                    m -> 48L + 160L * m.size());
            return all.getOrDefault(asset, NONE).clone();
        }
        Tally in = new Tally();
        Tally sent = new Tally();
        for (int k = 0; k < view.inDeg(a); k++) {
            int e = view.inAt(a, k);
            if (g.assetId(e) == asset && counts(e, view.sender(e), a)) {
                in.add(g, e);
            }
        }
        for (int k = 0; k < view.outDeg(a); k++) {
            int e = view.outAt(a, k);
            if (g.assetId(e) == asset && counts(e, view.receiver(e), a)) {
                sent.add(g, e);
            }
        }
        return new BigInteger[] {in.value(), sent.value()};
    }

    /** Per asset, {received, sent} by {@code a}: one pass over its transfers, O(degree). */
    private Map<Integer, BigInteger[]> everyAsset(int a) {
        TransferGraph g = view.g;
        Map<Integer, Tally[]> sums = new HashMap<>();
        for (int k = 0; k < view.inDeg(a); k++) {
            int e = view.inAt(a, k);
            if (counts(e, view.sender(e), a)) {
                sums.computeIfAbsent(g.assetId(e), x -> new Tally[] {new Tally(), new Tally()})[0].add(g, e);
            }
        }
        for (int k = 0; k < view.outDeg(a); k++) {
            int e = view.outAt(a, k);
            if (counts(e, view.receiver(e), a)) {
                sums.computeIfAbsent(g.assetId(e), x -> new Tally[] {new Tally(), new Tally()})[1].add(g, e);
            }
        }
        Map<Integer, BigInteger[]> out = new HashMap<>();
        sums.forEach((asset, t) -> out.put(asset, new BigInteger[] {t[0].value(), t[1].value()}));
        return Collections.unmodifiableMap(out);
    }

    /** Transfer {@code e} between {@code a} and {@code other} counts: it carries value, in the window, not to itself. */
    private boolean counts(int e, int other, int a) {
        return view.carriesValue(e) && view.inWindow(e) && other != a;
    }
}
