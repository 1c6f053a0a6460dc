package dev.tracer.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracer.model.InvalidInputException;
import dev.tracer.source.SourceException;
import dev.tracer.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelPacksTest {
    @TempDir
    Path tmp;

    /** A copy of the bundled ronin_bridge pack and an index listing only it, as {@code index} says. */
    Path oneRealPack(String index) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("labels/tagpacks"));
        Files.copy(SharedData.fixtures().resolve("labels/tagpacks/ronin_bridge.csv"), dir.resolve("ronin_bridge.csv"));
        Files.writeString(tmp.resolve("labels/packs.json"), index);
        return tmp.resolve("labels");
    }

    static String index(String file, int labels) {
        return "{\"format\": \"tracer-label-packs/1\", \"packs\": [{\"name\": \"tagpacks/ronin_bridge\", \"file\": \""
                + file + "\", \"labels\": " + labels + "}]}";
    }

    @Test
    void theIndexListsPacksAndLoadsThem() throws IOException {
        LabelPacks p = LabelPacks.read(oneRealPack(index("tagpacks/ronin_bridge.csv", 6)));
        assertThat(p.packs()).singleElement().satisfies(x -> assertThat(x.name()).isEqualTo("tagpacks/ronin_bridge"));
        assertThat(p.load().size()).isEqualTo(6);
    }

    @Test
    void aPackHoldingOtherThanItsCountIsAnError() throws IOException {
        Path dir = oneRealPack(index("tagpacks/ronin_bridge.csv", 7));
        assertThatThrownBy(() -> LabelPacks.read(dir).load()).isInstanceOf(InvalidInputException.class)
                .hasMessage(dir.resolve("tagpacks/ronin_bridge.csv") + ": holds 6 labels, " + dir.resolve("packs.json") + " says 7");
    }

    @Test
    void loadingOneChainSkipsPacksAndRowsOfOthers() {
        LabelPacks bundled = LabelPacks.read(SharedData.fixtures().resolve("labels"));
        LabelStore eth = bundled.load(dev.tracer.model.Chain.ETHEREUM);
        assertThat(eth.size()).isEqualTo(bundled.packs().stream().mapToInt(p -> p.byChain().getOrDefault("ethereum", 0)).sum())
                .isEqualTo(2687);
        assertThat(eth.all()).allMatch(l -> l.address().chain().equals(dev.tracer.model.Chain.ETHEREUM));
    }

    @Test
    void aPackFileOutsideTheDirectoryIsRefused() throws IOException {
        Path dir = oneRealPack(index("../../etc/passwd.csv", 6));
        assertThatThrownBy(() -> LabelPacks.read(dir)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("packs.json: pack file '../../etc/passwd.csv' must be a relative .csv or .csv.gz path");
    }

    @Test
    void aMissingIndexIsUnavailableAndAMalformedOneIsBadInput() throws IOException {
        assertThatThrownBy(() -> LabelPacks.read(tmp)).isInstanceOf(SourceException.Unavailable.class)
                .hasMessageContaining("packs.json: no such file");
        Path dir = oneRealPack("{\"format\": \"tracer-label-packs/1\", \"packs\": [");
        assertThatThrownBy(() -> LabelPacks.read(dir)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("packs.json:1: malformed JSON: Unexpected end-of-input").hasMessageNotContaining("Source");
    }

    @Test
    void theIndexIsDeterministicJson() {
        LabelPacks bundled = LabelPacks.read(SharedData.fixtures().resolve("labels"));
        String again = LabelPacks.toJson(bundled.packs());
        assertThat(again).isEqualTo(readIndex());
    }

    static String readIndex() {
        try {
            return Files.readString(SharedData.fixtures().resolve("labels/packs.json"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
