package dev.tracer.batch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tracer.label.Label;
import dev.tracer.model.Address;
import dev.tracer.model.Amount;
import dev.tracer.model.Asset;
import dev.tracer.model.Flag;
import dev.tracer.report.ReportJsonReader;
import dev.tracer.report.TextSummary;
import dev.tracer.trace.EndpointKind;
import dev.tracer.trace.TraceResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What changed between two batch runs, per incident: endpoints that are new or gone, amounts
 * that moved, flags raised or dropped, labels that changed on addresses both traces reached, and
 * whether the frontier grew or shrank (addresses and amount per asset); plus which inputs differ
 * (tool, policy, label, token and data digests, from the manifests). Read from the runs'
 * {@code manifest.json} and {@code report.json} files; nothing is traced again.
 *
 * <p>Identity: an endpoint is (address, kind, asset); a flag is (type, address, rule, time of its
 * first evidence), so a flag whose one-line summary only quotes a renamed label is not "new".
 * Every list is sorted, so the same runs give the same output.
 */
public final class RunDiff {
    /** The JSON output's format name. */
    public static final String FORMAT = "tracer-diff/1";

    private final Path a;
    private final Path b;
    private final List<String> inputs;
    private final List<Incident> incidents;

    /** An endpoint amount in one run or both; empty on the side where it is absent. */
    public record EndpointChange(Address address, EndpointKind kind, Asset asset, Optional<BigInteger> before,
                                 Optional<BigInteger> after) {
    }

    /** A flag raised ({@code added}) or no longer raised. */
    public record FlagChange(boolean added, String type, Address address, String rule, String summary) {
    }

    /** The best label of an address both traces reached, before and after. */
    public record LabelChange(Address address, Optional<Label> before, Optional<Label> after) {
    }

    /** Frontier endpoints: how many addresses, and the amount per asset, in each run. */
    public record Frontier(int before, int after, Map<Asset, BigInteger> amountBefore, Map<Asset, BigInteger> amountAfter,
                           List<Address> added, List<Address> removed) {
        public boolean changed() {
            return before != after || !amountBefore.equals(amountAfter) || !added.isEmpty() || !removed.isEmpty();
        }
    }

    /** One incident's differences; the lists are empty unless both runs finished it. */
    public record Incident(String id, String statusBefore, String statusAfter, List<EndpointChange> endpoints,
                           List<FlagChange> flags, List<LabelChange> labels, Optional<Frontier> frontier) {
        public int changes() {
            return (statusBefore.equals(statusAfter) ? 0 : 1) + endpoints.size() + flags.size() + labels.size()
                    + (frontier.isPresent() && frontier.get().changed() ? 1 : 0);
        }
    }

    private RunDiff(Path a, Path b, List<String> inputs, List<Incident> incidents) {
        this.a = a;
        this.b = b;
        this.inputs = List.copyOf(inputs);
        this.incidents = List.copyOf(incidents);
    }

    /** Compares run {@code before} with run {@code after}. */
    public static RunDiff compare(Path before, Path after) {
        JsonNode ma = RunManifest.read(before);
        JsonNode mb = RunManifest.read(after);
        List<String> inputs = inputChanges(ma.path("inputs"), mb.path("inputs"));
        Map<String, String> sa = statuses(ma);
        Map<String, String> sb = statuses(mb);
        TreeSet<String> ids = new TreeSet<>(sa.keySet());
        ids.addAll(sb.keySet());
        List<Incident> out = new ArrayList<>();
        ReportJsonReader reader = new ReportJsonReader();
        for (String id : ids) {
            String x = sa.getOrDefault(id, "absent");
            String y = sb.getOrDefault(id, "absent");
            if (x.equals("ok") && y.equals("ok")) {
                TraceResult ra = reader.read(before.resolve(id).resolve(IncidentFiles.REPORT));
                TraceResult rb = reader.read(after.resolve(id).resolve(IncidentFiles.REPORT));
                out.add(new Incident(id, x, y, endpoints(ra, rb), flags(ra, rb), labels(ra, rb), Optional.of(frontier(ra, rb))));
            } else {
                out.add(new Incident(id, x, y, List.of(), List.of(), List.of(), Optional.empty()));
            }
        }
        return new RunDiff(before, after, inputs, out);
    }

    public List<String> inputChanges() {
        return inputs;
    }

    public List<Incident> incidents() {
        return incidents;
    }

    private static Map<String, String> statuses(JsonNode manifest) {
        Map<String, String> m = new TreeMap<>();
        for (JsonNode r : manifest.path("results")) {
            m.put(r.path("id").asText(), r.path("status").asText());
        }
        for (JsonNode i : manifest.path("inputs").path("incidents")) {
            m.putIfAbsent(i.path("id").asText(), "pending");
        }
        return m;
    }

