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
 * The bundled label packs are exactly what the project's own import command writes from the
 * third-party label files in shared/data (the command in fixtures/labels/README.md).
 */
class LabelPacksFixtureTest {
    @TempDir
    Path tmp;

    @Test
    void reImportGivesTheCommittedFilesByteForByte() throws IOException {
        Path out = tmp.resolve("labels");
        CliRun r = CliRun.of("labels", "import", "--from", SharedData.path("labels").toString(),
                "--provenance", SharedData.path("PROVENANCE.md").toString(), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("tagpacks/ronin_bridge: 6 labels from 6 entries of labels/tagpacks/ronin_bridge.yaml\n",
                "ofac/sanctioned_addresses_XBT: 434 labels from 435 entries of labels/ofac/sanctioned_addresses_XBT.txt (skipped invalid_address 1)\n",
                "no pack: labels/btc-entities/github-tagged-addresses.csv: 0 entries, no label\n",
                "Wrote " + out + ": 49 packs, 45123 labels (42436 bitcoin, 2687 ethereum)\n");
        // warnings name file and line, one per line, on stderr
        assertThat(r.err()).contains("warning: labels/ofac/sanctioned_addresses_XBT.txt:355: line 355: malformed Bitcoin address"
                + " 'TUCsTq7TofTCJRRoHk6RvhMoS2mJLm5Yzq'");
        assertThat(r.err().lines()).allMatch(l -> l.startsWith("tracer: warning: labels/"));
        Path committed = SharedData.fixtures().resolve("labels");
        List<Path> names = files(committed);
        assertThat(names).contains(Path.of("packs.json"), Path.of("README.md"), Path.of("tagpacks/samourai.csv"));
        assertThat(files(out)).isEqualTo(names);
        for (Path n : names) {
            assertThat(Files.readAllBytes(out.resolve(n))).as(n.toString()).isEqualTo(Files.readAllBytes(committed.resolve(n)));
        }
    }

    @Test
    void aMalformedSourceFailsTheImportAndWritesNothing() throws IOException {
        Path src = Files.createDirectories(tmp.resolve("src/tagpacks"));
        Files.writeString(src.resolve("broken.yaml"), Files.readString(SharedData.path("labels/tagpacks/ronin_bridge.yaml"))
                .replace("  label: Ronin bridge exploiter 5", "  label: [Ronin bridge exploiter 5"));
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("labels", "import", "--from", tmp.resolve("src").toString(), "--out", out.toString());
        BadInputTest.assertOneLineError(r, 2, "src/tagpacks/broken.yaml:", "malformed YAML");
        assertThat(out).doesNotExist();
    }

    /** Regression: --out naming a directory of the user's own files replaced it, deleting them. */
    @Test
    void aDirectoryOfOtherFilesIsNotReplaced() throws IOException {
        Path src = Files.createDirectories(tmp.resolve("src/tagpacks"));
        Files.copy(SharedData.path("labels/tagpacks/ronin_bridge.yaml"), src.resolve("ronin_bridge.yaml"));
        Path mine = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(mine.resolve("labels.csv"), "my own labels\n");
        CliRun r = CliRun.of("labels", "import", "--from", tmp.resolve("src").toString(), "--out", mine.toString());
        BadInputTest.assertOneLineError(r, 2, "--out " + mine + ": holds other files (labels.csv) and no packs.json");
        assertThat(mine.resolve("labels.csv")).hasContent("my own labels");
        CliRun fresh = CliRun.of("labels", "import", "--from", tmp.resolve("src").toString(), "--out", tmp.resolve("packs").toString());
        assertThat(fresh.code()).as(fresh.err()).isZero();
        CliRun again = CliRun.of("labels", "import", "--from", tmp.resolve("src").toString(), "--out", tmp.resolve("packs").toString());
        assertThat(again.code()).as("a packs directory is replaced: %s", again.err()).isZero();
    }

    static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
        }
    }
}
