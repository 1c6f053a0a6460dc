package dev.tracer.report;

import dev.tracer.label.Label;
import dev.tracer.model.Address;
import dev.tracer.model.Asset;
import dev.tracer.trace.EndpointKind;
import dev.tracer.trace.TraceResult;
import java.io.PrintWriter;
import java.io.Writer;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The readable summary printed on stdout: seeds and what they introduced, the hops followed
 * (with equal-lot splits and consolidations visible as "40 × 10,000 ETH"), where the funds are
 * now per asset (held, frontier, stopped, cut) with shares of the seed amount, ledger gaps, the
 * poisoning excluded and what policy cut. Deterministic; amounts exact.
 */
public final class TextSummary {
    private final int top;

    /** @param top how many endpoints to list per asset (0 for all) */
    public TextSummary(int top) {
        if (top < 0) {
            throw new IllegalArgumentException("top must be >= 0");
        }
        this.top = top;
    }

    /**
     * Writes the summary. Characters that would control the terminal rather than show (ESC and
     * the other C0/C1 controls, bidirectional overrides) become U+FFFD: token symbols and labels
     * are attacker-chosen.
     */
    public void write(TraceResult r, Writer w) {
        PrintWriter out = new PrintWriter(SafeText.terminal(w));
        header(out, r);
        seeds(out, r);
        hops(out, r);
        whereNow(out, r);
        gaps(out, r);
        conversions(out, r);
        flags(out, r);
        calls(out, r);
        poisoning(out, r);
        truncations(out, r);
        for (String warning : r.warnings()) {
            out.println("Warning: " + warning);
        }
        out.flush();
    }

    /**
     * {@code w} with the same protection as the summary: characters that would control a terminal
     * (C0/C1 controls other than tab and line breaks, bidirectional overrides) become U+FFFD.
     */
    public static Writer terminalSafe(Writer w) {
        return SafeText.terminal(w);
    }

    private static String amount(Asset a, BigInteger v) {
        return Numbers.grouped(v, a.decimals()) + " " + a.symbol();
    }

    private static String name(Address a, Optional<Label> l) {
        return (a.chain().isEvm() ? a.value() : a.display()) + l.map(x -> "  [" + x.entity() + ", " + x.category().code() + "]").orElse("");
    }

    private static void header(PrintWriter out, TraceResult r) {
        out.printf("%s trace from %s — %s taint, up to %d hops%n",
                r.direction() == dev.tracer.trace.Direction.FORWARD ? "Forward" : "Backward",
                String.join(", ", r.seeds().stream().map(Object::toString).toList()), r.model(), r.policy().maxHops());
        out.println("Model: " + r.modelDescription());
        out.println("Data:  " + r.dataset());
        var c = r.coverage();
        out.printf("       %s blocks %s; %s%n", c.chain().name(), c.range(),
                c.everyAddress() ? "every address complete in that range"
                        : "complete outflows of " + c.completeOutflows().size() + " address(es)"
                        + (c.completeInflows().isEmpty() ? "" : ", inflows of " + c.completeInflows().size())
                        + "; every other address is a frontier (the data ends there)");
        List<String> p = new ArrayList<>();
        if (r.policy().minAmount().signum() > 0) {
            p.add("min amount " + r.policy().minAmount().toPlainString());
        }
        r.policy().since().ifPresent(t -> p.add("since " + t));
        r.policy().until().ifPresent(t -> p.add("until " + t));
        if (!r.policy().assets().isEmpty()) {
            p.add("assets " + r.policy().assets());
        }
        p.add("stops at " + String.join("/", r.policy().stopAt().stream().map(x -> x.code()).sorted().toList()));
        p.add("fan-out cap " + r.policy().fanOutCap());
        out.println("Policy: " + String.join("; ", p));
        out.println();
    }

    private static void seeds(PrintWriter out, TraceResult r) {
        out.println(r.direction() == dev.tracer.trace.Direction.FORWARD
                ? "Stolen amount introduced by the seeds:" : "Amount to explain at the seeds:");
        if (r.seedAmounts().isEmpty()) {
            out.println("  none: the seeds moved no genuine asset in the time window");
        }
        r.seedAmounts().forEach((a, v) -> out.println("  " + amount(a, v)));
        out.println();
    }

