package dev.tracer.bench;

import dev.tracer.model.Transfer;
import dev.tracer.trace.TraceResult;
import java.io.Writer;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The export baseline: a plain streaming {@link XMLStreamWriter} that writes the same GEXF
 * document shape as {@link dev.tracer.report.GexfWriter} — a node per reached address and an
 * edge per traced transfer, with the same attributes (14 per node, 11 per edge), viz colour and
 * size, and the same indentation — but takes each value straight from the result's fields
 * ({@code toString} of amounts in base units, of maps, of enums), with no labels, flags,
 * look-ups, exact-decimal or time formatting, and no context nodes. O(1) extra memory.
 */
final class PlainGexfWriter {
    private static final XMLOutputFactory XML = XMLOutputFactory.newDefaultFactory();
    private static final String[] INDENT = new String[8];
    private static final String[] NODE = {"address", "chain", "entity", "category", "role", "endpoint", "hop", "received",
        "sent", "held", "flags", "taint_share", "taint", "label_source"};
    private static final String[] EDGE = {"tx", "asset", "asset_id", "amount", "tainted", "kind", "block", "flags",
        "transfer_kind", "time", "taint_share"};

    static {
        for (int i = 0; i < INDENT.length; i++) {
            INDENT[i] = "\n" + "  ".repeat(i);
        }
    }

    void write(TraceResult r, Writer out) {
        try {
            XMLStreamWriter x = XML.createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("gexf");
            x.writeDefaultNamespace("http://gexf.net/1.3");
            x.writeNamespace("viz", "http://gexf.net/1.3/viz");
            x.writeAttribute("version", "1.3");
            x.writeCharacters(INDENT[1]);
            x.writeStartElement("graph");
            x.writeAttribute("defaultedgetype", "directed");
            x.writeCharacters(INDENT[2]);
            x.writeStartElement("nodes");
            for (TraceResult.Node n : r.nodes()) {
                String a = n.address().value();
                x.writeCharacters(INDENT[3]);
                x.writeStartElement("node");
                x.writeAttribute("id", a);
                x.writeAttribute("label", a);
                attvalues(x, NODE, a, n.address().chain().name(), n.label().map(Object::toString).orElse(""), "",
                        n.role().name(), n.endpoint().map(Enum::name).orElse(""), Integer.toString(n.hop()),
                        n.received().toString(), n.sent().toString(), n.held().toString(), "", "0", "", "");
                x.writeCharacters(INDENT[4]);
                x.writeEmptyElement("viz", "color", "http://gexf.net/1.3/viz");
                x.writeAttribute("r", "255");
                x.writeAttribute("g", "127");
                x.writeAttribute("b", "14");
                x.writeCharacters(INDENT[4]);
                x.writeEmptyElement("viz", "size", "http://gexf.net/1.3/viz");
                x.writeAttribute("value", "5");
                x.writeCharacters(INDENT[3]);
                x.writeEndElement();
            }
            x.writeCharacters(INDENT[2]);
            x.writeEndElement();
            x.writeCharacters(INDENT[2]);
            x.writeStartElement("edges");
            for (TraceResult.TracedTransfer t : r.transfers()) {
                Transfer tr = t.transfer();
                String amount = tr.amount().toString();
                String tainted = t.tainted().toString();
                String time = Long.toString(tr.time().getEpochSecond());
                x.writeCharacters(INDENT[3]);
                x.writeStartElement("edge");
                x.writeAttribute("id", Integer.toString(t.edge()));
                x.writeAttribute("source", tr.from().value());
                x.writeAttribute("target", tr.to().value());
                x.writeAttribute("label", tainted);
                x.writeAttribute("weight", tainted);
                x.writeAttribute("start", time);
                x.writeAttribute("end", time);
                attvalues(x, EDGE, tr.tx().value(), tr.asset().symbol(), tr.asset().id(), amount, tainted, tr.kind().name(),
                        Long.toString(tr.block()), "", tr.kind().name(), time, "0");
                x.writeCharacters(INDENT[3]);
                x.writeEndElement();
            }
            x.writeCharacters(INDENT[2]);
            x.writeEndElement();
            x.writeCharacters(INDENT[1]);
            x.writeEndElement();
            x.writeCharacters(INDENT[0]);
            x.writeEndElement();
            x.writeEndDocument();
            x.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("plain GEXF baseline: " + e.getMessage(), e);
        }
    }

    private static void attvalues(XMLStreamWriter x, String[] ids, String... values) throws XMLStreamException {
        x.writeCharacters(INDENT[4]);
        x.writeStartElement("attvalues");
        for (int i = 0; i < ids.length; i++) {
            x.writeCharacters(INDENT[5]);
            x.writeEmptyElement("attvalue");
            x.writeAttribute("for", ids[i]);
            x.writeAttribute("value", values[i]);
        }
        x.writeCharacters(INDENT[4]);
        x.writeEndElement();
    }
}
