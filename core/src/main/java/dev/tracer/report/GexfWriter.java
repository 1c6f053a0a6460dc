package dev.tracer.report;

import dev.tracer.model.TracerException;
import dev.tracer.trace.TraceResult;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a {@link TraceResult} as a GEXF 1.3 graph for Gephi (format: <a href="https://gexf.net/">https://gexf.net/</a>,
 * schema {@code gexf.rng} of version 1.3, namespaces {@value #GEXF_NS} and {@value #VIZ_NS}).
 *
 * <p>Nodes are the addresses the trace reached, in the result's order, with their role, hop,
 * entity, category and label source (from the best label), endpoint kind, flags, the tainted
 * amounts they received, sent and hold (exact decimal text per asset) and their taint per asset
 * (share of each traced asset that passed through or stayed). The entity name is the attribute
 * {@code entity}, not {@code label}: Gephi keeps its own label column under that id, which here
 * is the abbreviated address plus the entity. An address that only appears as the sender or receiver of a traced transfer is
 * added as a plain node with role {@code context}. Edges are the traced transfers in the result's
 * order, each with its transaction, asset, full and tainted amount (exact decimal text in whole
 * units), kind (transfer, swap, bridge or change: see {@code FlowKind}), how value moved
 * ({@code transfer_kind}: native, internal, token, utxo), block, time and flags. The attributes
 * are those of {@code ExportGraph}, shared with the GraphML, CSV and DOT writers. The graph is
 * dynamic with {@code timeformat="dateTime"}: every edge
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
        ExportGraph g = new ExportGraph(r);
        XmlText.writeDocument("GEXF", out, x -> document(g, x));
    }

    private static void document(ExportGraph g, XMLStreamWriter x) throws XMLStreamException {
        x.writeStartDocument("UTF-8", "1.0");
        newline(x, 0);
        x.writeStartElement("gexf");
        x.writeDefaultNamespace(GEXF_NS);
        x.writeNamespace("viz", VIZ_NS);
        x.writeAttribute("version", "1.3");

        newline(x, 1);
        x.writeStartElement("meta");
        textElement(x, 2, "creator", "tracer");
        textElement(x, 2, "description", g.description());
        newline(x, 1);
        x.writeEndElement();

        newline(x, 1);
        x.writeStartElement("graph");
        x.writeAttribute("defaultedgetype", "directed");
        x.writeAttribute("mode", "dynamic");
        x.writeAttribute("timeformat", "dateTime");
        declare(x, "node", ExportGraph.NODE_COLUMNS);
        declare(x, "edge", ExportGraph.EDGE_COLUMNS);
        nodes(g, x);
        edges(g, x);
        newline(x, 1);
        x.writeEndElement();

        newline(x, 0);
        x.writeEndElement();
        newline(x, 0);
        x.writeEndDocument();
    }

    private static void declare(XMLStreamWriter x, String cls, List<ExportGraph.Column> columns) throws XMLStreamException {
        newline(x, 2);
        x.writeStartElement("attributes");
        x.writeAttribute("class", cls);
        for (ExportGraph.Column c : columns) {
            newline(x, 3);
            x.writeEmptyElement("attribute");
            x.writeAttribute("id", c.id());
            x.writeAttribute("title", c.id());
            x.writeAttribute("type", c.type().gexf);
        }
        newline(x, 2);
        x.writeEndElement();
    }

    private static void nodes(ExportGraph g, XMLStreamWriter x) throws XMLStreamException {
        newline(x, 2);
        x.writeStartElement("nodes");
        x.writeAttribute("count", Integer.toString(g.nodeCount()));
        for (Iterator<ExportGraph.NodeRow> it = g.nodes(); it.hasNext(); ) {
            ExportGraph.NodeRow n = it.next();
            newline(x, 3);
            x.writeStartElement("node");
            x.writeAttribute("id", n.id());
            x.writeAttribute("label", n.label());
            attvalues(x, ExportGraph.NODE_COLUMNS, n.values());
            newline(x, 4);
            x.writeEmptyElement("viz", "color", VIZ_NS);
            x.writeAttribute("r", Integer.toString(n.colour().r()));
            x.writeAttribute("g", Integer.toString(n.colour().g()));
            x.writeAttribute("b", Integer.toString(n.colour().b()));
            newline(x, 4);
            x.writeEmptyElement("viz", "size", VIZ_NS);
            x.writeAttribute("value", n.size());
            newline(x, 3);
            x.writeEndElement();
        }
        newline(x, 2);
        x.writeEndElement();
    }

    private static void edges(ExportGraph g, XMLStreamWriter x) throws XMLStreamException {
        newline(x, 2);
        x.writeStartElement("edges");
        x.writeAttribute("count", Integer.toString(g.edgeCount()));
        for (Iterator<ExportGraph.EdgeRow> it = g.edges(); it.hasNext(); ) {
            ExportGraph.EdgeRow e = it.next();
            newline(x, 3);
            x.writeStartElement("edge");
            x.writeAttribute("id", e.id());
            x.writeAttribute("source", e.source());
            x.writeAttribute("target", e.target());
            x.writeAttribute("label", e.label());
            x.writeAttribute("weight", e.weight());
            x.writeAttribute("start", e.time());
            x.writeAttribute("end", e.time());
            attvalues(x, ExportGraph.EDGE_COLUMNS, e.values());
            newline(x, 3);
            x.writeEndElement();
        }
        newline(x, 2);
        x.writeEndElement();
    }

    private static void attvalues(XMLStreamWriter x, List<ExportGraph.Column> columns, String[] values)
            throws XMLStreamException {
        newline(x, 4);
        x.writeStartElement("attvalues");
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                newline(x, 5);
                x.writeEmptyElement("attvalue");
                x.writeAttribute("for", columns.get(i).id());
                x.writeAttribute("value", values[i]);
            }
        }
        newline(x, 4);
        x.writeEndElement();
    }

    private static void textElement(XMLStreamWriter x, int depth, String name, String text) throws XMLStreamException {
        newline(x, depth);
        x.writeStartElement(name);
        x.writeCharacters(XmlText.clean(text));
        x.writeEndElement();
    }

    /** A line break and two spaces per level: indentation is part of the deterministic output. */
    static void newline(XMLStreamWriter x, int depth) throws XMLStreamException {
        x.writeCharacters(depth < INDENTS.length ? INDENTS[depth] : "\n" + "  ".repeat(depth));
    }

    /** "\n" and the indentation of each depth, made once. */
    private static final String[] INDENTS = new String[8];

    static {
        for (int i = 0; i < INDENTS.length; i++) {
            INDENTS[i] = "\n" + "  ".repeat(i);
        }
    }
}
