package dev.tracer.cli;

import dev.tracer.model.InvalidInputException;
import dev.tracer.report.DotWriter;
import dev.tracer.report.GephiCsvWriter;
import dev.tracer.report.GexfWriter;
import dev.tracer.report.GraphMlWriter;
import dev.tracer.report.Neo4jCsvWriter;
import dev.tracer.report.ReportJsonReader;
import dev.tracer.trace.TraceResult;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tracer export}: convert a saved report.json to a graph format without re-tracing. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Converts a saved report.json into a graph format without tracing again.",
            "gexf (GEXF 1.3, for Gephi), graphml, csv (Gephi node and edge lists and Neo4j import files) or dot "
                + "(Graphviz, for small graphs). gexf, graphml and dot go to --out FILE or stdout; csv needs --out DIR."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.L0, ExitCodes.L1, ExitCodes.L2, ExitCodes.L3, ExitCodes.L5})
final class ExportCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ExportCommand.class);
    /** Above this many edges Graphviz layouts take minutes: say so. */
    static final int DOT_SMALL = 2000;

    @Spec
    CommandSpec spec;

    @Mixin
    Verbosity verbosity;

    @Parameters(index = "0", paramLabel = "REPORT", description = "A report.json written by 'tracer trace --out' or 'tracer batch', or the directory holding it.")
    Path report;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "gexf, graphml, csv or dot.")
    String format;

    @Option(names = "--out", paramLabel = "PATH", description = "File to write (gexf, graphml, dot; default: stdout), or directory (csv: nodes.csv, edges.csv, neo4j-nodes.csv, neo4j-relationships.csv).")
    Path out;

    @Override
    public Integer call() {
        String f = format.strip().toLowerCase(Locale.ROOT);
        if (!f.equals("gexf") && !f.equals("graphml") && !f.equals("csv") && !f.equals("dot")) {
            throw new InvalidInputException("--format: unknown format '" + format + "' (use gexf, graphml, csv or dot)");
        }
        if (f.equals("csv") && out == null) {
            throw new InvalidInputException("--format csv writes four files: give --out DIR");
        }
        if (f.equals("csv")) {
            AtomicOutput.requireDirectoryTarget(out);
        } else {
            AtomicOutput.requireFileTarget(out, "graph." + f);
        }
        // the directory 'tracer trace --out' or a batch wrote: its report.json
        Path file = java.nio.file.Files.isDirectory(report) ? report.resolve("report.json") : report;
        AtomicOutput.refuseSameFile(out, file);
        TraceResult r = new ReportJsonReader().read(file);
        if (f.equals("dot") && r.transfers().size() > DOT_SMALL) {
            LOG.warn("{} edges: Graphviz will be slow; GEXF or GraphML in Gephi suit large graphs", r.transfers().size());
        }
        AtomicOutput.Content single = switch (f) {
            case "gexf" -> w -> new GexfWriter().write(r, w);
            case "graphml" -> w -> new GraphMlWriter().write(r, w);
            case "dot" -> w -> new DotWriter().write(r, w);
            default -> null;
        };
        if (single == null) {
            // each writer pair streams both files; write them twice rather than hold one in memory
            new AtomicOutput()
                    .add("nodes.csv", w -> new GephiCsvWriter().write(r, w, java.io.Writer.nullWriter()))
                    .add("edges.csv", w -> new GephiCsvWriter().write(r, java.io.Writer.nullWriter(), w))
                    .add("neo4j-nodes.csv", w -> new Neo4jCsvWriter().write(r, w, java.io.Writer.nullWriter()))
                    .add("neo4j-relationships.csv", w -> new Neo4jCsvWriter().write(r, java.io.Writer.nullWriter(), w))
                    .writeTo(out);
            spec.commandLine().getOut().println("Wrote " + out.resolve("nodes.csv") + ", edges.csv, neo4j-nodes.csv and neo4j-relationships.csv");
        } else if (out == null) {
            try {
                single.write(spec.commandLine().getOut());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            spec.commandLine().getOut().flush();
        } else {
            AtomicOutput.writeFile(out, single);
        }
        return ExitCodes.OK;
    }
}