    private static void hops(PrintWriter out, TraceResult r) {
        out.printf("Hops followed: %d address(es) followed, %d reached, deepest hop %d; %d transfers scanned, %d carried taint%n",
                r.stats().addressesFollowed(), r.stats().addressesReached(), r.stats().maxHopReached(),
                r.stats().edgesScanned(), r.transfers().size());
        TreeMap<Address, List<TraceResult.TracedTransfer>> bySender = new TreeMap<>();
        for (TraceResult.TracedTransfer t : r.transfers()) {
            Address s = r.direction() == dev.tracer.trace.Direction.FORWARD ? t.transfer().from() : t.transfer().to();
            bySender.computeIfAbsent(s, k -> new ArrayList<>()).add(t);
        }
        List<TraceResult.Node> followed = r.nodes().stream()
                .filter(n -> n.role() == TraceResult.Role.SEED || n.role() == TraceResult.Role.FOLLOWED)
                .sorted(Comparator.comparingInt(TraceResult.Node::hop).thenComparing(TraceResult.Node::address))
                .toList();
        for (TraceResult.Node n : followed) {
            out.printf("  hop %d  %s%s%n", n.hop(), name(n.address(), n.label()), n.role() == TraceResult.Role.SEED ? "  (seed)" : "");
            if (!n.received().isEmpty()) {
                out.println("         received stolen: " + join(n.received()));
            } else if (n.role() != TraceResult.Role.SEED) {
                out.println("         received no stolen value under this model");
            }
            List<TraceResult.TracedTransfer> sent = bySender.getOrDefault(n.address(), List.of());
            TreeMap<Asset, List<TraceResult.TracedTransfer>> perAsset = new TreeMap<>();
            sent.forEach(t -> perAsset.computeIfAbsent(t.transfer().asset(), k -> new ArrayList<>()).add(t));
            perAsset.forEach((a, list) -> out.println("         sent " + lots(a, list)));
            if (!n.held().isEmpty()) {
                out.println("         still holds stolen: " + join(n.held()));
            }
        }
        long earlier = r.nodes().stream().filter(n -> n.role() == TraceResult.Role.EARLIER).count();
        if (earlier > 0) {
            out.printf("  %d address(es) were paid by a followed address before the stolen funds reached it"
                    + " (no stolen value; role 'earlier' in report.json)%n", earlier);
        }
        out.println();
    }

    /** "41 transfers carrying 400,001 ETH stolen: 40 × 10,000 ETH, 1 × 1 ETH". */
    private static String lots(Asset a, List<TraceResult.TracedTransfer> list) {
        BigInteger total = BigInteger.ZERO;
        BigInteger tainted = BigInteger.ZERO;
        TreeMap<BigInteger, Integer> byAmount = new TreeMap<>(Comparator.reverseOrder());
        for (TraceResult.TracedTransfer t : list) {
            total = total.add(t.transfer().amount());
            tainted = tainted.add(t.tainted());
            byAmount.merge(t.transfer().amount(), 1, Integer::sum);
        }
        StringBuilder sb = new StringBuilder();
        sb.append(list.size()).append(list.size() == 1 ? " transfer of " : " transfers, ").append(amount(a, total));
        if (!tainted.equals(total)) {
            sb.append(", of it stolen ").append(amount(a, tainted));
        }
        List<Map.Entry<BigInteger, Integer>> repeated = byAmount.entrySet().stream().filter(e -> e.getValue() > 1)
                .sorted(Map.Entry.<BigInteger, Integer>comparingByValue().reversed()).limit(3).toList();
        if (!repeated.isEmpty()) {
            sb.append(" (");
            for (int i = 0; i < repeated.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(repeated.get(i).getValue()).append(" × ").append(amount(a, repeated.get(i).getKey()));
            }
            sb.append(")");
        }
        return sb.toString();
    }

    private static String join(Map<Asset, BigInteger> m) {
        List<String> parts = new ArrayList<>();
        m.forEach((a, v) -> parts.add(amount(a, v)));
        return String.join(" + ", parts);
    }

