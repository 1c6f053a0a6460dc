package dev.tracer.report;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracer.label.Category;
import dev.tracer.label.Label;
import dev.tracer.model.Address;
import dev.tracer.model.Amount;
import dev.tracer.model.Asset;
import dev.tracer.model.BlockRange;
import dev.tracer.model.Chain;
import dev.tracer.model.Coverage;
import dev.tracer.model.Flag;
import dev.tracer.model.InvalidInputException;
import dev.tracer.model.Transfer;
import dev.tracer.model.TransferKind;
import dev.tracer.model.TxHash;
import dev.tracer.source.JsonFiles;
import dev.tracer.source.SourceException;
import dev.tracer.trace.Direction;
import dev.tracer.trace.EndpointKind;
import dev.tracer.trace.Seed;
import dev.tracer.trace.TracePolicy;
import dev.tracer.trace.TraceResult;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads a {@code report.json} written by {@link ReportJsonWriter} back into the
 * {@link TraceResult} it was written from, so a saved report can be exported to other graph
 * formats ({@code tracer export}) or compared with another ({@code tracer diff}) without
 * re-tracing. Reading is exact: {@code read(write(r))} equals {@code r}, and writing it again
 * gives the same bytes (tested).
 *
 * <p>Assets are written as an id ({@code ethereum:0x…}), a symbol and amounts as both whole-unit
 * text and base units; their decimals are recovered from those pairs (an asset seen only with
 * zero amounts keeps 18, marked as not known, which changes no amount it is shown with).
 *
 * <p>Any field missing or malformed is an {@link InvalidInputException} naming the file and the
 * JSON path ({@code report.json: nodes[3].hop: missing}). Cost: O(size of the report); the JSON
 * tree is dropped as the result is built. Instances are stateless and thread-safe.
 */
