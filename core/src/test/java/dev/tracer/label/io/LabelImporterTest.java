package dev.tracer.label.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracer.label.Label;
import dev.tracer.label.LabelPack;
import dev.tracer.label.LabelPacks;
import dev.tracer.label.LabelStore;
import dev.tracer.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole of shared/data/labels, imported into packs and read back. */
class LabelImporterTest {
    static LabelImporter.Result result;

    @TempDir
    Path tmp;

    @BeforeAll
    static void importAll() {
        result = new LabelImporter().read(SharedData.path("labels"), Optional.of(SharedData.path("PROVENANCE.md")));
    }

    static LabelPack pack(String name) {
        return result.packs().stream().map(LabelImporter.Pack::pack).filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void onePackPerSourceFileWithItsProvenanceAndCounts() {
        assertThat(result.packs()).hasSize(49);
        assertThat(result.labels()).isEqualTo(45123);
        assertThat(result.packs()).extracting(p -> p.pack().name()).isSorted();
        LabelPack ronin = pack("tagpacks/ronin_bridge");
        assertThat(ronin.file()).isEqualTo("tagpacks/ronin_bridge.csv");
        assertThat(ronin.sourceFile()).isEqualTo("labels/tagpacks/ronin_bridge.yaml");
        assertThat(ronin.sourceFormat()).isEqualTo("graphsense-tagpack");
        assertThat(ronin.description()).isEqualTo("Ronin bridge hack");
        assertThat(ronin.provenance()).isEqualTo("graphsense/graphsense-tagpacks, packs/ @ 29ff93c8");
        assertThat(ronin.licence()).isEqualTo("MIT");
        assertThat(ronin.byCategory()).containsExactly(java.util.Map.entry("theft", 6));
        LabelPack usdt = pack("ofac/sanctioned_addresses_USDT");
        assertThat(usdt.licence()).isEqualTo("data: US government, public domain");
        assertThat(usdt.byChain()).containsExactly(java.util.Map.entry("bitcoin", 7), java.util.Map.entry("ethereum", 8));
        assertThat(pack("tagpacks/samourai").file()).isEqualTo("tagpacks/samourai.csv");
        // github-tagged-addresses.csv has a header and comments only
        assertThat(result.empty()).containsExactly("labels/btc-entities/github-tagged-addresses.csv: 0 entries, no label");
        assertThat(result.ignored()).isEmpty();
    }

    @Test
    void writtenPacksReadBackAsTheSameLabelsAndTwoImportsAreByteIdentical() throws IOException {
        Path a = Files.createDirectory(tmp.resolve("a"));
        Path b = Files.createDirectory(tmp.resolve("b"));
        LabelImporter.write(result, a);
        LabelImporter.write(new LabelImporter().read(SharedData.path("labels"), Optional.of(SharedData.path("PROVENANCE.md"))), b);
        List<Path> files = files(a);
        assertThat(files).hasSize(49 + 2).contains(Path.of("packs.json"), Path.of("README.md"));
        assertThat(files(b)).isEqualTo(files);
        for (Path f : files) {
            assertThat(Files.readAllBytes(b.resolve(f))).as(f.toString()).isEqualTo(Files.readAllBytes(a.resolve(f)));
        }
        LabelStore store = LabelPacks.read(a).load();
        assertThat(store.size()).isEqualTo(45123);
        java.util.Set<Label> loaded = new java.util.HashSet<>(store.all());
        for (LabelImporter.Pack p : result.packs()) {
            List<Label> inPack = p.labels().stream().map(l -> l.inPack(p.pack().name())).toList();
            assertThat(inPack).as(p.pack().name()).allMatch(loaded::contains);
        }
    }

    @Test
    void aPackAboveTheThresholdIsGzippedAndReadTransparently() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("gz"));
        LabelImporter.Result r = new LabelImporter(100_000).read(SharedData.path("labels"), Optional.empty());
        LabelImporter.write(r, dir);
        assertThat(dir.resolve("tagpacks/samourai.csv.gz")).exists();
        assertThat(dir.resolve("tagpacks/samourai.csv")).doesNotExist();
        assertThat(dir.resolve("tagpacks/ronin_bridge.csv")).exists();
        LabelPack samourai = r.packs().stream().map(LabelImporter.Pack::pack).filter(p -> p.name().equals("tagpacks/samourai"))
                .findFirst().orElseThrow();
        assertThat(samourai.provenance()).isEmpty();
        LabelStore store = LabelPacks.read(dir).load();
        assertThat(store.size()).isEqualTo(45123);
        assertThat(store.labels(dev.tracer.model.Address.parse(dev.tracer.model.Chain.BITCOIN,
                "bc1q000xx03wpr69dx7pyetfmwdlk9je0wcg4tudkr"))).singleElement()
                .satisfies(l -> assertThat(l.pack()).isEqualTo("tagpacks/samourai"));
    }

    static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
        }
    }
}