    private static List<String> inputChanges(JsonNode x, JsonNode y) {
        List<String> out = new ArrayList<>();
        if (!x.path("tool").equals(y.path("tool"))) {
            out.add("tool: " + x.path("tool").asText() + " -> " + y.path("tool").asText());
        }
        if (!x.path("policy").equals(y.path("policy"))) {
            out.add("policy: " + x.path("policy").toString() + " -> " + y.path("policy").toString());
        }
        for (String f : List.of("labels", "tokens")) {
            if (!x.path(f).path("sha256").equals(y.path(f).path("sha256"))) {
                out.add(f + ": sha256 " + shortSha(x.path(f)) + " -> " + shortSha(y.path(f)));
            }
        }
        Map<String, JsonNode> dx = new TreeMap<>();
        x.path("incidents").forEach(i -> dx.put(i.path("id").asText(), i));
        for (JsonNode i : y.path("incidents")) {
            JsonNode before = dx.get(i.path("id").asText());
            if (before == null) {
                continue;
            }
            if (!before.path("data").path("sha256").equals(i.path("data").path("sha256"))) {
                out.add(i.path("id").asText() + " data: sha256 " + shortSha(before.path("data")) + " -> " + shortSha(i.path("data")));
            }
            if (!before.path("seeds").equals(i.path("seeds"))) {
                out.add(i.path("id").asText() + " seeds: " + before.path("seeds") + " -> " + i.path("seeds"));
            }
        }
        return out;
    }

    private static String shortSha(JsonNode files) {
        String s = files.path("sha256").asText();
        return s.length() > 12 ? s.substring(0, 12) + "…" : s;
    }

    private record EndpointKey(Address address, EndpointKind kind, Asset asset) implements Comparable<EndpointKey> {
        @Override
        public int compareTo(EndpointKey o) {
            int c = address.compareTo(o.address);
            c = c != 0 ? c : kind.compareTo(o.kind);
            return c != 0 ? c : asset.compareTo(o.asset);
        }
    }

    private static TreeMap<EndpointKey, BigInteger> endpointAmounts(TraceResult r) {
        TreeMap<EndpointKey, BigInteger> m = new TreeMap<>();
        for (TraceResult.Endpoint e : r.endpoints()) {
            m.merge(new EndpointKey(e.address(), e.kind(), e.amount().asset()), e.amount().value(), BigInteger::add);
        }
        return m;
    }

    private static List<EndpointChange> endpoints(TraceResult ra, TraceResult rb) {
        TreeMap<EndpointKey, BigInteger> x = endpointAmounts(ra);
        TreeMap<EndpointKey, BigInteger> y = endpointAmounts(rb);
        TreeSet<EndpointKey> keys = new TreeSet<>(x.keySet());
        keys.addAll(y.keySet());
        List<EndpointChange> out = new ArrayList<>();
        for (EndpointKey k : keys) {
            BigInteger before = x.get(k);
            BigInteger after = y.get(k);
            if (before == null || after == null || !before.equals(after)) {
                out.add(new EndpointChange(k.address(), k.kind(), k.asset(), Optional.ofNullable(before), Optional.ofNullable(after)));
            }
        }
        return out;
    }

    private static List<FlagChange> flags(TraceResult ra, TraceResult rb) {
        TreeMap<String, Flag> x = flagKeys(ra);
        TreeMap<String, Flag> y = flagKeys(rb);
        List<FlagChange> out = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(x.keySet());
        keys.addAll(y.keySet());
        for (String k : keys) {
            if (!x.containsKey(k)) {
                Flag f = y.get(k);
                out.add(new FlagChange(true, f.type(), f.address(), f.rule(), f.summary()));
            } else if (!y.containsKey(k)) {
                Flag f = x.get(k);
                out.add(new FlagChange(false, f.type(), f.address(), f.rule(), f.summary()));
            }
        }
        return out;
    }