    private void whereNow(PrintWriter out, TraceResult r) {
        out.println("Where the funds are now:");
        TreeMap<Asset, List<TraceResult.Endpoint>> perAsset = new TreeMap<>();
        r.endpoints().forEach(e -> perAsset.computeIfAbsent(e.amount().asset(), k -> new ArrayList<>()).add(e));
        if (perAsset.isEmpty()) {
            out.println("  nowhere: no stolen value moved");
        }
        for (var entry : perAsset.entrySet()) {
            Asset a = entry.getKey();
            BigInteger seedAmount = r.tracedAmount(a);
            BigInteger converted = r.convertedIn().getOrDefault(a, BigInteger.ZERO);
            out.printf("  %s (%s: %s)%n", a.symbol(), converted.signum() > 0 ? "seeds + swaps" : "seeds", amount(a, seedAmount));
            TreeMap<EndpointKind, BigInteger> byKind = new TreeMap<>();
            TreeMap<EndpointKind, Integer> countByKind = new TreeMap<>();
            for (TraceResult.Endpoint e : entry.getValue()) {
                byKind.merge(e.kind(), e.amount().value(), BigInteger::add);
                countByKind.merge(e.kind(), 1, Integer::sum);
            }
            byKind.forEach((k, v) -> out.printf("    %-14s %s  %s  at %d address(es)%n", k.code(), amount(a, v),
                    Numbers.percent(TraceResult.share(v, seedAmount)), countByKind.get(k)));
            List<TraceResult.Endpoint> list = entry.getValue();
            int shown = top == 0 ? list.size() : Math.min(top, list.size());
            for (int i = 0; i < shown; i++) {
                TraceResult.Endpoint e = list.get(i);
                out.printf("      %s  %-9s %-14s hop %d  %s%n", amount(a, e.amount().value()), Numbers.percent(e.share()),
                        e.kind().code(), e.hop(), name(e.address(), e.label()));
            }
            if (shown < list.size()) {
                out.printf("      … %d more in report.json (--top 0 lists all)%n", list.size() - shown);
            }
        }
        out.println();
    }

    private void flags(PrintWriter out, TraceResult r) {
        List<dev.tracer.model.Flag> shown = r.flags().stream().filter(f -> !f.type().equals("address-poisoning")).toList();
        if (shown.isEmpty()) {
            return;
        }
        out.println("Laundering patterns flagged (address poisoning is summarised below):");
        TreeMap<String, Integer> counts = new TreeMap<>();
        shown.forEach(f -> counts.merge(f.type(), 1, Integer::sum));
        List<String> c = new ArrayList<>();
        counts.forEach((k, v) -> c.add(v + " " + k));
        out.println("  " + String.join(", ", c));
        int n = 0;
        for (dev.tracer.model.Flag f : shown) {
            if (top > 0 && n++ == top) {
                out.printf("  … %d more in report.json (--top 0 lists all)%n", shown.size() - top);
                break;
            }
            out.printf("  %-18s %s  %s [%s, confidence %d, first tx %s]%n", f.type(), f.address().value(), f.summary(),
                    f.rule(), f.confidence(), f.txs().get(0).value());
        }
        out.println();
    }

