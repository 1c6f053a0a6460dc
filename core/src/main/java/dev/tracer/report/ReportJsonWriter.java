package dev.tracer.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import dev.tracer.label.Category;
import dev.tracer.label.Label;
import dev.tracer.model.Address;
import dev.tracer.model.Amount;
import dev.tracer.model.Asset;
import dev.tracer.model.Transfer;
import dev.tracer.trace.TraceResult;
import dev.tracer.trace.TracePolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes {@code report.json}: everything the text summary says plus every traced transfer with
 * its transaction hash and taint. Amounts appear twice, as exact decimal text in whole units
 * ({@code "amount": "90375.54791768"}) and as base units ({@code "base_units": "9037554791768…"}),
 * both strings so no JSON parser rounds them. Streams through Jackson's generator (O(V + E),
 * no document tree); keys and arrays are in a fixed order, so the same result gives the same
 * bytes.
 *
 * <p>The report is complete enough to be read back: {@link ReportJsonReader} rebuilds the same
 * {@link TraceResult} from it (every transfer carries its position in the chain, the graph edge
 * it came from and its full value), so graph exports and run diffs work from saved reports.
 */
public final class ReportJsonWriter {
    public static final String FORMAT = "tracer-report/1";
    private static final JsonFactory FACTORY = new JsonFactory();

    public void write(TraceResult r, Writer out) {
        try (ReportGenerator j = new ReportGenerator(FACTORY.createGenerator(out))) {
            j.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            DefaultPrettyPrinter pp = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
            j.setPrettyPrinter(pp);
            j.writeStartObject();
            j.writeStringField("format", FORMAT);
            j.writeStringField("direction", r.direction().code());
            j.writeObjectFieldStart("model");
            j.writeStringField("name", r.model());
            j.writeStringField("description", r.modelDescription());
            j.writeBooleanField("conserving", r.conserving());
            j.writeEndObject();
            policy(j, r.policy());
            dataset(j, r);
            j.writeArrayFieldStart("seeds");
            for (var s : r.seeds()) {
                j.writeString(s.toString());
            }
            j.writeEndArray();
            tallies(j, "seed_amounts", r.seedAmounts());
            tallies(j, "converted_in", r.convertedIn());
            summaryByKind(j, r);
            flags(j, r);
            conversions(j, r);
            endpoints(j, r);
            gaps(j, r);
            j.writeArrayFieldStart("unexplained_inflows");
            for (TraceResult.UnexplainedInflow u : r.unexplained()) {
                j.writeStartObject();
                j.writeStringField("address", u.address().value());
                amount(j, AmountNames.PLAIN, u.amount().asset(), u.amount().value());
                j.writeStringField("before_tx", u.at().tx().value());
                j.writeNumberField("block", u.at().block());
                j.writeTimeField("time", u.at().time());
                j.writeBooleanField("counted_as_stolen", u.countedAsStolen());
                amount(j, AmountNames.TAINTED, u.amount().asset(), u.tainted());
                j.writeObjectFieldStart("at");
                transferFields(j, u.at());
                j.writeEndObject();
                j.writeEndObject();
            }
            j.writeEndArray();
            poisoning(j, r);
            calls(j, r);
            truncations(j, r);
            j.writeArrayFieldStart("warnings");
            for (String w : r.warnings()) {
                j.writeString(w);
            }
            j.writeEndArray();
            nodes(j, r);
            transfers(j, r);
            j.writeObjectFieldStart("stats");
            j.writeNumberField("transfers_scanned", r.stats().edgesScanned());
            j.writeNumberField("addresses_reached", r.stats().addressesReached());
            j.writeNumberField("addresses_followed", r.stats().addressesFollowed());
            j.writeNumberField("max_hop_reached", r.stats().maxHopReached());
            j.writeNumberField("transfers_traced", r.transfers().size());
            j.writeEndObject();
            j.writeEndObject();
            j.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write report.json: " + e.getMessage(), e);
        }
    }

