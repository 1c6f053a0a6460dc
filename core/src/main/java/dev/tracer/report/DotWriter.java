package dev.tracer.report;

import dev.tracer.trace.TraceResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Writes a {@link TraceResult} as a Graphviz DOT digraph, for small graphs (Graphviz lays out a
 * few hundred nodes comfortably; use GEXF or GraphML and Gephi beyond that).
 *
 * <p>Nodes are filled with the GEXF export's colour and sized by taint ({@code width} in inches,
 * the GEXF size / 50); node and edge labels are those of the GEXF export, edges carry a
 * {@code tooltip} with the transaction. Every attribute of the GEXF export is written too, under
 * its own name, so tools that read DOT (JGraphT, NetworkX) see the same attributes; Graphviz
 * ignores names it does not know. Every id and value is a double-quoted string with {@code "}
 * and {@code \} escaped, so attacker-chosen text can neither close it nor form a Graphviz escape
 * ({@code \N}, {@code \l}).
 *
 * <p>Streams line by line; deterministic; thread-safe.
 */
public final class DotWriter {
    private static final BigDecimal FIFTY = BigDecimal.valueOf(50);

    /**
     * Writes {@code r} to {@code out}; flushed, not closed.
     *
     * @throws UncheckedIOException when {@code out} fails
     */
    public void write(TraceResult r, Writer out) {
        Objects.requireNonNull(r, "result");
        ExportGraph g = new ExportGraph(r);
        try {
            out.write("digraph trace {\n");
            out.write("  graph [charset=\"UTF-8\", rankdir=\"LR\", labelloc=\"t\", label=" + SafeText.dot(g.description()) + "];\n");
            out.write("  node [shape=\"ellipse\", style=\"filled\", fontsize=\"10\"];\n");
            out.write("  edge [fontsize=\"8\"];\n");
            for (Iterator<ExportGraph.NodeRow> it = g.nodes(); it.hasNext(); ) {
                ExportGraph.NodeRow n = it.next();
                String width = new BigDecimal(n.size()).divide(FIFTY, 3, RoundingMode.HALF_EVEN).toPlainString();
                out.write("  " + SafeText.dot(n.id()) + " [label=" + SafeText.dot(n.label()) + ", fillcolor="
                        + SafeText.dot(n.colour().hex()) + ", width=" + SafeText.dot(width));
                attributes(out, ExportGraph.NODE_COLUMNS, n.values());
                out.write("];\n");
            }
            for (Iterator<ExportGraph.EdgeRow> it = g.edges(); it.hasNext(); ) {
                ExportGraph.EdgeRow e = it.next();
                out.write("  " + SafeText.dot(e.source()) + " -> " + SafeText.dot(e.target()) + " [id=" + SafeText.dot(e.id())
                        + ", label=" + SafeText.dot(e.label()) + ", tooltip=" + SafeText.dot(e.value("tx")));
                attributes(out, ExportGraph.EDGE_COLUMNS, e.values());
                out.write("];\n");
            }
            out.write("}\n");
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write DOT: " + e.getMessage(), e);
        }
    }

    private static void attributes(Writer out, List<ExportGraph.Column> columns, String[] values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                out.write(", " + columns.get(i).id() + "=" + SafeText.dot(values[i]));
            }
        }
    }
}
