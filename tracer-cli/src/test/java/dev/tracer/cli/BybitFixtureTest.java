package dev.tracer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracer.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled fixture is exactly what the project's own import command writes from the raw
 * explorer exports in shared/data (the command in fixtures/incidents/bybit-2025/README.md).
 */
class BybitFixtureTest {
    static final String DESCRIPTION = "Bybit theft 2025: complete outflows of five addresses on Ethereum mainnet,"
            + " imported by 'tracer import explorer-csv' from explorer account-API exports";

    @TempDir
    Path tmp;

    @Test
    void reImportGivesTheCommittedFilesByteForByte() throws IOException {
        Path raw = SharedData.path("ethereum/bybit-2025");
        Path out = tmp.resolve("data");
        CliRun r = CliRun.of("import", "explorer-csv", "--chain", "ethereum", "--out", out.toString(),
                "--description", DESCRIPTION,
                "0x47666Fab8bd0Ac7003bce3f5C3585383F09486E2=" + raw.resolve("hop1.csv"),
                "0xa4b2fd68593b6f34e51cb9edb66e71c1b4ab449e=" + raw.resolve("hop2.csv"),
                "0xdd90071d52f20e85c89802e5dc1ec0a7b6475f92=" + raw.resolve("hop3.csv"),
                "0xf302572594a68aa8f951fae64ed3ae7da41c72be=" + raw.resolve("hop4.csv"),
                "0x327ffe25f330d2d809106ace581099ad1af9ba23=" + raw.resolve("hop5.csv"));
        assertThat(r.code()).as(r.err()).isZero();
        // the exports repeat five rows exactly, all of a fake token (spam events): no warning
        assertThat(r.err()).doesNotContain("warning");
        assertThat(r.out()).contains("hop1.csv: 255 rows", "hop2.csv: 43 rows", "hop3.csv: 284 rows",
                "hop4.csv: 147 rows", "hop5.csv: 65 rows", "794 transfers", "blocks 21895319..22192129");
        Path committed = SharedData.fixtures().resolve("incidents/bybit-2025/data");
        List<String> names;
        try (Stream<Path> s = Files.list(committed)) {
            names = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted().toList()).isEqualTo(names);
        }
        for (String n : names) {
            assertThat(Files.readAllBytes(out.resolve(n))).as(n).isEqualTo(Files.readAllBytes(committed.resolve(n)));
        }
    }

    /**
     * Regression: a row of a genuine asset listed twice (as an export stitched from overlapping
     * API pages lists it) was imported silently, counting its amount twice.
     */
    @Test
    void aRepeatedRowOfAGenuineAssetIsReported() throws IOException {
        List<String> lines = Files.readAllLines(SharedData.path("ethereum/bybit-2025/hop2.csv"));
        List<String> doubled = new java.util.ArrayList<>(lines);
        doubled.add(lines.get(1));
        Path f = tmp.resolve("hop2-doubled.csv");
        Files.write(f, doubled);
        CliRun r = CliRun.of("import", "explorer-csv", "--out", tmp.resolve("d").toString(),
                "0xa4b2fd68593b6f34e51cb9edb66e71c1b4ab449e=" + f);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).startsWith("tracer: warning: " + f + ":" + doubled.size() + " repeats line 2 (transaction 0x")
                .endsWith(": both kept; if the export's pages overlap, remove it\n").hasLineCount(1);
        assertThat(r.out()).contains("hop2-doubled.csv: " + (doubled.size() - 1) + " rows");
    }

    /** Regression: an amount above 2^256 - 1 base units, which no transfer can carry, was imported. */
    @Test
    void anAmountNoTransferCanCarryIsRefused() throws IOException {
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(SharedData.path("ethereum/bybit-2025/hop2.csv")));
        lines.set(2, lines.get(2).replace(",9980.0,", ",1" + "0".repeat(80) + ",")); // 10^80 ETH
        Path f = Files.write(tmp.resolve("hop2-huge.csv"), lines);
        Path out = tmp.resolve("d");
        CliRun r = CliRun.of("import", "explorer-csv", "--out", out.toString(), "0xa4b2fd68593b6f34e51cb9edb66e71c1b4ab449e=" + f);
        BadInputTest.assertOneLineError(r, 2, f + ":3: amount '1" + "0".repeat(80) + "' exceeds 2^256 - 1 base units");
        assertThat(out).doesNotExist();
    }

    /**
     * Regression: --out naming a file, or a directory of the user's own files, replaced it with
     * the dataset, deleting what was there. Only a dataset directory (or an empty one) is replaced.
     */
    @Test
    void importReplacesADatasetButNeverAFileOrADirectoryOfOtherFiles() throws IOException {
        String seed = "0x47666Fab8bd0Ac7003bce3f5C3585383F09486E2=" + SharedData.path("ethereum/bybit-2025/hop1.csv");
        Path notes = Files.writeString(tmp.resolve("notes.txt"), "case notes\n");
        BadInputTest.assertOneLineError(CliRun.of("import", "explorer-csv", "--out", notes.toString(), seed), 2,
                "--out " + notes + ": exists and is not a directory; nothing was written");
        assertThat(notes).hasContent("case notes");
        Path docs = Files.createDirectories(tmp.resolve("docs"));
        Files.writeString(docs.resolve("thesis.txt"), "keep me\n");
        BadInputTest.assertOneLineError(CliRun.of("import", "explorer-csv", "--out", docs.toString(), seed), 2,
                "--out " + docs + ": holds other files (thesis.txt) and no dataset.json, so it is not a dataset written by"
                        + " 'tracer import' to replace; give a new or empty directory (nothing was written)");
        assertThat(docs.resolve("thesis.txt")).hasContent("keep me");
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertThat(CliRun.of("import", "explorer-csv", "--out", empty.toString(), seed).code()).isZero();
        assertThat(empty.resolve("dataset.json")).exists();
        CliRun again = CliRun.of("import", "explorer-csv", "--out", empty.toString(), seed); // a dataset now: replaced
        assertThat(again.code()).as(again.err()).isZero();
        // an export kept inside the dataset directory would be deleted with it
        Path inside = Files.copy(SharedData.path("ethereum/bybit-2025/hop1.csv"), empty.resolve("hop1.csv"));
        BadInputTest.assertOneLineError(CliRun.of("import", "explorer-csv", "--out", empty.toString(),
                "0x47666Fab8bd0Ac7003bce3f5C3585383F09486E2=" + inside), 2,
                "--out " + empty + ": holds the input " + inside + ", which replacing the directory would delete");
        assertThat(inside).exists();
    }

    @Test
    void importRefusesABadSenderAndWritesNothing() {
        Path out = tmp.resolve("bad");
        CliRun r = CliRun.of("import", "explorer-csv", "--out", out.toString(),
                "0x47666fab8bd0Ac7003bce3f5C3585383F09486E2=" + SharedData.path("ethereum/bybit-2025/hop1.csv"));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("checksum").hasLineCount(1);
        assertThat(out).doesNotExist();
    }
}
