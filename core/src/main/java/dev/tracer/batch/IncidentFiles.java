package dev.tracer.batch;

import dev.tracer.report.GephiCsvWriter;
import dev.tracer.report.GexfWriter;
import dev.tracer.report.GraphMlWriter;
import dev.tracer.report.MarkdownSummary;
import dev.tracer.report.Neo4jCsvWriter;
import dev.tracer.report.ReportJsonWriter;
import dev.tracer.source.SourceException;
import dev.tracer.trace.TraceResult;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files of one incident in a run directory, written all or nothing: into a hidden
 * temporary sibling directory, then renamed into place in one step.
 */
final class IncidentFiles {
    static final String REPORT = "report.json";
    /** Every file of a finished incident. */
    static final List<String> NAMES = List.of(REPORT, "summary.md", "graph.gexf", "graph.graphml", "nodes.csv",
            "edges.csv", "neo4j-nodes.csv", "neo4j-relationships.csv");

    private IncidentFiles() {
    }

    /** True when {@code dir} holds every file of a finished incident. */
    static boolean isComplete(Path dir) {
        return Files.isDirectory(dir) && NAMES.stream().allMatch(n -> Files.isRegularFile(dir.resolve(n)));
    }

    static void write(Path dir, String title, TraceResult r) {
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory(dir.getParent(), "." + dir.getFileName() + ".tmp-");
            if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            try (Writer w = writer(tmp, REPORT)) {
                new ReportJsonWriter().write(r, w);
            }
            try (Writer w = writer(tmp, "summary.md")) {
                new MarkdownSummary(20).write(title, r, w);
            }
            try (Writer w = writer(tmp, "graph.gexf")) {
                new GexfWriter().write(r, w);
            }
            try (Writer w = writer(tmp, "graph.graphml")) {
                new GraphMlWriter().write(r, w);
            }
            try (Writer n = writer(tmp, "nodes.csv"); Writer e = writer(tmp, "edges.csv")) {
                new GephiCsvWriter().write(r, n, e);
            }
            try (Writer n = writer(tmp, "neo4j-nodes.csv"); Writer e = writer(tmp, "neo4j-relationships.csv")) {
                new Neo4jCsvWriter().write(r, n, e);
            }
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            tmp = null;
        } catch (IOException e) {
            throw new SourceException.Unavailable(dir + ": cannot write: " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                deleteRecursively(tmp);
            }
        }
    }

    private static Writer writer(Path dir, String name) throws IOException {
        return Files.newBufferedWriter(dir.resolve(name), StandardCharsets.UTF_8);
    }

    static void deleteRecursively(Path p) {
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a leftover hidden temporary directory is removed by the next resume
        }
    }
}