public final class ReportJsonReader {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** Reads {@code file}. */
    public TraceResult read(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(file.toString(), r);
        } catch (NoSuchFileException e) {
            throw new SourceException.Unavailable(file + ": no such file", e);
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(file + ": not UTF-8 text", e);
        } catch (IOException e) {
            throw new SourceException.Unavailable(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads a report from {@code in}; {@code name} is used in error messages. */
    public TraceResult read(String name, Reader in) {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            throw JsonFiles.malformed(name, "JSON", e);
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(name + ": not UTF-8 text", e);
        } catch (IOException e) {
            throw new SourceException.Unavailable(name + ": cannot read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInputException(name + ": not a tracer report (expected a JSON object)");
        }
        return new Parse(name, root).result();
    }

    /** One read: the file name for messages, the chain and the assets seen. */
    private static final class Parse {
        private final String file;
        private final JsonNode root;
        private Chain chain;
        private final Map<String, Asset> assets = new HashMap<>();

        Parse(String file, JsonNode root) {
            this.file = file;
            this.root = root;
        }

        TraceResult result() {
            Field r = new Field(this, root, "");
            String format = r.text("format");
            if (!format.equals(ReportJsonWriter.FORMAT)) {
                throw r.error("format", "is '" + format + "', expected '" + ReportJsonWriter.FORMAT + "'");
            }
            Field ds = r.object("dataset");
            chain = ds.parse("chain", Chain::parse);
            collectAssets(root, "");
            Direction direction = r.parse("direction", t -> Direction.valueOf(t.toUpperCase(Locale.ROOT)));
            Field model = r.object("model");
            Coverage coverage = new Coverage(chain, new BlockRange(ds.longValue("first_block"), ds.longValue("last_block")),
                    ds.bool("every_address"), new TreeSet<>(ds.list("complete_outflows", f -> f.address())),
                    new TreeSet<>(ds.list("complete_inflows", f -> f.address())));
            return new TraceResult(direction, model.text("name"), model.text("description"), model.bool("conserving"),
                    policy(r.object("policy")), ds.text("description"), coverage,
                    r.list("seeds", Field::seed),
                    tallies(r, "seed_amounts"),
                    tallies(r, "converted_in"),
                    r.list("conversions", this::conversion),
                    r.list("nodes", this::node),
                    r.list("transfers", f -> new TraceResult.TracedTransfer(f.intValue("edge"), transfer(f),
                            f.baseUnits("tainted_"))),
                    r.list("endpoints", this::endpoint),
                    r.list("unexplained_inflows", f -> new TraceResult.UnexplainedInflow(f.address("address"),
                            f.amount(""), transfer(f.object("at")), f.bool("counted_as_stolen"), f.baseUnits("tainted_"))),
                    r.list("ledger_gaps", this::gap),
                    r.object("poisoning").list("transfers", this::poisoning),
                    r.list("contract_calls", f -> new TraceResult.ContractCall(f.address("caller"), f.address("contract"),
                            label(f, f.address("contract")), f.intValue("count"), f.list("txs", Field::tx))),
                    r.list("truncations", f -> new TraceResult.Truncation(f.address("address"), f.text("reason"),
                            f.intValue("transfers_cut"), tallies(f, "amounts"))),
                    r.list("warnings", Field::string),
                    r.list("flags", this::flag),
                    stats(r.object("stats")));
        }

        /** Every object with an asset id and an amount pair fixes that asset's symbol and decimals. */
        private void collectAssets(JsonNode n, String path) {
            if (n.isArray()) {
                for (int i = 0; i < n.size(); i++) {
                    collectAssets(n.get(i), path + "[" + i + "]");
                }
                return;
            }
            if (!n.isObject()) {
                return;
            }
            JsonNode id = n.get("asset");
            if (id != null && id.isTextual() && n.has("symbol")) {
                Field f = new Field(this, n, path);
                Integer decimals = null;
                for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                    String k = it.next();
                    if (k.endsWith("amount") && n.has(k.substring(0, k.length() - "amount".length()) + "base_units")) {
                        Integer d = decimals(f, k, k.substring(0, k.length() - "amount".length()) + "base_units");
                        if (d != null && decimals != null && !d.equals(decimals)) {
                            throw f.error(k, "implies " + d + " decimals, another amount of the object " + decimals);
                        }
                        decimals = d != null ? d : decimals;
                    }
                }
                register(f, id.asText(), f.text("symbol"), decimals);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                collectAssets(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey());
            }
        }

        /** The decimals d with amount × 10^d = base units, or null when both are zero. */
        private static Integer decimals(Field f, String amountField, String unitsField) {
            BigDecimal amount;
            BigInteger units;
            try {
                amount = new BigDecimal(f.text(amountField));
                units = new BigInteger(f.text(unitsField));
            } catch (NumberFormatException e) {
                throw f.error(amountField, "is not a decimal number");
            }
            if (amount.signum() == 0 && units.signum() == 0) {
                return null;
            }
            if (amount.signum() <= 0 || units.signum() <= 0) {
                throw f.error(amountField, "does not match " + unitsField);
            }
            BigDecimal ratio = new BigDecimal(units).divide(amount, java.math.MathContext.DECIMAL128).stripTrailingZeros();
            if (ratio.unscaledValue().equals(BigInteger.ONE) && ratio.scale() <= 0 && -ratio.scale() <= 77
                    && amount.movePointRight(-ratio.scale()).compareTo(new BigDecimal(units)) == 0) {
                return -ratio.scale();
            }
            throw f.error(amountField, "is not " + unitsField + " scaled by a power of ten");
        }

        private void register(Field f, String id, String symbol, Integer decimals) {
            Asset known = assets.get(id);
            if (known != null && (decimals == null || known.decimalsKnown() && known.decimals() == decimals)) {
                return;
            }
            if (known != null && known.decimalsKnown() && known.decimals() != decimals) {
                throw f.error("asset", id + " appears with " + known.decimals() + " and " + decimals + " decimals");
            }
            int colon = id.indexOf(':');
            if (colon <= 0) {
                throw f.error("asset", "malformed asset id '" + id + "'");
            }
            Chain c = chainOf(f, id.substring(0, colon));
            String rest = id.substring(colon + 1);
            Asset a;
            if (rest.equals("native")) {
                a = Asset.nativeOf(c);
            } else {
                Address contract = canonical(f, "asset", c, rest);
                a = decimals == null ? Asset.token(contract, symbol, 18, false) : Asset.token(contract, symbol, decimals, true);
            }
            assets.put(id, a);
        }

        private Chain chainOf(Field f, String name) {
            if (name.equals(chain.name())) {
                return chain;
            }
            try {
                return Chain.parse(name);
            } catch (InvalidInputException e) {
                throw f.error("asset", e.getMessage());
            }
        }

        Asset asset(Field f, String field) {
            String id = f.text(field);
            Asset a = assets.get(id);
            if (a == null) {
                register(f, id, "", null); // an asset named only by id (a policy filter, a swap's source)
                a = assets.get(id);
            }
            return a;
        }

        Address canonical(Field f, String field, Chain c, String text) {
            try {
                return Address.ofCanonical(c, text);
            } catch (InvalidInputException e) {
                throw f.error(field, e.getMessage());
            }
        }

        private TracePolicy policy(Field p) {
            TracePolicy.Builder b = TracePolicy.builder();
            int hops = p.intValue("max_hops");
            p.check("max_hops", () -> b.maxHops(hops));
            int cap = p.intValue("fan_out_cap");
            p.check("fan_out_cap", () -> b.fanOutCap(cap));
            BigDecimal min;
            try {
                min = new BigDecimal(p.text("min_amount"));
            } catch (NumberFormatException e) {
                throw p.error("min_amount", "is not a decimal number");
            }
            p.check("min_amount", () -> b.minAmount(min));
            p.optionalText("since").ifPresent(t -> b.since(p.instant("since")));
            p.optionalText("until").ifPresent(t -> b.until(p.instant("until")));
            for (Field a : p.list("assets", x -> x)) {
                b.asset(asset(a, null));
            }
            b.stopAt(new TreeSet<>(p.list("stop_at", f -> f.parse(null, Category::parse))));
            try {
                return b.build();
            } catch (InvalidInputException e) {
                throw p.error(null, e.getMessage());
            }
        }

        private SortedMap<Asset, BigInteger> tallies(Field owner, String field) {
            SortedMap<Asset, BigInteger> m = new TreeMap<>();
            for (Field f : owner.list(field, x -> x)) {
                Amount a = f.amount("");
                if (m.put(a.asset(), a.value()) != null) {
                    throw f.error("asset", "appears twice");
                }
            }
            return m;
        }

        private TraceResult.Conversion conversion(Field f) {
            List<Asset> from = new ArrayList<>();
            for (Field a : f.list("from_assets", x -> x)) {
                from.add(asset(a, null));
            }
            Asset to = asset(f, "asset");
            return new TraceResult.Conversion(f.address("address"), from, f.list("from_txs", Field::tx),
                    f.list("rules", Field::string), to, f.txField("before_tx"), f.baseUnits(""), f.baseUnits("tainted_"),
                    f.baseUnits("offered_"), f.bool("inferred"));
        }

        private TraceResult.Node node(Field f) {
            Address a = f.address("address");
            TraceResult.Role role = f.parse("role", t -> TraceResult.Role.valueOf(t.toUpperCase(Locale.ROOT)));
            Optional<EndpointKind> endpoint = f.optionalText("endpoint").map(t -> f.parse("endpoint", ReportJsonReader::endpointKind));
            Optional<Transfer> reachedBy = f.isNull("reached_by") ? Optional.empty() : Optional.of(transfer(f.object("reached_by")));
            return new TraceResult.Node(a, f.intValue("hop"), role, endpoint, label(f, a), tallies(f, "tainted_received"),
                    tallies(f, "tainted_sent"), tallies(f, "tainted_held"), reachedBy);
        }

        private TraceResult.Endpoint endpoint(Field f) {
            Address a = f.address("address");
            BigDecimal share;
            try {
                share = new BigDecimal(f.text("share"));
            } catch (NumberFormatException e) {
                throw f.error("share", "is not a decimal number");
            }
            return new TraceResult.Endpoint(a, f.parse("kind", ReportJsonReader::endpointKind), label(f, a), f.intValue("hop"),
                    f.amount(""), share, f.list("path", Field::tx));
        }

        private TraceResult.LedgerGap gap(Field f) {
            return new TraceResult.LedgerGap(f.address("address"), asset(f, "asset"), f.baseUnits("received_"),
                    f.baseUnits("sent_"), f.baseUnits("unexplained_"), f.bool("counted_as_stolen"), f.baseUnits("tainted_"));
        }

        private TraceResult.Poisoning poisoning(Field f) {
            TraceResult.PoisonReason reason = f.parse("reason", t -> TraceResult.PoisonReason.valueOf(t.toUpperCase(Locale.ROOT)));
            Optional<Address> imitates = f.optionalText("imitates").map(t -> f.address("imitates"));
            return new TraceResult.Poisoning(transfer(f), reason, f.text("detail"), imitates);
        }

        private Flag flag(Field f) {
            List<Amount> amounts = f.list("amounts", x -> x.amount(""));
            try {
                return new Flag(f.text("type"), f.text("detector"), f.address("address"), f.text("rule"),
                        f.intValue("confidence"), f.text("summary"), f.list("txs", Field::tx), amounts,
                        f.instant("first"), f.instant("last"));
            } catch (IllegalArgumentException e) {
                throw f.error("type", e.getMessage());
            }
        }

        private Transfer transfer(Field f) {
            Amount v = f.amount("");
            TransferKind kind = f.parse("kind", t -> TransferKind.valueOf(t.toUpperCase(Locale.ROOT)));
            return new Transfer(chain, f.txField("tx"), f.intValue("tx_index"), f.intValue("position"), f.address("from"),
                    f.address("to"), v.asset(), v.value(), f.longValue("block"), f.instant("time"), kind);
        }

        private Optional<Label> label(Field owner, Address a) {
            if (owner.isNull("label")) {
                return Optional.empty();
            }
            Field l = owner.object("label");
            try {
                return Optional.of(new Label(a, l.text("entity"), l.parse("category", Category::parse), l.text("source"),
                        l.intValue("confidence"), l.bool("cluster_definer"), l.text("pack")));
            } catch (InvalidInputException e) {
                throw l.error("confidence", e.getMessage());
            }
        }

        private static TraceResult.Stats stats(Field s) {
            return new TraceResult.Stats(s.intValue("transfers_scanned"), s.intValue("addresses_reached"),
                    s.intValue("addresses_followed"), s.intValue("max_hop_reached"));
        }
    }

    private static EndpointKind endpointKind(String code) {
        return EndpointKind.valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** A JSON value with its path, for messages. */
    private record Field(Parse ctx, JsonNode node, String path) {

        /** Runs a builder's setter for {@code field}; its refusal becomes an error naming the file and the field. */
        void check(String field, Runnable set) {
            try {
                set.run();
            } catch (InvalidInputException e) {
                throw error(field, e.getMessage());
            }
        }

        InvalidInputException error(String field, String message) {
            String where = field == null ? path : path.isEmpty() ? field : path + "." + field;
            return new InvalidInputException(ctx.file + ": " + (where.isEmpty() ? "" : where + ": ") + message);
        }

        private JsonNode get(String field) {
            JsonNode v = field == null ? node : node.get(field);
            if (v == null || v.isMissingNode()) {
                throw error(field, "missing");
            }
            return v;
        }

        boolean isNull(String field) {
            return get(field).isNull();
        }

        String text(String field) {
            JsonNode v = get(field);
            if (!v.isTextual()) {
                throw error(field, "expected a string");
            }
            return v.asText();
        }

        Optional<String> optionalText(String field) {
            return isNull(field) ? Optional.empty() : Optional.of(text(field));
        }

        String string() {
            return text(null);
        }

        long longValue(String field) {
            JsonNode v = get(field);
            if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                throw error(field, "expected an integer");
            }
            return v.asLong();
        }

        int intValue(String field) {
            JsonNode v = get(field);
            if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                throw error(field, "expected an integer");
            }
            return v.asInt();
        }

        boolean bool(String field) {
            JsonNode v = get(field);
            if (!v.isBoolean()) {
                throw error(field, "expected true or false");
            }
            return v.asBoolean();
        }

        Field object(String field) {
            JsonNode v = get(field);
            if (!v.isObject()) {
                throw error(field, "expected an object");
            }
            return new Field(ctx, v, path.isEmpty() ? field : path + "." + field);
        }

        <T> List<T> list(String field, Function<Field, T> item) {
            JsonNode v = get(field);
            if (!v.isArray()) {
                throw error(field, "expected an array");
            }
            String p = path.isEmpty() ? field : path + "." + field;
            List<T> out = new ArrayList<>(v.size());
            for (int i = 0; i < v.size(); i++) {
                out.add(item.apply(new Field(ctx, v.get(i), p + "[" + i + "]")));
            }
            return out;
        }

        <T> T parse(String field, Function<String, T> parser) {
            String t = text(field);
            try {
                return parser.apply(t);
            } catch (IllegalArgumentException | InvalidInputException e) {
                throw error(field, "unexpected value '" + t + "'");
            }
        }

        Instant instant(String field) {
            String t = text(field);
            try {
                return Instant.parse(t);
            } catch (DateTimeParseException e) {
                throw error(field, "malformed time '" + t + "'");
            }
        }

        Address address(String field) {
            return ctx.canonical(this, field, ctx.chain, text(field));
        }

        Address address() {
            return address(null);
        }

        TxHash txField(String field) {
            String t = text(field);
            try {
                return TxHash.parse(ctx.chain, t);
            } catch (InvalidInputException e) {
                throw error(field, e.getMessage());
            }
        }

        TxHash tx() {
            return txField(null);
        }

        Seed seed() {
            String t = string();
            String hex = t.startsWith("0x") ? t.substring(2) : t;
            boolean isTx = hex.length() == 64 && hex.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f');
            return isTx ? Seed.tx(tx()) : Seed.address(address());
        }

        BigInteger baseUnits(String prefix) {
            String t = text(prefix + "base_units");
            try {
                BigInteger v = new BigInteger(t);
                if (v.signum() < 0) {
                    throw error(prefix + "base_units", "is negative");
                }
                return v;
            } catch (NumberFormatException e) {
                throw error(prefix + "base_units", "is not an integer");
            }
        }

        /** The object's asset with the {@code prefix}ed amount. */
        Amount amount(String prefix) {
            return Amount.of(ctx.asset(this, "asset"), baseUnits(prefix));
        }
    }
}
