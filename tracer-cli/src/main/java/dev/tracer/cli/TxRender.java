package dev.tracer.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.tracer.assets.AssetVerdict;
import dev.tracer.assets.FakeTokenClassifier;
import dev.tracer.bitcoin.BtcInput;
import dev.tracer.bitcoin.BtcOutput;
import dev.tracer.bitcoin.BtcTx;
import dev.tracer.bitcoin.Confirmation;
import dev.tracer.bitcoin.Outpoint;
import dev.tracer.bitcoin.heuristics.ChangeGuess;
import dev.tracer.bitcoin.heuristics.ChangeVerdict;
import dev.tracer.bitcoin.heuristics.CoinJoinVerdict;
import dev.tracer.bitcoin.heuristics.DustVerdict;
import dev.tracer.bitcoin.heuristics.PeelChain;
import dev.tracer.bitcoin.heuristics.PeelStep;
import dev.tracer.bitcoin.heuristics.TxAnalysis;
import dev.tracer.graph.TransferGraph;
import dev.tracer.model.Amount;
import dev.tracer.model.Asset;
import dev.tracer.model.Chain;
import dev.tracer.model.InvalidInputException;
import dev.tracer.model.Transfer;
import dev.tracer.model.TransferKind;
import dev.tracer.model.TxHash;
import dev.tracer.report.SafeText;
import dev.tracer.source.Dataset;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Renders {@code tracer tx}: text (one fact or flag per line) or JSON (amounts as exact strings). */
final class TxRender {
    private static final Asset BTC = Asset.nativeOf(Chain.BITCOIN);

    private TxRender() {
    }

    // ---- Bitcoin ----

    /** One flag: a name, a line of text, and its fields for JSON. */
    record Flag(String name, String text, Map<String, Object> fields) {
    }

    static List<Flag> flags(TxAnalysis a) {
        List<Flag> out = new ArrayList<>();
        a.coinJoin().ifPresent(c -> out.add(coinJoin(c)));
        change(a.change()).ifPresent(out::add);
        if (a.peelChain().isPresent()) {
            out.add(peelChain(a.peelChain().get()));
        } else {
            // a dust attack has the shape of a peel step; say it once, as dust
            a.peelStep().filter(s -> a.dust().map(d -> !d.outputs().contains(s.peeled())).orElse(true))
                    .ifPresent(s -> out.add(peelStep(s)));
        }
        a.dust().ifPresent(d -> out.add(dust(a.tx(), d)));
        if (!a.linkedInputs().isEmpty()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("addresses", a.linkedInputs());
            out.add(new Flag("multi-input", "multi-input: links " + a.linkedInputs().size() + " input addresses as one owner: "
                    + String.join(", ", a.linkedInputs()), f));
        }
        return out;
    }

