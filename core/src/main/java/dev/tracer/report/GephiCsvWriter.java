package dev.tracer.report;

import dev.tracer.trace.TraceResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Writes a {@link TraceResult} as a node list and an edge list in the CSV conventions of Gephi's
 * spreadsheet import ("Import spreadsheet" in the Data Laboratory): the node table starts with
 * {@code Id} and {@code Label}, the edge table with {@code Source}, {@code Target}, {@code Type}
 * ({@code Directed}), {@code Id}, {@code Label} and {@code Weight}; the other columns are the
 * attributes of the GEXF export (see {@link GexfWriter}), named as there, amounts as exact
 * decimal text. An attribute without a value is an empty cell.
 *
 * <p>RFC 4180 quoting (comma-separated, {@code \n} line ends, quotes doubled); a cell that would
 * start with {@code = + - @} gets a leading apostrophe so a spreadsheet does not evaluate an
 * attacker's token name as a formula. Streams row by row; deterministic; thread-safe.
 */
public final class GephiCsvWriter {

    /**
     * Writes the node list to {@code nodes} and the edge list to {@code edges}; both are flushed,
     * not closed.
     *
     * @throws UncheckedIOException when a writer fails
     */
    public void write(TraceResult r, Writer nodes, Writer edges) {
        Objects.requireNonNull(r, "result");
        ExportGraph g = new ExportGraph(r);
        try {
            List<String> header = new ArrayList<>(List.of("Id", "Label"));
            header.addAll(ExportGraph.ids(ExportGraph.NODE_COLUMNS));
            row(nodes, header);
            for (Iterator<ExportGraph.NodeRow> it = g.nodes(); it.hasNext(); ) {
                ExportGraph.NodeRow n = it.next();
                List<String> cells = new ArrayList<>(header.size());
                cells.add(n.id());
                cells.add(n.label());
                add(cells, n.values());
                row(nodes, cells);
            }
            nodes.flush();
            header = new ArrayList<>(List.of("Source", "Target", "Type", "Id", "Label", "Weight"));
            header.addAll(ExportGraph.ids(ExportGraph.EDGE_COLUMNS));
            row(edges, header);
            for (Iterator<ExportGraph.EdgeRow> it = g.edges(); it.hasNext(); ) {
                ExportGraph.EdgeRow e = it.next();
                List<String> cells = new ArrayList<>(header.size());
                cells.addAll(List.of(e.source(), e.target(), "Directed", e.id(), e.label(), e.weight()));
                add(cells, e.values());
                row(edges, cells);
            }
            edges.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write CSV: " + e.getMessage(), e);
        }
    }

    static void add(List<String> cells, String[] values) {
        for (String v : values) {
            cells.add(v == null ? "" : v);
        }
    }

    static void row(Writer w, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(SafeText.csv(cells.get(i)));
        }
        w.write('\n');
    }
}