    /**
     * The generator of one report. It writes each field name from a {@link SerializedString} made
     * once per name and report, which holds the name already quoted: a plain
     * {@code writeFieldName(String)} scans every name for characters to escape, and a large report
     * writes tens of millions of names (with the values' scan, a quarter of the time of writing
     * one). The names are this class's constants, so the map stays small. And it keeps the text of
     * the last time written ({@link #writeTimeField}). The bytes written are the same.
     */
    private static final class ReportGenerator extends JsonGeneratorDelegate {
        private final Map<String, SerializedString> names = new java.util.HashMap<>();
        private Instant lastInstant;
        private String lastTime;

        ReportGenerator(JsonGenerator g) {
            super(g, false);
        }

        @Override
        public void writeFieldName(String name) throws IOException {
            SerializedString q = names.get(name);
            if (q == null) {
                q = new SerializedString(name);
                names.put(name, q);
            }
            delegate.writeFieldName(q);
        }

        /**
         * Writes {@code t} as {@link Instant#toString()} does. Transfers come in runs of one block,
         * so the last text is reused while the time is the same: one formatting per distinct time
         * (it was 4 % of writing a large report).
         */
        void writeTimeField(String name, Instant t) throws IOException {
            if (!t.equals(lastInstant)) {
                lastTime = t.toString();
                lastInstant = t;
            }
            writeStringField(name, lastTime);
        }
    }

    private static void policy(ReportGenerator j, TracePolicy p) throws IOException {
        j.writeObjectFieldStart("policy");
        j.writeNumberField("max_hops", p.maxHops());
        j.writeStringField("min_amount", p.minAmount().stripTrailingZeros().toPlainString());
        optionalString(j, "since", p.since().map(Object::toString));
        optionalString(j, "until", p.until().map(Object::toString));
        j.writeArrayFieldStart("assets");
        for (Asset a : p.assets()) {
            j.writeString(a.id());
        }
        j.writeEndArray();
        j.writeArrayFieldStart("stop_at");
        for (Category c : new TreeSet<>(p.stopAt())) {
            j.writeString(c.code());
        }
        j.writeEndArray();
        j.writeNumberField("fan_out_cap", p.fanOutCap());
        j.writeEndObject();
    }

    private static void dataset(ReportGenerator j, TraceResult r) throws IOException {
        j.writeObjectFieldStart("dataset");
        j.writeStringField("description", r.dataset());
        j.writeStringField("chain", r.coverage().chain().name());
        j.writeNumberField("first_block", r.coverage().range().first());
        j.writeNumberField("last_block", r.coverage().range().last());
        j.writeBooleanField("every_address", r.coverage().everyAddress());
        j.writeArrayFieldStart("complete_outflows");
        for (Address a : r.coverage().completeOutflows()) {
            j.writeString(a.value());
        }
        j.writeEndArray();
        j.writeArrayFieldStart("complete_inflows");
        for (Address a : r.coverage().completeInflows()) {
            j.writeString(a.value());
        }
        j.writeEndArray();
        j.writeEndObject();
    }

    private static void optionalString(ReportGenerator j, String field, Optional<String> v) throws IOException {
        if (v.isPresent()) {
            j.writeStringField(field, v.get());
        } else {
            j.writeNullField(field);
        }
    }

    /**
     * The field names of an amount, by prefix: constants, so a field name is not built (and its
     * hash computed for {@link ReportGenerator}) for every amount written.
     */
    private enum AmountNames {
        PLAIN(""), TAINTED("tainted_"), OFFERED("offered_"), RECEIVED("received_"), SENT("sent_"),
        UNEXPLAINED("unexplained_");

        final String amount;
        final String baseUnits;

        AmountNames(String prefix) {
            this.amount = prefix + "amount";
            this.baseUnits = prefix + "base_units";
        }
    }

