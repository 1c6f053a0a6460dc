package dev.tracer.bench;

import dev.tracer.model.Transfer;
import dev.tracer.trace.TraceResult;
import java.io.Writer;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The export baseline: a plain streaming {@link XMLStreamWriter} that writes the same GEXF
 * elements as {@link dev.tracer.report.GexfWriter} (a node per reached address, an edge per
 * traced transfer, with as many attribute values each) straight from the result's fields, with
 * no labels, colours, sizes, weights or exact-decimal formatting. O(1) extra memory.
 */
final class PlainGexfWriter {
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    void write(TraceResult r, Writer out) {
        try {
            XMLStreamWriter x = XML.createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("gexf");
            x.writeDefaultNamespace("http://gexf.net/1.3");
            x.writeAttribute("version", "1.3");
            x.writeStartElement("graph");
            x.writeAttribute("defaultedgetype", "directed");
            x.writeStartElement("nodes");
            for (TraceResult.Node n : r.nodes()) {
                x.writeStartElement("node");
                x.writeAttribute("id", n.address().value());
                x.writeAttribute("label", n.address().value());
                x.writeStartElement("attvalues");
                att(x, "role", n.role().name());
                att(x, "hop", Integer.toString(n.hop()));
                att(x, "received", n.received().toString());
                att(x, "sent", n.sent().toString());
                att(x, "held", n.held().toString());
                x.writeEndElement();
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeStartElement("edges");
            for (TraceResult.TracedTransfer t : r.transfers()) {
                Transfer tr = t.transfer();
                x.writeStartElement("edge");
                x.writeAttribute("id", Integer.toString(t.edge()));
                x.writeAttribute("source", tr.from().value());
                x.writeAttribute("target", tr.to().value());
                x.writeStartElement("attvalues");
                att(x, "tx", tr.tx().value());
                att(x, "asset", tr.asset().symbol());
                att(x, "amount", tr.amount().toString());
                att(x, "tainted", t.tainted().toString());
                att(x, "kind", tr.kind().name());
                att(x, "block", Long.toString(tr.block()));
                x.writeEndElement();
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndDocument();
            x.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("plain GEXF baseline: " + e.getMessage(), e);
        }
    }

    private static void att(XMLStreamWriter x, String id, String value) throws XMLStreamException {
        x.writeEmptyElement("attvalue");
        x.writeAttribute("for", id);
        x.writeAttribute("value", value);
    }
}
