package dev.tracer.trace;

import dev.tracer.assets.AssetVerdict;
import dev.tracer.graph.TransferGraph;
import dev.tracer.model.Address;
import dev.tracer.model.TransferKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Transfers a trace excludes as address poisoning or as carrying no value, from the addresses it
 * follows: transfers of imitation tokens and of unverified tokens (by the classifier's verdicts)
 * and zero-value token transfers (a common lure: they put a look-alike address in the victim's
 * history). For each, the genuine counterparty of the sender whose address the receiver imitates
 * (same first and last {@value #LOOKALIKE_HEX} hex digits), when there is one: the pattern of
 * address-poisoning scams as described by Guan et al., "Characterizing and Detecting Address
 * Poisoning Attacks on Ethereum" (USENIX Security 2024).
 *
 * <p>{@link #from} is O(out-degree) with no allocation but the result; {@link #value} makes the
 * report value when it is read, and the sender's genuine counterparties (O(degree), once per
 * sender and result; a hub's are kept in the tracer's {@link HubMemo}). Known false positives: a genuine counterparty that happens to share the 8 hex
 * digits (about one in 4 billion per pair); an unverified token that is legitimate but not in
 * the registry. Depends only on the graph, the direction, the policy's window and the verdicts,
 * so a result can call it after the trace. Thread-safe.
 */
final class Poisonings {
    static final int LOOKALIKE_HEX = 4;

    private final TravelView view;
    private final AssetVerdict[] verdicts;
    private final ResultValues values;
    private final HubMemo memo;
    private final ConcurrentHashMap<Integer, Counterparties> genuine = new ConcurrentHashMap<>();

    /** {@code verdicts}: per asset id; it must never be modified. {@code values} makes the result's addresses. */
    Poisonings(TravelView view, AssetVerdict[] verdicts, ResultValues values, HubMemo memo) {
        this.view = view;
        this.verdicts = verdicts;
        this.values = values;
        this.memo = memo;
    }

    /** The excluded transfers {@code a} sends (in the window), in the direction's order. */
    int[] from(int a) {
        int[] out = new int[4];
        int n = 0;
        for (int k = 0; k < view.outDeg(a); k++) {
            int e = view.outAt(a, k);
            if (view.inWindow(e) && reason(e) != null) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, 2 * n);
                }
                out[n++] = e;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Why transfer {@code e} is excluded, or null when it is not. */
    private TraceResult.PoisonReason reason(int e) {
        return reason(view.g, verdicts, e);
    }

    /** Why transfer {@code e} of {@code g} is excluded under {@code verdicts} (per asset id), or null when it is not. */
    static TraceResult.PoisonReason reason(TransferGraph g, AssetVerdict[] verdicts, int e) {
        AssetVerdict v = verdicts[g.assetId(e)];
        if (v.kind() == AssetVerdict.Kind.IMITATION) {
            return TraceResult.PoisonReason.IMITATION_TOKEN;
        }
        if (v.kind() == AssetVerdict.Kind.UNVERIFIED) {
            return TraceResult.PoisonReason.UNVERIFIED_TOKEN;
        }
        return g.kind(e) == TransferKind.TOKEN && g.isZeroAmount(e) ? TraceResult.PoisonReason.ZERO_VALUE_TOKEN : null;
    }

    /** The report value of excluded transfer {@code e} (one {@link #from} returned). */
    TraceResult.Poisoning value(int e) {
        TransferGraph g = view.g;
        TraceResult.PoisonReason why = reason(e);
        String detail = why == TraceResult.PoisonReason.ZERO_VALUE_TOKEN
                ? "zero-value " + g.assetOf(e).symbol() + " transfer (moves nothing; a common address-poisoning lure)"
                : verdicts[g.assetId(e)].reason();
        int a = view.sender(e);
        Counterparties known = memo.isHub(g, a)
                ? memo.get(a, view.fwd, HubMemo.Kind.COUNTERPARTIES, () -> genuineCounterparties(a),
                        c -> 16L + 150L * c.sorted().size())
                : genuine.computeIfAbsent(a, this::genuineCounterparties);
        return new TraceResult.Poisoning(values.transfer(e), why, detail, known.lookalike(values.address(view.receiver(e))));
    }

    /**
     * Everyone an address exchanged value with, sorted by address text; {@code evm}: all of them
     * are canonical EVM addresses ("0x" and 40 lower-case hex digits), so those sharing a prefix
     * are adjacent.
     */
    record Counterparties(List<Address> sorted, boolean evm) {
        /**
         * {@link Poisonings#lookalike} of {@code x} among these: for an EVM {@code x} among EVM
         * counterparties, only those sharing its first {@value #LOOKALIKE_HEX} hex digits are
         * looked at, found by binary search (O(log n + matches) instead of O(n) per poisoning
         * transfer); the first match in address order either way.
         */
        Optional<Address> lookalike(Address x) {
            if (!evm || !x.chain().isEvm()) {
                return Poisonings.lookalike(x, sorted);
            }
            String prefix = x.value().substring(0, 2 + LOOKALIKE_HEX);
            int lo = 0;
            int hi = sorted.size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (sorted.get(mid).value().compareTo(prefix) < 0) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            int end = lo;
            while (end < sorted.size() && sorted.get(end).value().startsWith(prefix)) {
                end++;
            }
            return Poisonings.lookalike(x, sorted.subList(lo, end));
        }
    }

    /** Everyone {@code a} exchanged value with, by address. */
    private Counterparties genuineCounterparties(int a) {
        TransferGraph g = view.g;
        TreeMap<String, Address> m = new TreeMap<>();
        for (int k = 0; k < g.outDegree(a); k++) {
            int e = g.outEdge(a, k);
            if (view.carriesValue(e)) {
                Address x = values.address(g.to(e));
                m.put(x.value(), x);
            }
        }
        for (int k = 0; k < g.inDegree(a); k++) {
            int e = g.inEdge(a, k);
            if (view.carriesValue(e)) {
                Address x = values.address(g.from(e));
                m.put(x.value(), x);
            }
        }
        boolean evm = true;
        for (Address x : m.values()) {
            evm &= x.chain().isEvm() && x.value().length() == 42 && x.value().startsWith("0x");
        }
        return new Counterparties(List.copyOf(new ArrayList<>(m.values())), evm);
    }

    /** A genuine counterparty sharing the first and last {@value #LOOKALIKE_HEX} hex digits with {@code x}. */
    static Optional<Address> lookalike(Address x, List<Address> genuine) {
        if (!x.chain().isEvm()) {
            return Optional.empty();
        }
        String xf = x.value();
        String xv = xf.substring(2);
        for (Address y : genuine) {
            String yf = y.value();
            if (y.chain().isEvm() && yf.length() == xf.length()) {
                // the same test as below on the full "0x…" strings, without cutting them
                if (!yf.equals(xf) && yf.regionMatches(2, xf, 2, LOOKALIKE_HEX)
                        && yf.regionMatches(yf.length() - LOOKALIKE_HEX, xf, xf.length() - LOOKALIKE_HEX, LOOKALIKE_HEX)) {
                    return Optional.of(y);
                }
                continue;
            }
            String yv = yf.substring(2);
            if (!yv.equals(xv) && yv.regionMatches(0, xv, 0, LOOKALIKE_HEX)
                    && yv.regionMatches(yv.length() - LOOKALIKE_HEX, xv, xv.length() - LOOKALIKE_HEX, LOOKALIKE_HEX)) {
                return Optional.of(y);
            }
        }
        return Optional.empty();
    }
}
