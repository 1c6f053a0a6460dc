package dev.tracer.report;

import dev.tracer.trace.TraceResult;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a {@link TraceResult} as GraphML (<a href="http://graphml.graphdrawing.org/">graphml.graphdrawing.org</a>,
 * namespace {@value #GRAPHML_NS}), valid against the GraphML 1.0 XML schema.
 *
 * <p>The nodes, edges and attributes are those of the GEXF export (see {@link GexfWriter}): one
 * typed {@code <key>} per attribute ({@code attr.type} string, int, long or double; amounts are
 * exact decimal strings), with ids {@code n_NAME} for nodes and {@code e_NAME} for edges and the
 * attribute name in {@code attr.name}. Besides them, nodes have {@code label}, {@code r},
 * {@code g}, {@code b} (colour, 0–255) and {@code size}, and edges {@code label} and
 * {@code weight} (the tainted amount as a number, for layout only), under the names Gephi and
 * yEd read. An attribute without a value (the hop of a context node) or with an empty one (no
 * label, no flags) has no {@code <data>}.
 * Times are the {@code time} attribute of edges (ISO-8601 UTC); GraphML has no dynamic mode.
 *
 * <p>Streams through {@link XMLStreamWriter} (no document tree, no copy of the graph); O(V + E)
 * time. Deterministic; attacker-chosen text is escaped by the XML writer after the cleaning
 * shared by every export.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class GraphMlWriter {
    /** The GraphML namespace. */
    public static final String GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns";
    private static final String XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";
    private static final String SCHEMA_LOCATION = GRAPHML_NS + " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd";

    /**
     * Writes {@code r} to {@code out} as GraphML (UTF-8 declared). {@code out} is flushed, not closed.
     *
     * @throws UncheckedIOException when {@code out} fails
     */
    public void write(TraceResult r, Writer out) {
        Objects.requireNonNull(r, "result");
        Objects.requireNonNull(out, "out");
        ExportGraph g = new ExportGraph(r);
        XmlText.writeDocument("GraphML", out, x -> document(g, x));
    }

    private static void document(ExportGraph g, XMLStreamWriter x) throws XMLStreamException {
        x.writeStartDocument("UTF-8", "1.0");
        GexfWriter.newline(x, 0);
        x.writeStartElement("graphml");
        x.writeDefaultNamespace(GRAPHML_NS);
        x.writeNamespace("xsi", XSI_NS);
        x.writeAttribute(XSI_NS, "schemaLocation", SCHEMA_LOCATION);
        GexfWriter.newline(x, 1);
        x.writeStartElement("desc");
        x.writeCharacters(g.description());
        x.writeEndElement();
        keys(x, "node", "n_", ExportGraph.NODE_COLUMNS);
        key(x, "node", "n_label", "label", "string");
        key(x, "node", "n_r", "r", "int");
        key(x, "node", "n_g", "g", "int");
        key(x, "node", "n_b", "b", "int");
        key(x, "node", "n_size", "size", "double");
        keys(x, "edge", "e_", ExportGraph.EDGE_COLUMNS);
        key(x, "edge", "e_label", "label", "string");
        key(x, "edge", "e_weight", "weight", "double");

        GexfWriter.newline(x, 1);
        x.writeStartElement("graph");
        x.writeAttribute("id", "trace");
        x.writeAttribute("edgedefault", "directed");
        for (Iterator<ExportGraph.NodeRow> it = g.nodes(); it.hasNext(); ) {
            ExportGraph.NodeRow n = it.next();
            GexfWriter.newline(x, 2);
            x.writeStartElement("node");
            x.writeAttribute("id", n.id());
            data(x, "n_", ExportGraph.NODE_COLUMNS, n.values());
            data(x, "n_label", n.label());
            data(x, "n_r", Integer.toString(n.colour().r()));
            data(x, "n_g", Integer.toString(n.colour().g()));
            data(x, "n_b", Integer.toString(n.colour().b()));
            data(x, "n_size", n.size());
            GexfWriter.newline(x, 2);
            x.writeEndElement();
        }
        for (Iterator<ExportGraph.EdgeRow> it = g.edges(); it.hasNext(); ) {
            ExportGraph.EdgeRow e = it.next();
            GexfWriter.newline(x, 2);
            x.writeStartElement("edge");
            x.writeAttribute("id", e.id());
            x.writeAttribute("source", e.source());
            x.writeAttribute("target", e.target());
            data(x, "e_", ExportGraph.EDGE_COLUMNS, e.values());
            data(x, "e_label", e.label());
            data(x, "e_weight", e.weight());
            GexfWriter.newline(x, 2);
            x.writeEndElement();
        }
        GexfWriter.newline(x, 1);
        x.writeEndElement();
        GexfWriter.newline(x, 0);
        x.writeEndElement();
        GexfWriter.newline(x, 0);
        x.writeEndDocument();
    }

    private static void keys(XMLStreamWriter x, String cls, String prefix, List<ExportGraph.Column> columns)
            throws XMLStreamException {
        for (ExportGraph.Column c : columns) {
            key(x, cls, prefix + c.id(), c.id(), c.type().graphml);
        }
    }

    private static void key(XMLStreamWriter x, String cls, String id, String name, String type) throws XMLStreamException {
        GexfWriter.newline(x, 1);
        x.writeEmptyElement("key");
        x.writeAttribute("id", id);
        x.writeAttribute("for", cls);
        x.writeAttribute("attr.name", name);
        x.writeAttribute("attr.type", type);
    }

    private static void data(XMLStreamWriter x, String prefix, List<ExportGraph.Column> columns, String[] values)
            throws XMLStreamException {
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null && !values[i].isEmpty()) {
                data(x, prefix + columns.get(i).id(), values[i]);
            }
        }
    }

    private static void data(XMLStreamWriter x, String key, String value) throws XMLStreamException {
        GexfWriter.newline(x, 3);
        x.writeStartElement("data");
        x.writeAttribute("key", key);
        x.writeCharacters(value);
        x.writeEndElement();
    }
}
