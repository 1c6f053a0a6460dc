package dev.tracer.report;

import dev.tracer.label.Category;
import dev.tracer.label.Label;
import dev.tracer.model.Address;
import dev.tracer.model.Amount;
import dev.tracer.model.Asset;
import dev.tracer.model.Flag;
import dev.tracer.model.Transfer;
import dev.tracer.model.TxHash;
import dev.tracer.trace.EndpointKind;
import dev.tracer.trace.Seed;
import dev.tracer.trace.TraceResult;
import dev.tracer.trace.TraceResult.Node;
import dev.tracer.trace.TraceResult.TracedTransfer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The graph every export shows, computed once so that GEXF, GraphML, CSV and DOT carry the same
 * nodes, edges and attribute values: the column declarations, and rows produced one at a time
 * from a {@link TraceResult} (streaming: no second copy of the graph).
 *
 * <p>Nodes are the addresses the trace reached, in the result's order, then (sorted) any address
 * that appears only as the sender or receiver of a traced transfer, with role {@code context}
 * and no hop. Edges are the traced transfers in the result's order, with id {@code e} + the
 * transfer's edge number in the dataset's graph.
 *
 * <p>Every text value has already been through {@link SafeText#shown} (characters XML 1.0
 * forbids, C1 controls and bidirectional overrides become U+FFFD, tab and line breaks become
 * spaces) and labels through {@link SafeText#shownToken}, so attacker-chosen text (token symbols, entity names) reads the same in
 * every format; each writer then applies its own syntax's escaping. Amounts are exact decimal
 * text in whole units; {@code taint_share} and edge weights are layout numbers next to them.
 *
 * <p>Memory: O(V) for the set of node addresses, the flag types per address and transaction and
 * the labels per address; rows are built as they are read. Not thread-safe (one writer at a time).
 */
final class ExportGraph {
    /** A column's value type, named as each format names it. */
    enum Type {
        STRING("string", "string", ""), INTEGER("integer", "int", ":int"), LONG("long", "long", ":long"),
        DOUBLE("double", "double", ":double");

        final String gexf;
        final String graphml;
        final String neo4j;

        Type(String gexf, String graphml, String neo4j) {
            this.gexf = gexf;
            this.graphml = graphml;
            this.neo4j = neo4j;
        }
    }

    /** A declared attribute. */
    record Column(String id, Type type) {
    }

    /** Node attributes, in declaration order. */
    static final List<Column> NODE_COLUMNS = List.of(
            new Column("address", Type.STRING),
            new Column("chain", Type.STRING),
            new Column("entity", Type.STRING),
            new Column("category", Type.STRING),
            new Column("role", Type.STRING),
            new Column("endpoint", Type.STRING),
            new Column("hop", Type.INTEGER),
            new Column("received", Type.STRING),
            new Column("sent", Type.STRING),
            new Column("held", Type.STRING),
            new Column("flags", Type.STRING),
            new Column("taint_share", Type.DOUBLE),
            new Column("taint", Type.STRING),
            new Column("label_source", Type.STRING));

    /** Edge attributes, in declaration order. */
    static final List<Column> EDGE_COLUMNS = List.of(
            new Column("tx", Type.STRING),
            new Column("asset", Type.STRING),
            new Column("asset_id", Type.STRING),
            new Column("amount", Type.STRING),
            new Column("tainted", Type.STRING),
            new Column("kind", Type.STRING),
            new Column("block", Type.LONG),
            new Column("flags", Type.STRING),
            new Column("transfer_kind", Type.STRING),
            new Column("time", Type.STRING),
            new Column("taint_share", Type.DOUBLE));

    /** A viz colour. */
    record Rgb(int r, int g, int b) {
        /** {@code #rrggbb}. */
        String hex() {
            return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
        }
    }

    /**
     * A node: its id (the address), display label, values aligned with {@link #NODE_COLUMNS}
     * ({@code null}: no value), colour and size.
     */
    record NodeRow(String id, String label, String[] values, Rgb colour, String size) {
        String value(String column) {
            return values[index(NODE_COLUMNS, column)];
        }
    }

    /**
     * An edge: id, source and target node ids, label, layout weight, time (ISO-8601 UTC, to the
     * second) and values aligned with {@link #EDGE_COLUMNS}.
     */
    record EdgeRow(String id, String source, String target, String label, String weight, String time, String[] values) {
        String value(String column) {
            return values[index(EDGE_COLUMNS, column)];
        }
    }

    static final Rgb SEED = new Rgb(214, 39, 40);
    static final Rgb FOLLOWED = new Rgb(255, 127, 14);
    static final Rgb HELD = new Rgb(148, 103, 189);
    static final Rgb STOPPED = new Rgb(31, 119, 180);
    static final Rgb STOPPED_BRIDGE = new Rgb(23, 190, 207);
    static final Rgb STOPPED_MIXER = new Rgb(40, 40, 40);
    static final Rgb FRONTIER = new Rgb(127, 127, 127);
    static final Rgb HOP_LIMIT = new Rgb(188, 189, 34);
    static final Rgb FAN_OUT_CUT = new Rgb(140, 86, 75);
    static final Rgb BELOW_MINIMUM = new Rgb(199, 199, 199);
    static final Rgb CONTEXT_COLOUR = new Rgb(225, 225, 225);
    static final Rgb SWAPPED = new Rgb(44, 160, 44);

    private static final String CONTEXT = "context";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT;
    private static final MathContext WEIGHT_DIGITS = MathContext.DECIMAL64;
    private static final MathContext SQRT_DIGITS = new MathContext(12, RoundingMode.HALF_EVEN);
    private static final BigDecimal SIZE_MIN = BigDecimal.valueOf(5);
    private static final BigDecimal SIZE_RANGE = BigDecimal.valueOf(45);
    private static final String SIZE_NONE = sizeOf(BigDecimal.ZERO);

    private final TraceResult result;
    private final TreeMap<Asset, BigInteger> traced = new TreeMap<>();
    private final Map<Address, TreeSet<String>> flagTypesByAddress = new HashMap<>();
    private final Map<TxHash, TreeSet<String>> flagTypesByTx = new HashMap<>();
    private final Set<String> changeOutputs = new HashSet<>();
    private final Map<Address, Category> categories = new HashMap<>();
    private final Set<String> swapOutflows = new HashSet<>();
    private final TreeSet<Address> context = new TreeSet<>();
    private final int nodeCount;
    private final boolean nodesDistinct; // no address twice among the result's nodes: nothing to skip
    private long lastSecond;
    private String lastTimeText;

    ExportGraph(TraceResult r) {
        this.result = r;
        for (Asset a : r.seedAmounts().keySet()) {
            traced.put(a, r.tracedAmount(a));
        }
        for (Asset a : r.convertedIn().keySet()) {
            traced.put(a, r.tracedAmount(a));
        }
        for (Flag f : r.flags()) {
            flagTypesByAddress.computeIfAbsent(f.address(), k -> new TreeSet<>()).add(f.type());
            for (TxHash h : f.txs()) {
                flagTypesByTx.computeIfAbsent(h, k -> new TreeSet<>()).add(f.type());
                if (f.type().equals(FlowKind.CHANGE_FLAG)) {
                    changeOutputs.add(h.value() + " " + f.address().value());
                }
            }
        }
        for (TraceResult.Conversion c : r.conversions()) {
            for (TxHash h : c.fromTxs()) {
                for (Asset a : c.fromAssets()) {
                    swapOutflows.add(h.value() + " " + c.address().value() + " " + a.id());
                }
            }
        }
        Set<Address> present = HashSet.newHashSet(r.nodes().size());
        for (Node n : r.nodes()) {
            present.add(n.address());
            n.label().ifPresent(l -> categories.putIfAbsent(n.address(), l.category()));
        }
        for (TracedTransfer t : r.transfers()) {
            for (Address a : List.of(t.transfer().from(), t.transfer().to())) {
                if (!present.contains(a)) {
                    context.add(a);
                }
            }
        }
        this.nodeCount = present.size() + context.size();
        this.nodesDistinct = present.size() == r.nodes().size();
    }

    TraceResult result() {
        return result;
    }

    int nodeCount() {
        return nodeCount;
    }

    int edgeCount() {
        return result.transfers().size();
    }

    /** One line saying what the graph is: direction, model, seeds, data. */
    String description() {
        StringJoiner seeds = new StringJoiner(", ");
        for (Seed s : result.seeds()) {
            seeds.add(s.toString());
        }
        return SafeText.shown("tracer " + result.direction().code() + " trace under the " + result.model()
                + " taint model (" + result.modelDescription() + ") from " + result.seeds().size() + " seed(s): " + seeds
                + "; data: " + result.dataset());
    }

    /** The nodes, built as they are read. */
    Iterator<NodeRow> nodes() {
        Iterator<Node> traced = result.nodes().iterator();
        Iterator<Address> ctx = context.iterator();
        Set<Address> written = nodesDistinct ? null : HashSet.newHashSet(result.nodes().size());
        return new Iterator<>() {
            private NodeRow next = advance();

            private NodeRow advance() {
                while (traced.hasNext()) {
                    Node n = traced.next();
                    if (written == null || written.add(n.address())) {
                        return node(n);
                    }
                }
                return ctx.hasNext() ? contextNode(ctx.next()) : null;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public NodeRow next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                NodeRow r = next;
                next = advance();
                return r;
            }
        };
    }

    /** The edges, built as they are read. */
    Iterator<EdgeRow> edges() {
        Iterator<TracedTransfer> it = result.transfers().iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public EdgeRow next() {
                return edge(it.next());
            }
        };
    }

    private NodeRow node(Node n) {
        Address a = n.address();
        Optional<Label> label = n.label();
        // an asset's share is that of its largest amount received, sent or held: a share rounds
        // amount / traced to 6 digits, which keeps order, so one division per asset, not per amount
        SortedMap<Asset, BigInteger> largest = new TreeMap<>();
        for (SortedMap<Asset, BigInteger> m : List.of(n.received(), n.sent(), n.held())) {
            for (Map.Entry<Asset, BigInteger> e : m.entrySet()) {
                largest.merge(e.getKey(), e.getValue(), BigInteger::max);
            }
        }
        BigDecimal share = BigDecimal.ZERO;
        StringJoiner taint = new StringJoiner("; ");
        for (Map.Entry<Asset, BigInteger> e : largest.entrySet()) {
            BigDecimal s = TraceResult.share(e.getValue(), traced.get(e.getKey()));
            taint.add(e.getKey().symbol() + " " + plain(s));
            share = share.max(s);
        }
        share = share.min(BigDecimal.ONE);
        String[] v = new String[NODE_COLUMNS.size()];
        v[0] = a.value();
        v[1] = a.chain().name();
        v[2] = label.map(Label::entity).orElse("");
        v[3] = label.map(l -> l.category().code()).orElse("");
        v[4] = n.role().name().toLowerCase(Locale.ROOT);
        v[5] = n.endpoint().map(EndpointKind::code).orElse("");
        v[6] = Integer.toString(n.hop());
        v[7] = amounts(n.received());
        v[8] = amounts(n.sent());
        v[9] = amounts(n.held());
        v[10] = flagTypes(a);
        v[11] = plain(share);
        v[12] = taint.toString();
        v[13] = label.map(Label::source).orElse("");
        return new NodeRow(SafeText.shown(a.value()),
                SafeText.shownToken(a.abbreviated(4) + label.map(l -> " " + l.entity()).orElse("")), clean(v), colour(n),
                size(share));
    }

    private NodeRow contextNode(Address a) {
        String[] v = new String[NODE_COLUMNS.size()];
        v[0] = a.value();
        v[1] = a.chain().name();
        v[2] = "";
        v[3] = "";
        v[4] = CONTEXT;
        v[5] = "";
        v[6] = null; // not reached by the trace: no hop
        v[7] = "";
        v[8] = "";
        v[9] = "";
        v[10] = flagTypes(a);
        v[11] = "0";
        v[12] = "";
        v[13] = "";
        return new NodeRow(SafeText.shown(a.value()), SafeText.shownToken(a.abbreviated(4)), clean(v), CONTEXT_COLOUR,
                size(BigDecimal.ZERO));
    }

    private EdgeRow edge(TracedTransfer t) {
        Transfer tr = t.transfer();
        Asset asset = tr.asset();
        String value = tr.value().toDecimalString();
        // wholly tainted (every transfer of a poison trace): the same text
        String tainted = t.tainted().equals(tr.amount()) ? value : Amount.toDecimalString(t.tainted(), asset.decimals());
        String time = isoTime(tr.time());
        String[] v = new String[EDGE_COLUMNS.size()];
        v[0] = tr.tx().value();
        v[1] = asset.symbol();
        v[2] = asset.id();
        v[3] = value;
        v[4] = tainted;
        v[5] = flowKind(tr).code();
        v[6] = Long.toString(tr.block());
        TreeSet<String> txFlags = flagTypesByTx.isEmpty() ? null : flagTypesByTx.get(tr.tx());
        v[7] = txFlags == null ? "" : String.join(", ", txFlags);
        v[8] = tr.kind().code();
        v[9] = time;
        v[10] = plain(tr.amount().signum() == 0 ? BigDecimal.ZERO : TraceResult.share(t.tainted(), tr.amount()));
        return new EdgeRow("e" + t.edge(), SafeText.shown(tr.from().value()), SafeText.shown(tr.to().value()),
                SafeText.shownToken(tainted + " " + asset.symbol()), weight(t.tainted(), asset.decimals()), time, clean(v));
    }

    private FlowKind flowKind(Transfer t) {
        if (!changeOutputs.isEmpty() && changeOutputs.contains(t.tx().value() + " " + t.to().value())) {
            return FlowKind.CHANGE;
        }
        if (!swapOutflows.isEmpty() && swapOutflows.contains(t.tx().value() + " " + t.from().value() + " " + t.asset().id())) {
            return FlowKind.SWAP;
        }
        if (categories.get(t.to()) == Category.BRIDGE) {
            return FlowKind.BRIDGE;
        }
        return FlowKind.TRANSFER;
    }

    private String flagTypes(Address a) {
        TreeSet<String> types = flagTypesByAddress.isEmpty() ? null : flagTypesByAddress.get(a);
        return types == null ? "" : String.join(", ", types);
    }

    /**
     * ISO-8601 UTC to the second. Traced transfers come in runs of one block, so the text of the
     * last second formatted is kept and reused: one formatting per distinct time, not per edge.
     */
    private String isoTime(java.time.Instant t) {
        long second = t.getEpochSecond();
        if (lastTimeText == null || second != lastSecond) {
            lastTimeText = TIME.format(java.time.Instant.ofEpochSecond(second));
            lastSecond = second;
        }
        return lastTimeText;
    }

    private static String[] clean(String[] values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                values[i] = SafeText.shown(values[i]);
            }
        }
        return values;
    }

    private static String plain(BigDecimal d) {
        return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }

    /** "amount SYMBOL" per asset in asset order, joined by "; ", amounts as exact decimal text. */
    private static String amounts(SortedMap<Asset, BigInteger> m) {
        StringJoiner j = new StringJoiner("; ");
        for (Map.Entry<Asset, BigInteger> e : m.entrySet()) {
            j.add(Amount.of(e.getKey(), e.getValue()).toDecimalString() + " " + e.getKey().symbol());
        }
        return j.toString();
    }

    /**
     * 5 + 45·√share, three decimals: 5 for no taint, 50 for the whole seed amount; the text of
     * {@link #sizeOf}. The size of no taint is made once (the bench's six-hop haircut trace from 100
     * seeds has it for 40,776 of its 86,290 nodes). Others are taken in {@code double} (within
     * 10^-13 of the exact value; {@link #sizeOf}'s 12-digit root is within 2.3·10^-10 of it), so
     * both round to the same three decimals unless the exact value lies within that of a half-way
     * point: there, and for shares outside [0, 1], {@link #sizeOf} is called. A {@code BigDecimal}
     * square root per node was 4 % of writing a GEXF document.
     */
    static String size(BigDecimal share) {
        if (share.signum() == 0) {
            return SIZE_NONE;
        }
        double thousandths = (5 + 45 * Math.sqrt(share.doubleValue())) * 1000;
        if (share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0
                || Math.abs(thousandths - Math.floor(thousandths) - 0.5) < 1e-6) {
            return sizeOf(share);
        }
        long m = Math.round(thousandths);
        String frac = Long.toString(m % 1000);
        return (m / 1000) + "." + "000".substring(frac.length()) + frac;
    }

    /** {@link #size} exactly: a 12-digit square root, rounded half-even to three decimals. */
    static String sizeOf(BigDecimal share) {
        BigDecimal root = share.signum() == 0 ? BigDecimal.ZERO : share.sqrt(SQRT_DIGITS);
        return SIZE_MIN.add(SIZE_RANGE.multiply(root)).setScale(3, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** Whole units to 16 significant digits, plain decimal text (an {@code xsd:double} without exponent). */
    private static String weight(BigInteger baseUnits, int decimals) {
        BigDecimal w = new BigDecimal(baseUnits, decimals).round(WEIGHT_DIGITS);
        return w.signum() == 0 ? "0" : w.stripTrailingZeros().toPlainString();
    }

    private static Rgb colour(Node n) {
        if (n.role() == TraceResult.Role.SEED) {
            return SEED;
        }
        if (n.role() == TraceResult.Role.EARLIER) {
            return CONTEXT_COLOUR;
        }
        if (n.endpoint().isEmpty()) {
            return FOLLOWED;
        }
        return switch (n.endpoint().get()) {
            case HELD -> HELD;
            case STOPPED -> {
                Category c = n.label().map(Label::category).orElse(Category.OTHER);
                yield c == Category.MIXER ? STOPPED_MIXER : c == Category.BRIDGE ? STOPPED_BRIDGE : STOPPED;
            }
            case FRONTIER -> FRONTIER;
            case HOP_LIMIT -> HOP_LIMIT;
            case FAN_OUT_CUT -> FAN_OUT_CUT;
            case BELOW_MINIMUM -> BELOW_MINIMUM;
            case FEE -> CONTEXT_COLOUR;
            case SWAPPED -> SWAPPED;
            case DUST -> BELOW_MINIMUM;
        };
    }

    static int index(List<Column> columns, String id) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no column " + id);
    }

    /** The column ids, in order. */
    static List<String> ids(List<Column> columns) {
        List<String> out = new ArrayList<>(columns.size());
        columns.forEach(c -> out.add(c.id()));
        return out;
    }
}
