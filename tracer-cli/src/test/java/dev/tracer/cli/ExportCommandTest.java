package dev.tracer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracer.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tracer export} converts a saved report.json into the same files a batch writes, without tracing. */
class ExportCommandTest {
    @TempDir
    static Path tmp;
    static Path incident;

    @BeforeAll
    static void batch() {
        Path run = tmp.resolve("run");
        CliRun r = BatchRuns.batch("--fixtures", SharedData.fixtures().toString(), "--out", run.toString());
        assertThat(r.code()).as(r.err()).isZero();
        incident = run.resolve("bybit-2025");
    }

    @Test
    void gexfAndGraphMlFromTheReportAreTheBatchFilesByteForByte() throws Exception {
        for (String[] f : new String[][] {{"gexf", "graph.gexf"}, {"graphml", "graph.graphml"}}) {
            Path out = tmp.resolve("export." + f[0]);
            CliRun r = CliRun.of("export", incident.resolve("report.json").toString(), "--format", f[0], "--out", out.toString());
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(Files.readAllBytes(out)).as(f[0]).isEqualTo(Files.readAllBytes(incident.resolve(f[1])));
        }
        CliRun stdout = CliRun.of("export", incident.resolve("report.json").toString(), "--format", "gexf");
        assertThat(stdout.out()).isEqualTo(Files.readString(incident.resolve("graph.gexf")));
    }

    @Test
    void csvFromTheReportIsTheBatchFilesAndDotIsAGraphvizDigraph() throws Exception {
        Path dir = tmp.resolve("csv");
        CliRun r = CliRun.of("export", incident.resolve("report.json").toString(), "--format", "csv", "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        for (String f : new String[] {"nodes.csv", "edges.csv", "neo4j-nodes.csv", "neo4j-relationships.csv"}) {
            assertThat(Files.readAllBytes(dir.resolve(f))).as(f).isEqualTo(Files.readAllBytes(incident.resolve(f)));
        }
        Path dot = tmp.resolve("graph.dot");
        assertThat(CliRun.of("export", incident.resolve("report.json").toString(), "--format", "dot", "--out", dot.toString())
                .code()).isZero();
        assertThat(Files.readString(dot)).startsWith("digraph trace {").contains(" -> ").endsWith("}\n")
                .contains("kind=\"swap\"");
    }

    /**
     * The directory a trace or batch wrote stands for its report.json. Regression: a directory as
     * --out of a one-file format, or a file as --out of csv, failed after reading the report, as
     * an I/O error (exit 3) naming a temporary file.
     */
    @Test
    void aReportDirectoryIsReadAndOutMustBeTheRightKind() throws Exception {
        Path out = tmp.resolve("from-dir.gexf");
        CliRun r = CliRun.of("export", incident.toString(), "--format", "gexf", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(incident.resolve("graph.gexf")));
        Path dir = Files.createDirectories(tmp.resolve("a-dir"));
        BadInputTest.assertOneLineError(CliRun.of("export", incident.toString(), "--format", "graphml", "--out", dir.toString()),
                2, "--out " + dir + ": a directory; name the file to write (e.g. " + dir.resolve("graph.graphml") + ")");
        assertThat(dir).isEmptyDirectory();
        BadInputTest.assertOneLineError(CliRun.of("export", incident.toString(), "--format", "csv", "--out", out.toString()),
                2, "--out " + out + ": exists and is not a directory; nothing was written");
        BadInputTest.assertOneLineError(CliRun.of("export", dir.toString(), "--format", "gexf"), 3,
                dir.resolve("report.json") + ": no such file");
        // the report written over by its own export
        Path copy = Files.copy(incident.resolve("report.json"), tmp.resolve("copy.json"));
        BadInputTest.assertOneLineError(CliRun.of("export", copy.toString(), "--format", "gexf", "--out", copy.toString()), 2,
                "--out " + copy + ": is the input " + copy + ", which writing would replace");
        assertThat(copy).hasSameBinaryContentAs(incident.resolve("report.json"));
    }

    @Test
    void badFormatsAndReportsAreOneLineErrors() throws Exception {
        CliRun unknown = CliRun.of("export", incident.resolve("report.json").toString(), "--format", "pdf");
        assertThat(unknown.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(unknown.err()).isEqualTo("tracer: --format: unknown format 'pdf' (use gexf, graphml, csv or dot)\n");
        CliRun csvToStdout = CliRun.of("export", incident.resolve("report.json").toString(), "--format", "csv");
        assertThat(csvToStdout.code()).isEqualTo(ExitCodes.BAD_INPUT);
        Path broken = tmp.resolve("broken.json");
        Files.writeString(broken, Files.readString(incident.resolve("report.json")).replaceFirst("\"hop\" : 0", "\"hop\" : -"));
        CliRun bad = CliRun.of("export", broken.toString(), "--format", "gexf");
        assertThat(bad.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(bad.err()).matches("tracer: \\Q" + broken + "\\E:\\d+: malformed JSON: .*\n");
        // regression: a truncated report showed Jackson's "(start marker at [Source: REDACTED ...])"
        String whole = Files.readString(incident.resolve("report.json"));
        Files.writeString(broken, whole.substring(0, whole.length() / 2));
        CliRun truncated = CliRun.of("export", broken.toString(), "--format", "gexf");
        assertThat(truncated.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(truncated.err()).matches("tracer: \\Q" + broken + "\\E:\\d+: malformed JSON: Unexpected end-of-input[^\\[(]*\n");
        // regression: bytes that are not UTF-8 were "cannot read: Input length = 1", exit 3
        Files.write(broken, new byte[] {'{', '"', (byte) 0xff, '"', ':', '1', '}'});
        CliRun notText = CliRun.of("export", broken.toString(), "--format", "gexf");
        assertThat(notText.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(notText.err()).isEqualTo("tracer: " + broken + ": not UTF-8 text\n");
        CliRun missing = CliRun.of("export", tmp.resolve("none.json").toString(), "--format", "gexf");
        assertThat(missing.code()).isEqualTo(ExitCodes.UNAVAILABLE);
    }
}
