package dev.tracer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracer.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input: a clear one-line error naming the input, exit 2 (or 3 for an unavailable source),
 * and no output directory left behind.
 */
class BadInputTest {
    @TempDir
    Path tmp;

    /**
     * A copy of the bundled Bybit data as someone else's export would be: its dataset.json lists
     * no files, so the reader's own checks of each row are what these tests reach (with the
     * listing, any change to a file is refused before a row is read: {@link #aFileChangedAfterItWasWrittenIsRefused}).
     */
    Path copyOfBybitData() throws IOException {
        Path dst = copyOfBybitDataAsWritten();
        unlistFiles(dst);
        return dst;
    }

    Path copyOfBybitDataAsWritten() throws IOException {
        Path src = SharedData.fixtures().resolve("incidents/bybit-2025/data");
        Path dst = tmp.resolve("data");
        Files.createDirectories(dst);
        try (Stream<Path> s = Files.list(src)) {
            for (Path p : s.toList()) {
                Files.copy(p, dst.resolve(p.getFileName()));
            }
        }
        return dst;
    }

    /** Removes the file listing (sizes and digests) from {@code dir}'s dataset.json. */
    static void unlistFiles(Path dir) throws IOException {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode m =
                (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(dir.resolve("dataset.json").toFile());
        m.remove("files");
        Files.writeString(dir.resolve("dataset.json"), json.writeValueAsString(m) + "\n");
    }

    /** A file cut at a row boundary, or edited, after the project wrote it: its size or digest in dataset.json differs. */
    @Test
    void aFileChangedAfterItWasWrittenIsRefused() throws IOException {
        Path data = copyOfBybitDataAsWritten();
        Path csv = data.resolve("transactions.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(csv));
        Files.write(csv, lines.subList(0, lines.size() - 1)); // the last row dropped: still well-formed CSV
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("trace", "--data", data.toString(), "--address", BybitTraceTest.SEED, "--out", out.toString());
        assertOneLineError(r, 2, csv + ": ", " bytes, but dataset.json says 39485: the file was cut short or changed after it was written");
        assertThat(out).doesNotExist();
        lines.set(1, lines.get(1).replace(",1000000000000000000,", ",2000000000000000000,")); // 1 ETH made 2, same length
        Files.write(csv, lines);
        CliRun edited = CliRun.of("trace", "--data", data.toString(), "--address", BybitTraceTest.SEED);
        assertOneLineError(edited, 2, csv + ": SHA-256 ", "but dataset.json says 615f5b44", "the file changed after it was written");
        Files.delete(data.resolve("traces.csv"));
        assertOneLineError(CliRun.of("trace", "--data", data.toString(), "--address", BybitTraceTest.SEED), 3,
                data.resolve("traces.csv") + ": missing, but dataset.json lists it");
    }

    static void assertOneLineError(CliRun r, int code, String... fragments) {
        assertThat(r.code()).as(r.err()).isEqualTo(code);
        assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).startsWith("tracer: ").contains(fragments);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void malformedAddress() throws IOException {
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("trace", "--data", copyOfBybitData().toString(), "--address", "0x47666Fab8bd0", "--out", out.toString());
        assertOneLineError(r, 2, "--address", "0x47666Fab8bd0", "malformed");
        assertThat(out).doesNotExist();
    }

    @Test
    void badChecksum() throws IOException {
        Path out = tmp.resolve("out");
        // the real exploiter address with the case of one letter flipped
        CliRun r = CliRun.of("trace", "--data", copyOfBybitData().toString(), "--address",
                "0x47666fab8bd0Ac7003bce3f5C3585383F09486E2", "--out", out.toString());
        assertOneLineError(r, 2, "checksum", "0x47666fab8bd0Ac7003bce3f5C3585383F09486E2");
        assertThat(out).doesNotExist();
    }

    @Test
    void csvRowWithWrongColumnCountNamesFileAndLine() throws IOException {
        Path data = copyOfBybitData();
        Path csv = data.resolve("transactions.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(csv));
        lines.set(6, lines.get(6).substring(0, lines.get(6).lastIndexOf(',')));
        Files.write(csv, lines);
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("trace", "--data", data.toString(), "--address", BybitTraceTest.SEED, "--out", out.toString());
        assertOneLineError(r, 2, csv + ":7:", "expected 7 columns, found 6");
        assertThat(out).doesNotExist();
    }

    /** A copy of the Bybit data whose token_transfers.csv has {@code value} as the amount of its line 10. */
    Path withTokenAmountOnLine10(String value) throws IOException {
        Path data = copyOfBybitData();
        Path csv = data.resolve("token_transfers.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(csv));
        String[] cells = lines.get(9).split(",", -1);
        cells[3] = value;
        lines.set(9, String.join(",", cells));
        Files.write(csv, lines);
        return data;
    }

    @Test
    void nonNumericAmountNamesFileAndLine() throws IOException {
        Path data = withTokenAmountOnLine10("12.5e3");
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("trace", "--data", data.toString(), "--address", BybitTraceTest.SEED, "--out", out.toString());
        assertOneLineError(r, 2, data.resolve("token_transfers.csv") + ":10:", "non-numeric value '12.5e3'");
        assertThat(out).doesNotExist();
    }

    @Test
    void anErrorQuotingHostileInputCannotDriveTheTerminal() throws IOException {
        // clears the screen, then makes what follows read backwards
        Path data = withTokenAmountOnLine10("1\u001b[2J\u202e9");
        CliRun r = CliRun.of("trace", "--data", data.toString(), "--address", BybitTraceTest.SEED, "--out", tmp.resolve("out").toString());
        assertOneLineError(r, 2, data.resolve("token_transfers.csv") + ":10:", "non-numeric value '1\uFFFD[2J\uFFFD9'");
        assertThat(r.err()).doesNotContain("\u001b", "\u202e");
    }

    @Test
    void malformedManifestJson() throws IOException {
        Path data = copyOfBybitData();
        Files.writeString(data.resolve("dataset.json"), "{\"format\": \"tracer-dataset/1\", ");
        CliRun r = CliRun.of("trace", "--data", data.toString(), "--address", BybitTraceTest.SEED);
        assertOneLineError(r, 2, "dataset.json", "malformed JSON");
    }

    @Test
    void truncatedFileIsAnErrorNotASilentlyShorterTrace() throws IOException {
        Path data = copyOfBybitData();
        Path csv = data.resolve("transactions.csv");
        String text = Files.readString(csv);
        Files.writeString(csv, text.substring(0, text.length() - 40));
        CliRun r = CliRun.of("trace", "--data", data.toString(), "--address", BybitTraceTest.SEED);
        assertOneLineError(r, 2, "transactions.csv:");
    }

    /** Regression: a file cut inside its last cell (block_timestamp 1741025627 read as 17410) was traced as if whole. */
    @Test
    void aFileCutInsideItsLastCellIsRefused() throws IOException {
        Path data = copyOfBybitData();
        Path csv = data.resolve("transactions.csv");
        byte[] b = Files.readAllBytes(csv);
        Files.write(csv, java.util.Arrays.copyOf(b, b.length - 6));
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("trace", "--data", data.toString(), "--address", BybitTraceTest.SEED, "--out", out.toString());
        assertOneLineError(r, 2, csv + ": no line break after the last row: the file looks cut short");
        assertThat(out).doesNotExist();
    }

    @Test
    void unknownIncident() {
        CliRun r = CliRun.of("trace", "--incident", "no-such-theft", "--fixtures", SharedData.fixtures().toString());
        assertOneLineError(r, 2, "unknown incident 'no-such-theft'", "bybit-2025");
    }

    @Test
    void missingDataDirectoryIsUnavailable() {
        CliRun r = CliRun.of("trace", "--data", tmp.resolve("nowhere").toString(), "--address", BybitTraceTest.SEED);
        assertOneLineError(r, 3, "nowhere");
    }

    @Test
    void seedWithoutTransfersInTheData() throws IOException {
        CliRun r = CliRun.of("trace", "--data", copyOfBybitData().toString(), "--address",
                "0x0000000000000000000000000000000000000001");
        assertOneLineError(r, 2, "seed 0x0000000000000000000000000000000000000001 has no transfers");
    }

    @Test
    void unknownModelAndBadTimeAreUsageErrors() throws IOException {
        Path data = copyOfBybitData();
        assertOneLineError(CliRun.of("trace", "--data", data.toString(), "--address", BybitTraceTest.SEED, "--model", "lifo"),
                2, "unknown taint model 'lifo'");
        assertOneLineError(CliRun.of("trace", "--data", data.toString(), "--address", BybitTraceTest.SEED, "--since", "yesterday"),
                2, "--since", "yesterday");
    }

    /** Regression: --top -1 was an internal error (exit 1) after the trace, with --out already written. */
    @Test
    void negativeTopIsRefusedBeforeTracing() throws IOException {
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("trace", "--data", copyOfBybitData().toString(), "--address", BybitTraceTest.SEED,
                "--top", "-1", "--out", out.toString());
        assertOneLineError(r, 2, "--top must be 0 (all) or more, got -1");
        assertThat(out).doesNotExist();
    }

    /** Regression: --out naming a file failed after the trace, as an I/O error (exit 3). */
    @Test
    void outNamingAFileIsRefusedBeforeTracing() throws IOException {
        Path file = Files.writeString(tmp.resolve("notes.txt"), "case notes\n");
        CliRun r = CliRun.of("trace", "--incident", "bybit-2025", "--out", file.toString());
        assertOneLineError(r, 2, "--out " + file + ": exists and is not a directory; nothing was written");
        assertThat(file).hasContent("case notes");
        CliRun batch = CliRun.of("batch", "--incident", "bybit-2025", "--out", file.toString());
        assertOneLineError(batch, 2, "--out " + file + ": exists and is not a directory; give a new directory");
        assertThat(file).hasContent("case notes");
    }

    @Test
    void helpListsExitCodes() {
        CliRun r = CliRun.of("trace", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Exit codes:", "2   bad usage or input", "3   data source unavailable", "--model", "--out");
    }
}