    /**
     * Writes {@code v} as its decimal text and its base units; the plain names also write the
     * asset. The digits are made once for both fields.
     */
    private static void amount(ReportGenerator j, AmountNames names, Asset asset, BigInteger v) throws IOException {
        if (names == AmountNames.PLAIN) {
            j.writeStringField("asset", asset.id());
            j.writeStringField("symbol", asset.symbol());
        }
        String digits = Amount.digits(v);
        // an asset's decimals are 0 or more (Asset checks), as decimalOfDigits needs
        j.writeStringField(names.amount, Amount.decimalOfDigits(digits, asset.decimals()));
        j.writeStringField(names.baseUnits, digits);
    }

    private static void label(ReportGenerator j, Optional<Label> l) throws IOException {
        if (l.isEmpty()) {
            j.writeNullField("label");
            return;
        }
        j.writeObjectFieldStart("label");
        j.writeStringField("entity", l.get().entity());
        j.writeStringField("category", l.get().category().code());
        j.writeStringField("source", l.get().source());
        j.writeNumberField("confidence", l.get().confidence());
        j.writeBooleanField("cluster_definer", l.get().clusterDefiner());
        j.writeStringField("pack", l.get().pack());
        j.writeEndObject();
    }

    private static void summaryByKind(ReportGenerator j, TraceResult r) throws IOException {
        TreeMap<String, TreeMap<Asset, BigInteger>> byKind = new TreeMap<>();
        TreeMap<String, Integer> counts = new TreeMap<>();
        for (TraceResult.Endpoint e : r.endpoints()) {
            byKind.computeIfAbsent(e.kind().code(), k -> new TreeMap<>()).merge(e.amount().asset(), e.amount().value(), BigInteger::add);
            counts.merge(e.kind().code(), 1, Integer::sum);
        }
        j.writeArrayFieldStart("where_now");
        for (var k : byKind.entrySet()) {
            for (var a : k.getValue().entrySet()) {
                j.writeStartObject();
                j.writeStringField("kind", k.getKey());
                amount(j, AmountNames.PLAIN, a.getKey(), a.getValue());
                j.writeStringField("share", TraceResult.share(a.getValue(), r.tracedAmount(a.getKey())).toPlainString());
                j.writeEndObject();
            }
        }
        j.writeEndArray();
    }

    private static void endpoints(ReportGenerator j, TraceResult r) throws IOException {
        j.writeArrayFieldStart("endpoints");
        for (TraceResult.Endpoint e : r.endpoints()) {
            j.writeStartObject();
            j.writeStringField("address", e.address().value());
            if (e.address().owner().isPresent()) {
                j.writeStringField("owner", e.address().owner().get()); // UTXO outputs: the address paid
            }
            j.writeStringField("kind", e.kind().code());
            j.writeNumberField("hop", e.hop());
            label(j, e.label());
            amount(j, AmountNames.PLAIN, e.amount().asset(), e.amount().value());
            j.writeStringField("share", e.share().toPlainString());
            j.writeArrayFieldStart("path");
            for (var tx : e.path()) {
                j.writeString(tx.value());
            }
            j.writeEndArray();
            j.writeEndObject();
        }
        j.writeEndArray();
    }

    private static void flags(ReportGenerator j, TraceResult r) throws IOException {
        j.writeArrayFieldStart("flags");
        for (dev.tracer.model.Flag f : r.flags()) {
            j.writeStartObject();
            j.writeStringField("type", f.type());
            j.writeStringField("address", f.address().value());
            j.writeStringField("detector", f.detector());
            j.writeStringField("rule", f.rule());
            j.writeNumberField("confidence", f.confidence());
            j.writeStringField("summary", f.summary());
            j.writeStringField("first", f.first().toString());
            j.writeStringField("last", f.last().toString());
            j.writeArrayFieldStart("txs");
            for (var tx : f.txs()) {
                j.writeString(tx.value());
            }
            j.writeEndArray();
            j.writeArrayFieldStart("amounts");
            for (Amount a : f.amounts()) {
                j.writeStartObject();
                amount(j, AmountNames.PLAIN, a.asset(), a.value());
                j.writeEndObject();
            }
            j.writeEndArray();
            j.writeEndObject();
        }
        j.writeEndArray();
    }

