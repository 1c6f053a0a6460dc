package dev.tracer.report;

import dev.tracer.label.Label;
import dev.tracer.model.Address;
import dev.tracer.model.Asset;
import dev.tracer.model.Flag;
import dev.tracer.trace.Direction;
import dev.tracer.trace.EndpointKind;
import dev.tracer.trace.TraceResult;
import java.io.PrintWriter;
import java.io.Writer;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A readable Markdown summary of a trace ({@code summary.md} of a batch run): what was traced
 * and how, the stolen amount per asset, where the funds are now (per asset and kind of endpoint,
 * with the largest endpoints), the laundering patterns flagged, the swaps inferred, the
 * unexplained inflows, the poisoning excluded, truncations and warnings. The full evidence is in
 * {@code report.json}; this is for reading, on GitHub or in an editor.
 *
 * <p>Amounts are exact, with thousands separators. Attacker-chosen text (entity names, token
 * symbols, flag summaries) goes through {@link SafeText#markdown}: every ASCII punctuation
 * character that can open Markdown syntax is backslash-escaped, so the text can form no link, HTML, emphasis or table cell
 * boundary and shows exactly as given. Deterministic; streams to the writer; thread-safe.
 */
public final class MarkdownSummary {
    private final int top;

    /** @param top how many endpoints and flags to list (0 for all) */
    public MarkdownSummary(int top) {
        if (top < 0) {
            throw new IllegalArgumentException("top must be >= 0");
        }
        this.top = top;
    }

    /** Writes the summary of {@code r}, titled {@code title}; {@code w} is flushed, not closed. */
    public void write(String title, TraceResult r, Writer w) {
        PrintWriter out = new PrintWriter(w);
        out.println("# " + SafeText.markdown(title));
        out.println();
        header(out, r);
        seeds(out, r);
        whereNow(out, r);
        flags(out, r);
        conversions(out, r);
        gaps(out, r);
        poisoning(out, r);
        truncations(out, r);
        out.println("Every figure here is in `report.json` with its transactions; `graph.gexf` opens in Gephi.");
        out.flush();
    }

    private static void header(PrintWriter out, TraceResult r) {
        List<String> seeds = r.seeds().stream().map(s -> "`" + s + "`").toList();
        out.printf("%s trace from %s under the **%s** taint model, up to %d hops.%n%n",
                r.direction() == Direction.FORWARD ? "Forward" : "Backward", String.join(", ", seeds),
                SafeText.markdown(r.model()), r.policy().maxHops());
        var c = r.coverage();
        out.println("| | |");
        out.println("|---|---|");
        out.println("| Model | " + SafeText.markdown(r.modelDescription()) + " |");
        out.println("| Data | " + SafeText.markdown(r.dataset()) + " |");
        out.println("| Coverage | " + SafeText.markdown(c.chain().name() + " blocks " + c.range() + "; "
                + (c.everyAddress() ? "every address complete in that range"
                : "complete outflows of " + c.completeOutflows().size() + " address(es); every other address is a frontier"))
                + " |");
        List<String> p = new ArrayList<>();
        if (r.policy().minAmount().signum() > 0) {
            p.add("min amount " + r.policy().minAmount().toPlainString());
        }
        r.policy().since().ifPresent(t -> p.add("since " + t));
        r.policy().until().ifPresent(t -> p.add("until " + t));
        r.policy().assets().forEach(a -> p.add("asset " + a.symbol()));
        p.add("stops at " + String.join("/", r.policy().stopAt().stream().map(x -> x.code()).sorted().toList()));
        p.add("fan-out cap " + r.policy().fanOutCap());
        out.println("| Policy | " + SafeText.markdown(String.join("; ", p)) + " |");
        out.printf("| Reach | %d address(es) followed, %d reached, deepest hop %d; %d transfers carried taint |%n",
                r.stats().addressesFollowed(), r.stats().addressesReached(), r.stats().maxHopReached(), r.transfers().size());
        out.println();
    }

    private static void seeds(PrintWriter out, TraceResult r) {
        out.println(r.direction() == Direction.FORWARD ? "## Stolen amount introduced by the seeds" : "## Amount to explain at the seeds");
        out.println();
        if (r.seedAmounts().isEmpty() && r.convertedIn().isEmpty()) {
            out.println("None: the seeds moved no genuine asset in the time window.");
            out.println();
            return;
        }
        out.println("| Asset | From the seeds | Carried in by swaps | Traced |");
        out.println("|---|--:|--:|--:|");
        TreeMap<Asset, BigInteger> assets = new TreeMap<>(r.seedAmounts());
        r.convertedIn().forEach(assets::putIfAbsent);
        for (Asset a : assets.keySet()) {
            out.printf("| %s | %s | %s | %s |%n", symbol(a), amount(a, r.seedAmounts().getOrDefault(a, BigInteger.ZERO)),
                    amount(a, r.convertedIn().getOrDefault(a, BigInteger.ZERO)), amount(a, r.tracedAmount(a)));
        }
        out.println();
    }

    private void whereNow(PrintWriter out, TraceResult r) {
        out.println("## Where the funds are now");
        out.println();
        TreeMap<Asset, List<TraceResult.Endpoint>> perAsset = new TreeMap<>();
        r.endpoints().forEach(e -> perAsset.computeIfAbsent(e.amount().asset(), k -> new ArrayList<>()).add(e));
        if (perAsset.isEmpty()) {
            out.println("Nowhere: no stolen value moved.");
            out.println();
            return;
        }
        out.println("| Asset | Kind | Amount | Share | Addresses |");
        out.println("|---|---|--:|--:|--:|");
        for (var entry : perAsset.entrySet()) {
            Asset a = entry.getKey();
            TreeMap<EndpointKind, BigInteger> byKind = new TreeMap<>();
            TreeMap<EndpointKind, Integer> count = new TreeMap<>();
            for (TraceResult.Endpoint e : entry.getValue()) {
                byKind.merge(e.kind(), e.amount().value(), BigInteger::add);
                count.merge(e.kind(), 1, Integer::sum);
            }
            byKind.forEach((k, v) -> out.printf("| %s | %s | %s | %s | %d |%n", symbol(a), k.code(), amount(a, v),
                    Numbers.percent(TraceResult.share(v, r.tracedAmount(a))), count.get(k)));
        }
        out.println();
        out.println(top == 0 ? "### Every endpoint" : "### Largest endpoints (" + top + " per asset)");
        out.println();
        out.println("| Asset | Amount | Share | Kind | Hop | Address | Label |");
        out.println("|---|--:|--:|---|--:|---|---|");
        for (var entry : perAsset.entrySet()) {
            List<TraceResult.Endpoint> list = new ArrayList<>(entry.getValue());
            list.sort((x, y) -> y.amount().value().compareTo(x.amount().value()) != 0
                    ? y.amount().value().compareTo(x.amount().value()) : x.address().compareTo(y.address()));
            int shown = top == 0 ? list.size() : Math.min(top, list.size());
            for (int i = 0; i < shown; i++) {
                TraceResult.Endpoint e = list.get(i);
                out.printf("| %s | %s | %s | %s | %d | `%s` | %s |%n", symbol(entry.getKey()),
                        amount(entry.getKey(), e.amount().value()), Numbers.percent(e.share()), e.kind().code(), e.hop(),
                        e.address().value(), label(e.label()));
            }
            if (shown < list.size()) {
                out.printf("| %s | … %d more in report.json | | | | | |%n", symbol(entry.getKey()), list.size() - shown);
            }
        }
        out.println();
    }

    private void flags(PrintWriter out, TraceResult r) {
        List<Flag> shown = r.flags().stream().filter(f -> !f.type().equals("address-poisoning")).toList();
        if (shown.isEmpty()) {
            return;
        }
        out.println("## Laundering patterns flagged");
        out.println();
        out.println("| Type | Address | Rule | Confidence | Summary | First transaction |");
        out.println("|---|---|---|--:|---|---|");
        int n = 0;
        for (Flag f : shown) {
            if (top > 0 && n++ == top) {
                out.printf("| … %d more in report.json | | | | | |%n", shown.size() - top);
                break;
            }
            out.printf("| %s | `%s` | %s | %d | %s | `%s` |%n", SafeText.markdown(f.type()), f.address().value(),
                    SafeText.markdown(f.rule()), f.confidence(), SafeText.markdown(f.summary()), f.txs().get(0).value());
        }
        out.println();
    }

    private static void conversions(PrintWriter out, TraceResult r) {
        if (r.conversions().isEmpty()) {
            return;
        }
        out.println("## Swaps inferred (taint carried into the proceeds)");
        out.println();
        out.println("| Address | Sold | Proceeds | Amount | Of it stolen | Before transaction |");
        out.println("|---|---|---|--:|--:|---|");
        for (TraceResult.Conversion c : r.conversions()) {
            out.printf("| `%s` | %s | %s | %s | %s | `%s` |%n", c.address().value(),
                    String.join(" + ", c.fromAssets().stream().map(MarkdownSummary::symbol).toList()), symbol(c.toAsset()),
                    amount(c.toAsset(), c.amount()), amount(c.toAsset(), c.taintCarried()), c.beforeTx().value());
        }
        out.println();
    }

    private static void gaps(PrintWriter out, TraceResult r) {
        if (r.gaps().isEmpty()) {
            return;
        }
        out.println("## Unexplained inflows");
        out.println();
        out.println("An address sent more than the data shows it receiving; the ledgers say so rather than invent or drop value.");
        out.println();
        out.println("| Address | Asset | Received | Sent | From outside the data | Counted as |");
        out.println("|---|---|--:|--:|--:|---|");
        for (TraceResult.LedgerGap g : r.gaps()) {
            String how = g.countedAsStolen() ? "stolen (seed)"
                    : g.tainted().signum() > 0 ? amount(g.asset(), g.tainted()) + " swap proceeds of stolen funds"
                    : "unknown origin, not stolen";
            out.printf("| `%s` | %s | %s | %s | %s | %s |%n", g.address().value(), symbol(g.asset()),
                    amount(g.asset(), g.received()), amount(g.asset(), g.sent()), amount(g.asset(), g.unexplained()), how);
        }
        out.println();
    }

    private static void poisoning(PrintWriter out, TraceResult r) {
        if (r.poisoning().isEmpty()) {
            return;
        }
        TreeMap<String, Integer> counts = new TreeMap<>();
        TreeMap<Address, Boolean> receivers = new TreeMap<>();
        for (TraceResult.Poisoning p : r.poisoning()) {
            counts.merge(p.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), 1, Integer::sum);
            receivers.merge(p.transfer().to(), p.lookalikeOf().isPresent(), Boolean::logicalOr);
        }
        List<String> c = new ArrayList<>();
        counts.forEach((k, v) -> c.add(v + " " + k));
        out.println("## Poisoning excluded");
        out.println();
        out.printf("%d transfers (%s) to %d addresses, %d of them look-alikes of real counterparties; never counted as stolen.%n",
                r.poisoning().size(), String.join(", ", c), receivers.size(),
                receivers.values().stream().filter(b -> b).count());
        out.println();
    }

    private static void truncations(PrintWriter out, TraceResult r) {
        if (!r.truncations().isEmpty()) {
            out.println("## Truncations");
            out.println();
            for (TraceResult.Truncation t : r.truncations()) {
                List<String> parts = new ArrayList<>();
                t.amounts().forEach((a, v) -> parts.add(amount(a, v) + " " + symbol(a)));
                out.printf("- `%s`: %s; %d transfers not followed carrying %s%n", t.address().value(),
                        SafeText.markdown(t.reason()), t.transfers(), String.join(" + ", parts));
            }
            out.println();
        }
        if (!r.warnings().isEmpty()) {
            out.println("## Warnings");
            out.println();
            r.warnings().forEach(w -> out.println("- " + SafeText.markdown(w)));
            out.println();
        }
    }

    private static String amount(Asset a, BigInteger v) {
        return Numbers.grouped(v, a.decimals());
    }

    private static String symbol(Asset a) {
        return SafeText.markdown(a.symbol());
    }

    private static String label(Optional<Label> l) {
        return l.map(x -> SafeText.markdown(x.entity()) + " (" + x.category().code() + ")").orElse("");
    }
}
