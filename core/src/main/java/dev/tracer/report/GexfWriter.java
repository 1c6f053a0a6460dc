package dev.tracer.report;

import dev.tracer.label.Category;
import dev.tracer.label.Label;
import dev.tracer.model.Address;
import dev.tracer.model.Amount;
import dev.tracer.model.Asset;
import dev.tracer.model.TracerException;
import dev.tracer.model.Transfer;
import dev.tracer.trace.EndpointKind;
import dev.tracer.trace.Seed;
import dev.tracer.trace.TraceResult;
import dev.tracer.trace.TraceResult.Node;
import dev.tracer.trace.TraceResult.TracedTransfer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.StringJoiner;
import java.util.TreeSet;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a {@link TraceResult} as a GEXF 1.3 graph for Gephi (format: <a href="https://gexf.net/">https://gexf.net/</a>,
 * schema {@code gexf.rng} of version 1.3, namespaces {@value #GEXF_NS} and {@value #VIZ_NS}).
 *
 * <p>Nodes are the addresses the trace reached, in the result's order, with their role, hop,
 * entity and category (from the best label), endpoint kind and the tainted amounts they
 * received, sent and hold (exact decimal text per asset). The entity name is the attribute
 * {@code entity}, not {@code label}: Gephi keeps its own label column under that id, which here
 * is the abbreviated address plus the entity. An address that only appears as the sender or receiver of a traced transfer is
 * added as a plain node with role {@code context}. Edges are the traced transfers in the result's
 * order, each with its transaction, asset, full and tainted amount (exact decimal text in whole
 * units), kind and block. The graph is dynamic with {@code timeformat="dateTime"}: every edge
 * starts and ends at its block time in UTC, so Gephi's timeline replays the flow. Node colour
 * says what the address is (seed red, followed orange, holding purple, stopped blue, frontier
 * grey...) and node size grows with the largest share of a seed asset that passed through or
 * stayed at it. Edge weights are the tainted amount as a number, for layout only; the exact
 * figures are the attributes.
 *
 * <p>The output streams through {@link XMLStreamWriter}: no document tree and no second copy of
 * the graph, only a set of the node addresses to find context nodes. Cost is O(V + E) time and
 * O(V) extra memory for V nodes and E edges. It is deterministic: the same result gives the
 * same characters, with no wall-clock time (no {@code lastmodifieddate}), no locale and no hash
 * order. Attacker-chosen text (token symbols, entity names) is escaped by the XML writer and
 * characters XML 1.0 forbids are replaced with U+FFFD.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class GexfWriter {
    /** The GEXF 1.3 namespace. */
    public static final String GEXF_NS = "http://gexf.net/1.3";
    /** The GEXF 1.3 visualisation namespace. */
    public static final String VIZ_NS = "http://gexf.net/1.3/viz";

    private static final String CONTEXT = "context";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT;
    private static final MathContext WEIGHT_DIGITS = MathContext.DECIMAL64;
    private static final MathContext SQRT_DIGITS = new MathContext(12, RoundingMode.HALF_EVEN);
    private static final BigDecimal SIZE_MIN = BigDecimal.valueOf(5);
    private static final BigDecimal SIZE_RANGE = BigDecimal.valueOf(45);

    /** Node attributes: id (also the title) and GEXF type, in declaration order. */
    private static final List<String[]> NODE_ATTRIBUTES = List.of(
            new String[] {"address", "string"},
            new String[] {"chain", "string"},
            new String[] {"entity", "string"},
            new String[] {"category", "string"},
            new String[] {"role", "string"},
            new String[] {"endpoint", "string"},
            new String[] {"hop", "integer"},
            new String[] {"received", "string"},
            new String[] {"sent", "string"},
            new String[] {"held", "string"},
            new String[] {"taint_share", "double"});

    /** Edge attributes: id (also the title) and GEXF type, in declaration order. */
    private static final List<String[]> EDGE_ATTRIBUTES = List.of(
            new String[] {"tx", "string"},
            new String[] {"asset", "string"},
            new String[] {"asset_id", "string"},
            new String[] {"amount", "string"},
            new String[] {"tainted", "string"},
            new String[] {"kind", "string"},
            new String[] {"block", "long"});

    /** A viz colour. */
    private record Rgb(int r, int g, int b) {
    }

    private static final Rgb SEED = new Rgb(214, 39, 40);
    private static final Rgb FOLLOWED = new Rgb(255, 127, 14);
    private static final Rgb HELD = new Rgb(148, 103, 189);
    private static final Rgb STOPPED = new Rgb(31, 119, 180);
    private static final Rgb STOPPED_BRIDGE = new Rgb(23, 190, 207);
    private static final Rgb STOPPED_MIXER = new Rgb(40, 40, 40);
    private static final Rgb FRONTIER = new Rgb(127, 127, 127);
    private static final Rgb HOP_LIMIT = new Rgb(188, 189, 34);
    private static final Rgb FAN_OUT_CUT = new Rgb(140, 86, 75);
    private static final Rgb BELOW_MINIMUM = new Rgb(199, 199, 199);
    private static final Rgb CONTEXT_COLOUR = new Rgb(225, 225, 225);

    /**
     * Writes {@code r} to {@code out} as GEXF 1.3. The XML declaration says UTF-8, so {@code out}
     * should encode UTF-8. {@code out} is flushed, not closed.
     *
     * @throws UncheckedIOException when {@code out} fails
     * @throws TracerException when the XML writer refuses the document
     */
    public void write(TraceResult r, Writer out) {
        Objects.requireNonNull(r, "result");
        Objects.requireNonNull(out, "out");
        try {
            XMLStreamWriter x = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
            try {
                document(r, x);
                x.flush();
            } finally {
                x.close();
            }
        } catch (XMLStreamException e) {
            if (e.getCause() instanceof IOException io) {
                throw new UncheckedIOException("cannot write GEXF: " + io.getMessage(), io);
            }
            throw new TracerException("cannot write GEXF: " + e.getMessage(), e);
        }
    }

    private static void document(TraceResult r, XMLStreamWriter x) throws XMLStreamException {
        x.writeStartDocument("UTF-8", "1.0");
        newline(x, 0);
        x.writeStartElement("gexf");
        x.writeDefaultNamespace(GEXF_NS);
        x.writeNamespace("viz", VIZ_NS);
        x.writeAttribute("version", "1.3");

        newline(x, 1);
        x.writeStartElement("meta");
        textElement(x, 2, "creator", "tracer");
        textElement(x, 2, "description", description(r));
        newline(x, 1);
        x.writeEndElement();

        newline(x, 1);
        x.writeStartElement("graph");
        x.writeAttribute("defaultedgetype", "directed");
        x.writeAttribute("mode", "dynamic");
        x.writeAttribute("timeformat", "dateTime");
        declare(x, "node", NODE_ATTRIBUTES);
        declare(x, "edge", EDGE_ATTRIBUTES);
        nodes(r, x);
        edges(r, x);
        newline(x, 1);
        x.writeEndElement();

        newline(x, 0);
        x.writeEndElement();
        newline(x, 0);
        x.writeEndDocument();
    }

    private static String description(TraceResult r) {
        StringJoiner seeds = new StringJoiner(", ");
        for (Seed s : r.seeds()) {
            seeds.add(s.toString());
        }
        return "tracer " + r.direction().code() + " trace under the " + r.model() + " taint model ("
                + r.modelDescription() + ") from " + r.seeds().size() + " seed(s): " + seeds + "; data: " + r.dataset();
    }

    private static void declare(XMLStreamWriter x, String cls, List<String[]> attributes) throws XMLStreamException {
        newline(x, 2);
        x.writeStartElement("attributes");
        x.writeAttribute("class", cls);
        for (String[] a : attributes) {
            newline(x, 3);
            x.writeEmptyElement("attribute");
            x.writeAttribute("id", a[0]);
            x.writeAttribute("title", a[0]);
            x.writeAttribute("type", a[1]);
        }
        newline(x, 2);
        x.writeEndElement();
    }

    // ---- nodes ----

    private static void nodes(TraceResult r, XMLStreamWriter x) throws XMLStreamException {
        Set<Address> present = new HashSet<>();
        for (Node n : r.nodes()) {
            present.add(n.address());
        }
        TreeSet<Address> context = new TreeSet<>();
        for (TracedTransfer t : r.transfers()) {
            for (Address a : List.of(t.transfer().from(), t.transfer().to())) {
                if (!present.contains(a)) {
                    context.add(a);
                }
            }
        }
        newline(x, 2);
        x.writeStartElement("nodes");
        x.writeAttribute("count", Integer.toString(present.size() + context.size()));
        Set<Address> written = new HashSet<>();
        for (Node n : r.nodes()) {
            if (written.add(n.address())) {
                node(r.seedAmounts(), n, x);
            }
        }
        for (Address a : context) {
            contextNode(a, x);
        }
        newline(x, 2);
        x.writeEndElement();
    }

    private static void node(SortedMap<Asset, BigInteger> seedAmounts, Node n, XMLStreamWriter x) throws XMLStreamException {
        Address a = n.address();
        Optional<Label> label = n.label();
        BigDecimal share = taintShare(n, seedAmounts);
        newline(x, 3);
        x.writeStartElement("node");
        x.writeAttribute("id", XmlText.attribute(a.value()));
        x.writeAttribute("label", XmlText.token(a.abbreviated(4) + label.map(l -> " " + l.entity()).orElse("")));
        newline(x, 4);
        x.writeStartElement("attvalues");
        attvalue(x, 5, "address", a.value());
        attvalue(x, 5, "chain", a.chain().name());
        attvalue(x, 5, "entity", label.map(Label::entity).orElse(""));
        attvalue(x, 5, "category", label.map(l -> l.category().code()).orElse(""));
        attvalue(x, 5, "role", n.role().name().toLowerCase(Locale.ROOT));
        attvalue(x, 5, "endpoint", n.endpoint().map(EndpointKind::code).orElse(""));
        attvalue(x, 5, "hop", Integer.toString(n.hop()));
        attvalue(x, 5, "received", amounts(n.received()));
        attvalue(x, 5, "sent", amounts(n.sent()));
        attvalue(x, 5, "held", amounts(n.held()));
        attvalue(x, 5, "taint_share", share.signum() == 0 ? "0" : share.stripTrailingZeros().toPlainString());
        newline(x, 4);
        x.writeEndElement();
        viz(x, colour(n), size(share));
        newline(x, 3);
        x.writeEndElement();
    }

    private static void contextNode(Address a, XMLStreamWriter x) throws XMLStreamException {
        newline(x, 3);
        x.writeStartElement("node");
        x.writeAttribute("id", XmlText.attribute(a.value()));
        x.writeAttribute("label", XmlText.token(a.abbreviated(4)));
        newline(x, 4);
        x.writeStartElement("attvalues");
        attvalue(x, 5, "address", a.value());
        attvalue(x, 5, "chain", a.chain().name());
        attvalue(x, 5, "entity", "");
        attvalue(x, 5, "category", "");
        attvalue(x, 5, "role", CONTEXT);
        attvalue(x, 5, "endpoint", "");
        attvalue(x, 5, "received", "");
        attvalue(x, 5, "sent", "");
        attvalue(x, 5, "held", "");
        attvalue(x, 5, "taint_share", "0");
        newline(x, 4);
        x.writeEndElement();
        viz(x, CONTEXT_COLOUR, size(BigDecimal.ZERO));
        newline(x, 3);
        x.writeEndElement();
    }

    private static void viz(XMLStreamWriter x, Rgb c, String size) throws XMLStreamException {
        newline(x, 4);
        x.writeEmptyElement("viz", "color", VIZ_NS);
        x.writeAttribute("r", Integer.toString(c.r()));
        x.writeAttribute("g", Integer.toString(c.g()));
        x.writeAttribute("b", Integer.toString(c.b()));
        newline(x, 4);
        x.writeEmptyElement("viz", "size", VIZ_NS);
        x.writeAttribute("value", size);
    }

    /** "amount SYMBOL" per asset in asset order, joined by "; ", amounts as exact decimal text. */
    private static String amounts(SortedMap<Asset, BigInteger> m) {
        StringJoiner j = new StringJoiner("; ");
        for (Map.Entry<Asset, BigInteger> e : m.entrySet()) {
            j.add(Amount.of(e.getKey(), e.getValue()).toDecimalString() + " " + e.getKey().symbol());
        }
        return j.toString();
    }

    /** The largest share of any seed asset the node received, sent or holds, at most 1. */
    private static BigDecimal taintShare(Node n, SortedMap<Asset, BigInteger> seedAmounts) {
        BigDecimal best = BigDecimal.ZERO;
        for (SortedMap<Asset, BigInteger> m : List.of(n.received(), n.sent(), n.held())) {
            for (Map.Entry<Asset, BigInteger> e : m.entrySet()) {
                best = best.max(TraceResult.share(e.getValue(), seedAmounts.get(e.getKey())));
            }
        }
        return best.min(BigDecimal.ONE);
    }

    /** 5 + 45·√share, three decimals: 5 for no taint, 50 for the whole seed amount. */
    private static String size(BigDecimal share) {
        BigDecimal root = share.signum() == 0 ? BigDecimal.ZERO : share.sqrt(SQRT_DIGITS);
        return SIZE_MIN.add(SIZE_RANGE.multiply(root)).setScale(3, RoundingMode.HALF_EVEN).toPlainString();
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
            case FEE, DUST -> CONTEXT_COLOUR;
        };
    }

    // ---- edges ----

    private static void edges(TraceResult r, XMLStreamWriter x) throws XMLStreamException {
        newline(x, 2);
        x.writeStartElement("edges");
        x.writeAttribute("count", Integer.toString(r.transfers().size()));
        for (TracedTransfer t : r.transfers()) {
            edge(t, x);
        }
        newline(x, 2);
        x.writeEndElement();
    }

    private static void edge(TracedTransfer t, XMLStreamWriter x) throws XMLStreamException {
        Transfer tr = t.transfer();
        Asset asset = tr.asset();
        String tainted = Amount.toDecimalString(t.tainted(), asset.decimals());
        String time = TIME.format(tr.time().truncatedTo(ChronoUnit.SECONDS));
        newline(x, 3);
        x.writeStartElement("edge");
        x.writeAttribute("id", "e" + t.edge());
        x.writeAttribute("source", XmlText.attribute(tr.from().value()));
        x.writeAttribute("target", XmlText.attribute(tr.to().value()));
        x.writeAttribute("label", XmlText.token(tainted + " " + asset.symbol()));
        x.writeAttribute("weight", weight(t.tainted(), asset.decimals()));
        x.writeAttribute("start", time);
        x.writeAttribute("end", time);
        newline(x, 4);
        x.writeStartElement("attvalues");
        attvalue(x, 5, "tx", tr.tx().value());
        attvalue(x, 5, "asset", asset.symbol());
        attvalue(x, 5, "asset_id", asset.id());
        attvalue(x, 5, "amount", tr.value().toDecimalString());
        attvalue(x, 5, "tainted", tainted);
        attvalue(x, 5, "kind", tr.kind().code());
        attvalue(x, 5, "block", Long.toString(tr.block()));
        newline(x, 4);
        x.writeEndElement();
        newline(x, 3);
        x.writeEndElement();
    }

    /** Whole units to 16 significant digits, plain decimal text (an {@code xsd:double} without exponent). */
    private static String weight(BigInteger baseUnits, int decimals) {
        BigDecimal w = new BigDecimal(baseUnits, decimals).round(WEIGHT_DIGITS);
        return w.signum() == 0 ? "0" : w.stripTrailingZeros().toPlainString();
    }

    // ---- output helpers ----

    private static void attvalue(XMLStreamWriter x, int depth, String id, String value) throws XMLStreamException {
        newline(x, depth);
        x.writeEmptyElement("attvalue");
        x.writeAttribute("for", id);
        x.writeAttribute("value", XmlText.attribute(value));
    }

    private static void textElement(XMLStreamWriter x, int depth, String name, String text) throws XMLStreamException {
        newline(x, depth);
        x.writeStartElement(name);
        x.writeCharacters(XmlText.clean(text));
        x.writeEndElement();
    }

    /** A line break and two spaces per level: indentation is part of the deterministic output. */
    private static void newline(XMLStreamWriter x, int depth) throws XMLStreamException {
        x.writeCharacters("\n" + "  ".repeat(depth));
    }
}