    private static void conversions(ReportGenerator j, TraceResult r) throws IOException {
        j.writeArrayFieldStart("conversions");
        for (TraceResult.Conversion c : r.conversions()) {
            j.writeStartObject();
            j.writeStringField("address", c.address().value());
            j.writeArrayFieldStart("from_assets");
            for (Asset a : c.fromAssets()) {
                j.writeString(a.id());
            }
            j.writeEndArray();
            j.writeArrayFieldStart("from_txs");
            for (var tx : c.fromTxs()) {
                j.writeString(tx.value());
            }
            j.writeEndArray();
            j.writeArrayFieldStart("rules");
            for (String rule : c.rules()) {
                j.writeString(rule);
            }
            j.writeEndArray();
            j.writeStringField("before_tx", c.beforeTx().value());
            amount(j, AmountNames.PLAIN, c.toAsset(), c.amount());
            amount(j, AmountNames.TAINTED, c.toAsset(), c.taintCarried());
            amount(j, AmountNames.OFFERED, c.toAsset(), c.offered());
            j.writeBooleanField("inferred", c.inferred());
            j.writeEndObject();
        }
        j.writeEndArray();
    }

    private static void calls(ReportGenerator j, TraceResult r) throws IOException {
        j.writeArrayFieldStart("contract_calls");
        for (TraceResult.ContractCall c : r.calls()) {
            j.writeStartObject();
            j.writeStringField("caller", c.caller().value());
            j.writeStringField("contract", c.contract().value());
            label(j, c.label());
            j.writeNumberField("count", c.count());
            j.writeArrayFieldStart("txs");
            for (var tx : c.txs()) {
                j.writeString(tx.value());
            }
            j.writeEndArray();
            j.writeEndObject();
        }
        j.writeEndArray();
    }

    private static void gaps(ReportGenerator j, TraceResult r) throws IOException {
        j.writeArrayFieldStart("ledger_gaps");
        for (TraceResult.LedgerGap g : r.gaps()) {
            j.writeStartObject();
            j.writeStringField("address", g.address().value());
            j.writeStringField("asset", g.asset().id());
            j.writeStringField("symbol", g.asset().symbol());
            amount(j, AmountNames.RECEIVED, g.asset(), g.received());
            amount(j, AmountNames.SENT, g.asset(), g.sent());
            amount(j, AmountNames.UNEXPLAINED, g.asset(), g.unexplained());
            j.writeBooleanField("counted_as_stolen", g.countedAsStolen());
            amount(j, AmountNames.TAINTED, g.asset(), g.tainted());
            j.writeEndObject();
        }
        j.writeEndArray();
    }

    private static void poisoning(ReportGenerator j, TraceResult r) throws IOException {
        j.writeObjectFieldStart("poisoning");
        TreeMap<String, int[]> byReason = new TreeMap<>();
        TreeMap<Address, TreeMap<String, Object>> addresses = new TreeMap<>();
        for (TraceResult.Poisoning p : r.poisoning()) {
            byReason.computeIfAbsent(p.reason().name().toLowerCase(java.util.Locale.ROOT), k -> new int[1])[0]++;
            TreeMap<String, Object> a = addresses.computeIfAbsent(p.transfer().to(), k -> new TreeMap<>());
            a.merge("transfers", 1, (x, y) -> (Integer) x + (Integer) y);
            p.lookalikeOf().ifPresent(l -> a.put("imitates", l.value()));
        }
        j.writeObjectFieldStart("counts");
        for (var e : byReason.entrySet()) {
            j.writeNumberField(e.getKey(), e.getValue()[0]);
        }
        j.writeEndObject();
        j.writeArrayFieldStart("addresses");
        for (var e : addresses.entrySet()) {
            j.writeStartObject();
            j.writeStringField("address", e.getKey().value());
            j.writeNumberField("transfers", (Integer) e.getValue().get("transfers"));
            optionalString(j, "imitates", Optional.ofNullable((String) e.getValue().get("imitates")));
            j.writeEndObject();
        }
        j.writeEndArray();
        j.writeArrayFieldStart("transfers");
        for (TraceResult.Poisoning p : r.poisoning()) {
            Transfer t = p.transfer();
            j.writeStartObject();
            j.writeStringField("reason", p.reason().name().toLowerCase(java.util.Locale.ROOT));
            j.writeStringField("detail", p.detail());
            transferFields(j, t);
            optionalString(j, "imitates", p.lookalikeOf().map(Address::value));
            j.writeEndObject();
        }
        j.writeEndArray();
        j.writeEndObject();
    }