    private static Flag coinJoin(CoinJoinVerdict c) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("type", c.type().code());
        f.put("equal_outputs", c.equalOutputs());
        f.put("denomination", Amount.of(BTC, BigInteger.valueOf(c.denomination())));
        f.put("rule", c.rule());
        f.put("confidence", c.confidence().code());
        return new Flag("coinjoin", "coinjoin: " + c.type().code() + ", " + c.equalOutputs() + " × " + btc(c.denomination())
                + " (" + c.rule() + "; confidence " + c.confidence().code() + ")", f);
    }

    private static Optional<Flag> change(ChangeVerdict v) {
        if (v.fired().isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("vout", v.change().orElse(null));
        List<Map<String, Object>> rules = new ArrayList<>();
        List<String> said = new ArrayList<>();
        for (ChangeGuess g : v.fired()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("rule", g.rule());
            r.put("vout", g.vout());
            r.put("reason", g.reason());
            rules.add(r);
            said.add(g.rule() + " says output " + g.vout() + " (" + g.reason() + ")");
        }
        f.put("rules", rules);
        f.put("confidence", v.confidence().code());
        f.put("usable", v.usable());
        String head = v.change().map(o -> "change: output " + o + " (confidence " + v.confidence().code()
                        + (v.usable() ? ", used" : ", not used: only one rule") + ")")
                .orElse("change: rules disagree, no guess");
        return Optional.of(new Flag("change", head + ": " + String.join("; ", said), f));
    }

    private static Flag peelChain(PeelChain c) {
        PeelStep s = c.steps().get(c.position());
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("step", c.position() + 1);
        f.put("length", c.length());
        f.put("total_peeled", Amount.of(BTC, BigInteger.valueOf(c.totalPeeled())));
        f.put("first", c.steps().get(0).tx().value());
        f.put("last", c.steps().get(c.length() - 1).tx().value());
        f.put("continues_at", c.end().toString());
        f.put("peeled_here", s.peeled().toString());
        return new Flag("peel-chain", "peel-chain: step " + (c.position() + 1) + " of " + c.length() + " (" + c.steps().get(0).tx()
                + " … " + c.steps().get(c.length() - 1).tx() + "), " + btc(c.totalPeeled()) + " peeled in total, this step peels "
                + btc(s.peeledValue()) + " at output " + s.peeled().vout() + "; continues at " + c.end(), f);
    }

    private static Flag peelStep(PeelStep s) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("peeled", s.peeled().toString());
        f.put("peeled_amount", Amount.of(BTC, BigInteger.valueOf(s.peeledValue())));
        f.put("next", s.next().toString());
        f.put("next_amount", Amount.of(BTC, BigInteger.valueOf(s.nextValue())));
        return new Flag("peel-step", "peel-step: one input, two outputs: " + btc(s.peeledValue()) + " peeled at output "
                + s.peeled().vout() + ", " + btc(s.nextValue()) + " passed on at output " + s.next().vout()
                + " (no chain of 3 or more steps in the data)", f);
    }

    private static Flag dust(BtcTx tx, DustVerdict d) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("outputs", d.outputs().stream().map(Outpoint::toString).toList());
        f.put("threshold", Amount.of(BTC, BigInteger.valueOf(d.threshold())));
        f.put("rule", d.rule());
        f.put("confidence", d.confidence().code());
        List<String> what = new ArrayList<>();
        for (Outpoint o : d.outputs()) {
            BtcOutput out = tx.outputs().get(o.vout());
            what.add("output " + o.vout() + " (" + out.value() + " sat to " + out.owner() + ")");
        }
        return new Flag("dust", "dust: " + String.join(", ", what) + " — " + d.rule() + "; confidence " + d.confidence().code()
                + "; not traced as funds", f);
    }

    private static String btc(long sats) {
        return Amount.toDecimalString(BigInteger.valueOf(sats), 8) + " BTC";
    }

    private static String status(Optional<Confirmation> c) {
        return c.map(x -> "confirmed in block " + x.height() + " at " + x.time() + (x.txIndex() >= 0 ? ", index " + x.txIndex() : ""))
                .orElse("unconfirmed, or the source does not say its block");
    }

    static void bitcoinText(TxAnalysis a, PrintWriter out) {
        BtcTx t = a.tx();
        out.println("Transaction " + t.txid() + " (bitcoin)");
        out.println("Status:  " + status(t.confirmation()));
        out.println("Size:    " + t.vsize() + " vbytes; version " + t.version() + "; locktime " + t.lockTime());
        OptionalLong in = t.inputValue();
        out.println("Inputs (" + t.inputs().size() + (t.coinbase() ? ", coinbase: newly mined coins and the block's fees"
                : in.isPresent() ? ", " + btc(in.getAsLong()) : ", values not known to this source") + "):");
        for (BtcInput i : t.inputs()) {
            out.println("  #" + i.index() + "  " + i.spent() + "  " + i.prevout().map(p -> btc(p.value()) + "  " + p.kind().code()
                    + "  " + p.owner()).orElse("(spent output not resolved)"));
        }
        out.println("Outputs (" + t.outputs().size() + ", " + btc(t.outputValue()) + "):");
        for (BtcOutput o : t.outputs()) {
            out.println("  #" + o.index() + "  " + btc(o.value()) + "  " + o.kind().code() + "  " + o.owner()
                    + (o.kind() == dev.tracer.bitcoin.ScriptKind.OP_RETURN ? (o.value() > 0 ? "  (unspendable: burned)" : "  (data, no value)") : ""));
        }
        t.fee().ifPresentOrElse(
                fee -> out.println("Fee:     " + fee + " sat (" + btc(fee) + ", " + java.math.BigDecimal.valueOf(fee)
                        .divide(java.math.BigDecimal.valueOf(t.vsize()), 1, java.math.RoundingMode.HALF_EVEN).toPlainString()
                        + " sat/vB), a sink: not a destination"),
                () -> out.println("Fee:     " + (t.coinbase() ? "none (coinbase)" : "unknown (inputs not resolved)")));
        List<Flag> flags = flags(a);
        out.println(flags.isEmpty() ? "Flags:   none" : "Flags:");
        flags.forEach(f -> out.println("  " + SafeText.line(f.text())));
    }

    static void bitcoinJson(TxAnalysis a, PrintWriter out) {
        BtcTx t = a.tx();
        json(out, j -> {
            j.writeStringField("chain", "bitcoin");
            j.writeStringField("txid", t.txid().value());
            j.writeObjectFieldStart("status");
            j.writeBooleanField("confirmed", t.confirmation().isPresent());
            if (t.confirmation().isPresent()) {
                Confirmation c = t.confirmation().get();
                j.writeNumberField("block", c.height());
                j.writeStringField("time", c.time().toString());
                if (c.txIndex() >= 0) {
                    j.writeNumberField("index", c.txIndex());
                }
            }
            j.writeEndObject();
            j.writeNumberField("vsize", t.vsize());
            j.writeNumberField("version", t.version());
            j.writeNumberField("locktime", t.lockTime());
            j.writeBooleanField("coinbase", t.coinbase());
            j.writeArrayFieldStart("inputs");
            for (BtcInput i : t.inputs()) {
                j.writeStartObject();
                j.writeNumberField("index", i.index());
                j.writeStringField("spends", i.spent().toString());
                if (i.prevout().isPresent()) {
                    output(j, i.prevout().get());
                }
                j.writeEndObject();
            }
            j.writeEndArray();
            j.writeArrayFieldStart("outputs");
            for (BtcOutput o : t.outputs()) {
                j.writeStartObject();
                j.writeNumberField("index", o.index());
                output(j, o);
                j.writeEndObject();
            }
            j.writeEndArray();
            if (t.fee().isPresent()) {
                j.writeFieldName("fee");
                amount(j, Amount.of(BTC, BigInteger.valueOf(t.fee().getAsLong())));
            } else {
                j.writeNullField("fee");
            }
            j.writeArrayFieldStart("flags");
            for (Flag f : flags(a)) {
                j.writeStartObject();
                j.writeStringField("flag", f.name());
                for (Map.Entry<String, Object> e : f.fields().entrySet()) {
                    j.writeFieldName(e.getKey());
                    value(j, e.getValue());
                }
                j.writeEndObject();
            }
            j.writeEndArray();
        });
    }

    private static void output(JsonGenerator j, BtcOutput o) throws IOException {
        j.writeStringField("amount", Amount.toDecimalString(BigInteger.valueOf(o.value()), 8));
        j.writeStringField("base_units", Long.toString(o.value()));
        j.writeStringField("kind", o.kind().code());
        if (o.address().isPresent()) {
            j.writeStringField("address", o.address().get());
        } else {
            j.writeNullField("address");
        }
        j.writeStringField("owner", o.owner());
    }

    // ---- Ethereum ----

    /** One transfer of an Ethereum transaction and what the asset classifier says about it. */
    record EvmTransfer(int position, Transfer transfer, AssetVerdict verdict) {
    }

    record Evm(TxHash hash, long block, String time, List<EvmTransfer> transfers, String dataset) {
    }

    static Evm evm(Dataset d, TxHash h, FakeTokenClassifier classifier) {
        TransferGraph g = d.graph();
        List<EvmTransfer> list = new ArrayList<>();
        for (int e = 0; e < g.edgeCount(); e++) {
            if (g.tx(e).equals(h)) {
                list.add(new EvmTransfer(list.size(), g.transfer(e), classifier.classify(g.assetOf(e))));
            }
        }
        if (list.isEmpty()) {
            throw new InvalidInputException("transaction " + h + " is not in " + d.description());
        }
        Transfer first = list.get(0).transfer();
        return new Evm(h, first.block(), first.time().toString(), list, d.description());
    }

    static List<Flag> flags(Evm v) {
        List<Flag> out = new ArrayList<>();
        for (EvmTransfer t : v.transfers()) {
            Transfer x = t.transfer();
            String name = null;
            if (t.verdict().kind() == AssetVerdict.Kind.IMITATION) {
                name = "imitation-token";
            } else if (t.verdict().kind() == AssetVerdict.Kind.UNVERIFIED) {
                name = "unverified-token";
            } else if (x.kind() == TransferKind.TOKEN && x.amount().signum() == 0) {
                name = "zero-value-token";
            }
            if (name != null) {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("transfer", t.position());
                f.put("reason", t.verdict().kind() == AssetVerdict.Kind.GENUINE ? "a zero-value token transfer moves nothing"
                        + " (a common address-poisoning lure)" : t.verdict().reason());
                out.add(new Flag(name, name + ": transfer #" + t.position() + " (" + x.value() + " to " + x.to().display() + "): "
                        + f.get("reason") + "; not counted as funds", f));
            }
        }
        return out;
    }

    static void evmText(Evm v, PrintWriter out) {
        out.println("Transaction " + v.hash() + " (ethereum)");
        out.println("Status:  block " + v.block() + " at " + v.time());
        // the dataset's description, token symbols and flag texts are third-party text: one safe line each
        out.println("Data:    " + SafeText.line(v.dataset()));
        out.println("Transfers (" + v.transfers().size() + "):");
        for (EvmTransfer t : v.transfers()) {
            Transfer x = t.transfer();
            out.println(SafeText.line("  #" + t.position() + "  " + x.kind().code() + "  " + x.from().display() + " → " + x.to().display()
                    + "  " + x.value() + (x.asset().isNative() ? "" : "  (token " + x.asset().contract().orElseThrow().display() + ", "
                    + t.verdict().kind().name().toLowerCase(java.util.Locale.ROOT) + ")")));
        }
        out.println("Fee:     not in the data (ethereum-etl transfers carry no gas)");
        List<Flag> flags = flags(v);
        out.println(flags.isEmpty() ? "Flags:   none" : "Flags:");
        flags.forEach(f -> out.println("  " + SafeText.line(f.text())));
    }

    static void evmJson(Evm v, PrintWriter out) {
        json(out, j -> {
            j.writeStringField("chain", "ethereum");
            j.writeStringField("txid", v.hash().value());
            j.writeObjectFieldStart("status");
            j.writeBooleanField("confirmed", true);
            j.writeNumberField("block", v.block());
            j.writeStringField("time", v.time());
            j.writeEndObject();
            j.writeArrayFieldStart("transfers");
            for (EvmTransfer t : v.transfers()) {
                Transfer x = t.transfer();
                j.writeStartObject();
                j.writeNumberField("index", t.position());
                j.writeStringField("kind", x.kind().code());
                j.writeStringField("from", x.from().value());
                j.writeStringField("to", x.to().value());
                j.writeStringField("asset", x.asset().id());
                j.writeStringField("symbol", x.asset().symbol());
                j.writeStringField("asset_verdict", t.verdict().kind().name().toLowerCase(java.util.Locale.ROOT));
                j.writeStringField("amount", x.value().toDecimalString());
                j.writeStringField("base_units", x.amount().toString());
                j.writeEndObject();
            }
            j.writeEndArray();
            j.writeNullField("fee");
            j.writeArrayFieldStart("flags");
            for (Flag f : flags(v)) {
                j.writeStartObject();
                j.writeStringField("flag", f.name());
                for (Map.Entry<String, Object> e : f.fields().entrySet()) {
                    j.writeFieldName(e.getKey());
                    value(j, e.getValue());
                }
                j.writeEndObject();
            }
            j.writeEndArray();
        });
    }

    // ---- JSON plumbing ----

    interface Body {
        void write(JsonGenerator j) throws IOException;
    }

    private static void json(PrintWriter out, Body body) {
        try {
            JsonGenerator j = new JsonFactory().createGenerator(out);
            j.useDefaultPrettyPrinter();
            j.writeStartObject();
            body.write(j);
            j.writeEndObject();
            j.flush();
            out.println();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void amount(JsonGenerator j, Amount a) throws IOException {
        j.writeStartObject();
        j.writeStringField("amount", a.toDecimalString());
        j.writeStringField("base_units", a.value().toString());
        j.writeStringField("asset", a.asset().symbol());
        j.writeEndObject();
    }

    @SuppressWarnings("unchecked")
    private static void value(JsonGenerator j, Object v) throws IOException {
        if (v == null) {
            j.writeNull();
        } else if (v instanceof Amount a) {
            amount(j, a);
        } else if (v instanceof Integer i) {
            j.writeNumber(i);
        } else if (v instanceof Boolean b) {
            j.writeBoolean(b);
        } else if (v instanceof List<?> l) {
            j.writeStartArray();
            for (Object o : l) {
                value(j, o);
            }
            j.writeEndArray();
        } else if (v instanceof Map<?, ?> m) {
            j.writeStartObject();
            for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
                j.writeFieldName(e.getKey());
                value(j, e.getValue());
            }
            j.writeEndObject();
        } else {
            j.writeString(v.toString());
        }
    }
}