    private static void conversions(PrintWriter out, TraceResult r) {
        if (r.conversions().isEmpty()) {
            return;
        }
        out.println("Swaps (taint carried into the proceeds):");
        TreeMap<String, BigInteger[]> byKey = new TreeMap<>();
        TreeMap<String, Asset> assets = new TreeMap<>();
        for (TraceResult.Conversion c : r.conversions()) {
            String from = String.join("+", c.fromAssets().stream().map(Asset::symbol).toList());
            String key = c.address().value() + " " + from + " -> " + c.toAsset().symbol()
                    + (c.inferred() ? " (inferred)" : " (in one transaction)");
            BigInteger[] v = byKey.computeIfAbsent(key, k -> new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO});
            v[0] = v[0].add(c.amount());
            v[1] = v[1].add(c.taintCarried());
            assets.put(key, c.toAsset());
        }
        byKey.forEach((k, v) -> out.printf("  %s: %s %s, %s of it stolen%n", k, amount(assets.get(k), v[0]),
                k.endsWith("(inferred)") ? "arrived unrecorded after swap-like outflows" : "came back in the swap's transaction",
                amount(assets.get(k), v[1])));
        r.convertedIn().forEach((a, v) -> out.printf("  %s now traced as %s: %s from the seeds + %s from swaps%n",
                a.symbol(), amount(a, r.tracedAmount(a)), amount(a, r.seedAmounts().getOrDefault(a, BigInteger.ZERO)),
                amount(a, v)));
        out.println();
    }

    private void calls(PrintWriter out, TraceResult r) {
        List<TraceResult.ContractCall> labelled = r.calls().stream().filter(c -> c.label().isPresent()).toList();
        if (labelled.isEmpty()) {
            return;
        }
        out.println("Contracts called by followed addresses (interacted with; not holders of the funds):");
        for (TraceResult.ContractCall c : labelled) {
            Label l = c.label().get();
            out.printf("  %s called %s [%s, %s] %d time%s%n", c.caller().value(), c.contract().value(), l.entity(),
                    l.category().code(), c.count(), c.count() == 1 ? "" : "s");
        }
        out.println();
    }

    private static void gaps(PrintWriter out, TraceResult r) {
        if (r.gaps().isEmpty()) {
            return;
        }
        out.println("Unexplained inflows (an address sent more than the data shows it receiving):");
        List<TraceResult.LedgerGap> ordered = new ArrayList<>(r.gaps());
        ordered.sort(Comparator.comparing((TraceResult.LedgerGap g) -> !g.countedAsStolen()));
        for (TraceResult.LedgerGap g : ordered) {
            String how = g.countedAsStolen() ? "counted as stolen (seed)"
                    : g.tainted().signum() > 0 ? amount(g.asset(), g.tainted()) + " of it explained as swap proceeds of stolen funds"
                    : "of unknown origin, not counted as stolen";
            out.printf("  %s received %s, sent %s: %s from outside the data, %s%n", g.address().value(),
                    amount(g.asset(), g.received()), amount(g.asset(), g.sent()), amount(g.asset(), g.unexplained()), how);
        }
        out.println();
    }

    private void poisoning(PrintWriter out, TraceResult r) {
        if (r.poisoning().isEmpty()) {
            return;
        }
        TreeMap<TraceResult.PoisonReason, Integer> counts = new TreeMap<>();
        TreeMap<Address, Optional<Address>> receivers = new TreeMap<>();
        TreeMap<Address, Integer> perReceiver = new TreeMap<>();
        for (TraceResult.Poisoning p : r.poisoning()) {
            counts.merge(p.reason(), 1, Integer::sum);
            receivers.merge(p.transfer().to(), p.lookalikeOf(), (x, y) -> x.isPresent() ? x : y);
            perReceiver.merge(p.transfer().to(), 1, Integer::sum);
        }
        List<String> c = new ArrayList<>();
        counts.forEach((k, v) -> c.add(v + " " + k.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')));
        out.printf("Poisoning excluded (never counted as stolen): %d transfers (%s) to %d addresses%n",
                r.poisoning().size(), String.join(", ", c), receivers.size());
        long lookalikes = receivers.values().stream().filter(Optional::isPresent).count();
        out.printf("  look-alike addresses (same first and last 4 hex digits as a real counterparty): %d%n", lookalikes);
        int shown = 0;
        for (Map.Entry<Address, Optional<Address>> e : receivers.entrySet()) {
            if (e.getValue().isEmpty()) {
                continue;
            }
            if (top > 0 && shown == top) {
                out.printf("    … %d more in report.json (--top 0 lists all)%n", lookalikes - shown);
                break;
            }
            int n = perReceiver.get(e.getKey());
            out.printf("    %s imitates %s (%d transfer%s)%n", e.getKey().value(), e.getValue().get().value(), n, n == 1 ? "" : "s");
            shown++;
        }
        out.println();
    }

    private static void truncations(PrintWriter out, TraceResult r) {
        if (r.truncations().isEmpty()) {
            out.println("Truncations: none");
            return;
        }
        out.println("Truncations:");
        for (TraceResult.Truncation t : r.truncations()) {
            out.printf("  %s: %s; %d transfers not followed carrying %s%n", t.address().value(), t.reason(),
                    t.transfers(), join(t.amounts()));
        }
    }
}