    private static TreeMap<String, Flag> flagKeys(TraceResult r) {
        TreeMap<String, Flag> m = new TreeMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Flag f : r.flags()) {
            String k = f.address().value() + " " + f.type() + " " + f.rule() + " " + f.first();
            int n = seen.merge(k, 1, Integer::sum);
            m.put(n == 1 ? k : k + " #" + n, f);
        }
        return m;
    }

    private static List<LabelChange> labels(TraceResult ra, TraceResult rb) {
        Map<Address, Optional<Label>> x = new TreeMap<>();
        ra.nodes().forEach(n -> x.putIfAbsent(n.address(), n.label()));
        Map<Address, Optional<Label>> y = new TreeMap<>();
        rb.nodes().forEach(n -> y.putIfAbsent(n.address(), n.label()));
        List<LabelChange> out = new ArrayList<>();
        for (Map.Entry<Address, Optional<Label>> e : x.entrySet()) {
            Optional<Label> after = y.get(e.getKey());
            if (after != null && !after.equals(e.getValue())) {
                out.add(new LabelChange(e.getKey(), e.getValue(), after));
            }
        }
        return out;
    }

    private static Frontier frontier(TraceResult ra, TraceResult rb) {
        TreeSet<Address> x = new TreeSet<>();
        TreeSet<Address> y = new TreeSet<>();
        Map<Asset, BigInteger> ax = new TreeMap<>();
        Map<Asset, BigInteger> ay = new TreeMap<>();
        for (TraceResult.Endpoint e : ra.endpoints()) {
            if (e.kind() == EndpointKind.FRONTIER) {
                x.add(e.address());
                ax.merge(e.amount().asset(), e.amount().value(), BigInteger::add);
            }
        }
        for (TraceResult.Endpoint e : rb.endpoints()) {
            if (e.kind() == EndpointKind.FRONTIER) {
                y.add(e.address());
                ay.merge(e.amount().asset(), e.amount().value(), BigInteger::add);
            }
        }
        List<Address> added = y.stream().filter(v -> !x.contains(v)).toList();
        List<Address> removed = x.stream().filter(v -> !y.contains(v)).toList();
        return new Frontier(x.size(), y.size(), ax, ay, added, removed);
    }

    // ---- output ----

    /** The readable form, for stdout; terminal controls in labels are neutralised. */
    public void writeText(Writer w) {
        PrintWriter out = new PrintWriter(TextSummary.terminalSafe(w));
        out.println("Comparing " + a + " -> " + b);
        if (inputs.isEmpty()) {
            out.println("Inputs: the same (tool, policy, labels, tokens, data, seeds)");
        } else {
            out.println("Inputs that differ:");
            inputs.forEach(i -> out.println("  " + i));
        }
        int unchanged = 0;
        for (Incident i : incidents) {
            if (i.changes() == 0) {
                unchanged++;
                continue;
            }
            out.println();
            out.printf("%s: %d change%s%n", i.id(), i.changes(), i.changes() == 1 ? "" : "s");
            if (!i.statusBefore().equals(i.statusAfter())) {
                out.printf("  status          %s -> %s%n", i.statusBefore(), i.statusAfter());
            }
            for (EndpointChange e : i.endpoints()) {
                String what = e.before().isEmpty() ? "new endpoint" : e.after().isEmpty() ? "endpoint gone" : "amount moved";
                out.printf("  %-15s %s  %s %s  %s%n", what, e.address().value(), e.kind().code(), e.asset().symbol(),
                        e.before().isEmpty() ? amount(e.asset(), e.after().get())
                                : e.after().isEmpty() ? amount(e.asset(), e.before().get())
                                : amount(e.asset(), e.before().get()) + " -> " + amount(e.asset(), e.after().get()));
            }
            for (FlagChange f : i.flags()) {
                out.printf("  %-15s %s  %s [%s] %s%n", f.added() ? "new flag" : "flag gone", f.address().value(), f.type(),
                        f.rule(), f.summary());
            }
            for (LabelChange l : i.labels()) {
                out.printf("  %-15s %s  %s -> %s%n", "label changed", l.address().value(), label(l.before()), label(l.after()));
            }
            if (i.frontier().isPresent() && i.frontier().get().changed()) {
                Frontier f = i.frontier().get();
                out.printf("  %-15s %d -> %d addresses (+%d, -%d); %s%n", f.after() > f.before() ? "frontier grew"
                        : f.after() < f.before() ? "frontier shrank" : "frontier moved", f.before(), f.after(),
                        f.added().size(), f.removed().size(), totals(f));
            }
        }
        out.println();
        out.printf("%d of %d incident(s) unchanged%n", unchanged, incidents.size());
        out.flush();
    }

    private static String totals(Frontier f) {
        TreeSet<Asset> assets = new TreeSet<>(f.amountBefore().keySet());
        assets.addAll(f.amountAfter().keySet());
        List<String> parts = new ArrayList<>();
        for (Asset x : assets) {
            BigInteger before = f.amountBefore().getOrDefault(x, BigInteger.ZERO);
            BigInteger after = f.amountAfter().getOrDefault(x, BigInteger.ZERO);
            if (!before.equals(after)) {
                parts.add(x.symbol() + " " + amount(x, before) + " -> " + amount(x, after));
            }
        }
        return parts.isEmpty() ? "same amounts" : String.join(", ", parts);
    }

    private static String amount(Asset a, BigInteger v) {
        return Amount.toDecimalString(v, a.decimals());
    }

    private static String label(Optional<Label> l) {
        return l.map(x -> "\"" + x.entity() + "\" (" + x.category().code() + ", " + x.source() + ", " + x.confidence()
                + (x.pack().isEmpty() ? "" : ", pack " + x.pack()) + ")").orElse("(no label)");
    }

    /** The JSON form ({@value #FORMAT}); amounts as exact decimal strings. */
    public void writeJson(Writer w) {
        try (JsonGenerator j = new JsonFactory().createGenerator(w)) {
            j.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            j.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));
            j.writeStartObject();
            j.writeStringField("format", FORMAT);
            j.writeStringField("before", a.toString());
            j.writeStringField("after", b.toString());
            j.writeArrayFieldStart("input_changes");
            for (String s : inputs) {
                j.writeString(s);
            }
            j.writeEndArray();
            j.writeArrayFieldStart("incidents");
            for (Incident i : incidents) {
                incident(j, i);
            }
            j.writeEndArray();
            j.writeEndObject();
            j.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the diff: " + e.getMessage(), e);
        }
    }

    private static void incident(JsonGenerator j, Incident i) throws IOException {
        j.writeStartObject();
        j.writeStringField("id", i.id());
        j.writeStringField("status_before", i.statusBefore());
        j.writeStringField("status_after", i.statusAfter());
        j.writeNumberField("changes", i.changes());
        j.writeArrayFieldStart("endpoints");
        for (EndpointChange e : i.endpoints()) {
            j.writeStartObject();
            j.writeStringField("change", e.before().isEmpty() ? "new" : e.after().isEmpty() ? "gone" : "moved");
            j.writeStringField("address", e.address().value());
            j.writeStringField("kind", e.kind().code());
            j.writeStringField("asset", e.asset().id());
            j.writeStringField("symbol", e.asset().symbol());
            optionalAmount(j, "before", e.asset(), e.before());
            optionalAmount(j, "after", e.asset(), e.after());
            j.writeEndObject();
        }
        j.writeEndArray();
        j.writeArrayFieldStart("flags");
        for (FlagChange f : i.flags()) {
            j.writeStartObject();
            j.writeStringField("change", f.added() ? "new" : "gone");
            j.writeStringField("type", f.type());
            j.writeStringField("address", f.address().value());
            j.writeStringField("rule", f.rule());
            j.writeStringField("summary", f.summary());
            j.writeEndObject();
        }
        j.writeEndArray();
        j.writeArrayFieldStart("labels");
        for (LabelChange l : i.labels()) {
            j.writeStartObject();
            j.writeStringField("address", l.address().value());
            label(j, "before", l.before());
            label(j, "after", l.after());
            j.writeEndObject();
        }
        j.writeEndArray();
        if (i.frontier().isPresent()) {
            Frontier f = i.frontier().get();
            j.writeObjectFieldStart("frontier");
            j.writeBooleanField("changed", f.changed());
            j.writeNumberField("addresses_before", f.before());
            j.writeNumberField("addresses_after", f.after());
            j.writeArrayFieldStart("added");
            for (Address x : f.added()) {
                j.writeString(x.value());
            }
            j.writeEndArray();
            j.writeArrayFieldStart("removed");
            for (Address x : f.removed()) {
                j.writeString(x.value());
            }
            j.writeEndArray();
            TreeSet<Asset> assets = new TreeSet<>(f.amountBefore().keySet());
            assets.addAll(f.amountAfter().keySet());
            j.writeArrayFieldStart("amounts");
            for (Asset x : assets) {
                j.writeStartObject();
                j.writeStringField("asset", x.id());
                j.writeStringField("symbol", x.symbol());
                j.writeStringField("before", amount(x, f.amountBefore().getOrDefault(x, BigInteger.ZERO)));
                j.writeStringField("after", amount(x, f.amountAfter().getOrDefault(x, BigInteger.ZERO)));
                j.writeEndObject();
            }
            j.writeEndArray();
            j.writeEndObject();
        } else {
            j.writeNullField("frontier");
        }
        j.writeEndObject();
    }

    private static void optionalAmount(JsonGenerator j, String field, Asset a, Optional<BigInteger> v) throws IOException {
        if (v.isPresent()) {
            j.writeStringField(field, amount(a, v.get()));
        } else {
            j.writeNullField(field);
        }
    }

    private static void label(JsonGenerator j, String field, Optional<Label> l) throws IOException {
        if (l.isEmpty()) {
            j.writeNullField(field);
            return;
        }
        j.writeObjectFieldStart(field);
        j.writeStringField("entity", l.get().entity());
        j.writeStringField("category", l.get().category().code());
        j.writeStringField("source", l.get().source());
        j.writeNumberField("confidence", l.get().confidence());
        j.writeStringField("pack", l.get().pack());
        j.writeEndObject();
    }
}