    private static void truncations(ReportGenerator j, TraceResult r) throws IOException {
        j.writeArrayFieldStart("truncations");
        for (TraceResult.Truncation t : r.truncations()) {
            j.writeStartObject();
            j.writeStringField("address", t.address().value());
            j.writeStringField("reason", t.reason());
            j.writeNumberField("transfers_cut", t.transfers());
            tallies(j, "amounts", t.amounts());
            j.writeEndObject();
        }
        j.writeEndArray();
    }

    private static void tallies(ReportGenerator j, String field, SortedMap<Asset, BigInteger> m) throws IOException {
        j.writeArrayFieldStart(field);
        for (var a : m.entrySet()) {
            j.writeStartObject();
            amount(j, AmountNames.PLAIN, a.getKey(), a.getValue());
            j.writeEndObject();
        }
        j.writeEndArray();
    }

    private static void nodes(ReportGenerator j, TraceResult r) throws IOException {
        j.writeArrayFieldStart("nodes");
        for (TraceResult.Node n : r.nodes()) {
            j.writeStartObject();
            j.writeStringField("address", n.address().value());
            if (n.address().owner().isPresent()) {
                j.writeStringField("owner", n.address().owner().get());
            }
            j.writeNumberField("hop", n.hop());
            j.writeStringField("role", n.role().name().toLowerCase(java.util.Locale.ROOT));
            optionalString(j, "endpoint", n.endpoint().map(k -> k.code()));
            label(j, n.label());
            tallies(j, "tainted_received", n.received());
            tallies(j, "tainted_sent", n.sent());
            tallies(j, "tainted_held", n.held());
            if (n.reachedBy().isPresent()) {
                Transfer t = n.reachedBy().get();
                j.writeObjectFieldStart("reached_by");
                j.writeStringField("tx", t.tx().value());
                j.writeStringField("from", t.from().value());
                j.writeStringField("to", t.to().value());
                j.writeNumberField("block", t.block());
                j.writeTimeField("time", t.time());
                j.writeStringField("kind", t.kind().code());
                j.writeNumberField("tx_index", t.txIndex());
                j.writeNumberField("position", t.position());
                amount(j, AmountNames.PLAIN, t.asset(), t.amount());
                j.writeEndObject();
            } else {
                j.writeNullField("reached_by");
            }
            j.writeEndObject();
        }
        j.writeEndArray();
    }

    private static void transferFields(ReportGenerator j, Transfer t) throws IOException {
        j.writeStringField("tx", t.tx().value());
        j.writeNumberField("block", t.block());
        j.writeTimeField("time", t.time());
        j.writeStringField("from", t.from().value());
        j.writeStringField("to", t.to().value());
        j.writeStringField("kind", t.kind().code());
        j.writeNumberField("tx_index", t.txIndex());
        j.writeNumberField("position", t.position());
        amount(j, AmountNames.PLAIN, t.asset(), t.amount());
    }

    private static void transfers(ReportGenerator j, TraceResult r) throws IOException {
        j.writeArrayFieldStart("transfers");
        for (TraceResult.TracedTransfer t : r.transfers()) {
            j.writeStartObject();
            j.writeNumberField("edge", t.edge());
            transferFields(j, t.transfer());
            amount(j, AmountNames.TAINTED, t.transfer().asset(), t.tainted());
            j.writeEndObject();
        }
        j.writeEndArray();
    }
}
