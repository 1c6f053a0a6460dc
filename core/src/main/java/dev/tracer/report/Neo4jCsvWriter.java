package dev.tracer.report;

import dev.tracer.trace.TraceResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Writes a {@link TraceResult} as a node file and a relationship file with the header
 * conventions of Neo4j's bulk importer ({@code neo4j-admin database import}): nodes have
 * {@code address:ID(Address)} and {@code :LABEL} ({@code Address} plus the role, e.g.
 * {@code Address;Seed}); relationships {@code :START_ID(Address)}, {@code :END_ID(Address)} and
 * {@code :TYPE} (the edge kind in capitals: {@code TRANSFER}, {@code SWAP}, {@code BRIDGE},
 * {@code CHANGE}) and an {@code id}. The other columns are the attributes of the GEXF export
 * (see {@link GexfWriter}) with Neo4j type suffixes ({@code hop:int}, {@code block:long},
 * {@code taint_share:double}; amounts are exact decimal strings). An attribute without a value is
 * an empty cell, which the importer skips.
 *
 * <p>Same quoting as {@link GephiCsvWriter} (RFC 4180, apostrophe before a leading
 * {@code = + - @}). Streams row by row; deterministic; thread-safe.
 */
public final class Neo4jCsvWriter {

    /**
     * Writes the nodes to {@code nodes} and the relationships to {@code relationships}; both are
     * flushed, not closed.
     *
     * @throws UncheckedIOException when a writer fails
     */
    public void write(TraceResult r, Writer nodes, Writer relationships) {
        Objects.requireNonNull(r, "result");
        ExportGraph g = new ExportGraph(r);
        try {
            List<String> header = new ArrayList<>(List.of("address:ID(Address)", ":LABEL"));
            for (ExportGraph.Column c : ExportGraph.NODE_COLUMNS.subList(1, ExportGraph.NODE_COLUMNS.size())) {
                header.add(c.id() + c.type().neo4j);
            }
            GephiCsvWriter.row(nodes, header);
            for (Iterator<ExportGraph.NodeRow> it = g.nodes(); it.hasNext(); ) {
                ExportGraph.NodeRow n = it.next();
                List<String> cells = new ArrayList<>(header.size());
                cells.add(n.id());
                cells.add("Address;" + label(n.value("role")));
                String[] v = n.values();
                for (int i = 1; i < v.length; i++) {
                    cells.add(v[i] == null ? "" : v[i]);
                }
                GephiCsvWriter.row(nodes, cells);
            }
            nodes.flush();
            header = new ArrayList<>(List.of(":START_ID(Address)", ":END_ID(Address)", ":TYPE", "id"));
            for (ExportGraph.Column c : ExportGraph.EDGE_COLUMNS) {
                header.add(c.id() + c.type().neo4j);
            }
            GephiCsvWriter.row(relationships, header);
            for (Iterator<ExportGraph.EdgeRow> it = g.edges(); it.hasNext(); ) {
                ExportGraph.EdgeRow e = it.next();
                List<String> cells = new ArrayList<>(header.size());
                cells.addAll(List.of(e.source(), e.target(), e.value("kind").toUpperCase(Locale.ROOT), e.id()));
                GephiCsvWriter.add(cells, e.values());
                GephiCsvWriter.row(relationships, cells);
            }
            relationships.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write CSV: " + e.getMessage(), e);
        }
    }

    /** "seed" → "Seed". */
    private static String label(String role) {
        return role.isEmpty() ? "" : Character.toUpperCase(role.charAt(0)) + role.substring(1);
    }
}
