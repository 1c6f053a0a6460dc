package dev.tracer.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracer.label.Category;
import dev.tracer.label.Label;
import dev.tracer.label.LabelStore;
import dev.tracer.model.InvalidInputException;
import dev.tracer.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled catalogue (fixtures/incidents): it loads, every seed parses, and every seed and
 * every cited URL comes from the shared data rather than from anyone's memory.
 */
class IncidentCatalogTest {
    static IncidentCatalog catalog;
    static LabelStore labels;

    @TempDir
    Path tmp;

    @BeforeAll
    static void load() {
        catalog = IncidentCatalog.read(SharedData.fixtures().resolve("incidents"));
        labels = LabelStore.bundled(SharedData.fixtures());
    }

    @Test
    void theCatalogueHoldsTheIssuesIncidentsAndTheTheftsTheLabelPacksDocument() {
        List<String> ids = catalog.incidents().stream().map(Incident::id).toList();
        assertThat(ids).isSorted().hasSize(26).contains("bybit-2025", "ronin-2022", "harmony-2022", "atomic-wallet-2023",
                "stake-2023", "coinex-2023", "binance-hack", "dprk-funds-fbi", "bitfinex-hack", "zaif-hack");
        Incident ronin = catalog.get("ronin-2022");
        assertThat(ronin.seeds()).hasSize(6);
        assertThat(ronin.seeds().get(0).address().value()).isEqualTo("0x098b716b8aaf21512996dc57eb0615e2383e2f96");
        assertThat(ronin.date()).isEmpty();
        assertThat(ronin.data()).isEmpty();
        assertThat(catalog.get("bitfinex-hack").seeds()).hasSize(99);
        assertThat(catalog.get("binance-hack").seeds()).hasSize(44);
    }

    @Test
    void everySeedHasALabelFromTheSourceTheIncidentCites() {
        for (Incident i : catalog.incidents()) {
            if (i.id().equals("bybit-2025")) {
                continue; // its seed is documented in shared/data/README.md, checked below
            }
            Set<String> urls = i.sources().stream().map(Incident.Source::url).filter(u -> !u.isEmpty()).collect(Collectors.toSet());
            for (Incident.SeedAddress s : i.seeds()) {
                // a theft or sanctions tag for this address, whose source the incident cites and the seed's note names
                List<Label> cited = labels.labels(s.address()).stream()
                        .filter(l -> urls.contains(l.source()) && l.pack().startsWith("tagpacks/") && s.note().contains(l.source()))
                        .filter(l -> l.category() == Category.THEFT || l.category() == Category.SANCTIONED)
                        .toList();
                assertThat(cited).as("%s seed %s", i.id(), s.address()).isNotEmpty();
            }
        }
    }

    @Test
    void bybitsSeedIsTheOneTheSharedDataDescribes() throws IOException {
        String readme = Files.readString(SharedData.path("README.md"));
        Incident bybit = catalog.get("bybit-2025");
        assertThat(bybit.seeds()).singleElement().satisfies(s ->
                assertThat(readme).contains(s.address().display() + " (the Bybit exploiter address"));
        assertThat(bybit.data()).isPresent();
    }

    @Test
    void everyCitedUrlAppearsInTheSharedLabelData() throws IOException {
        Set<String> text = new HashSet<>();
        try (Stream<Path> s = Files.walk(SharedData.path("labels"))) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                text.add(Files.readString(p));
            }
        }
        for (Incident i : catalog.incidents()) {
            if (i.id().equals("bybit-2025")) {
                continue; // catalogued before this rule, from the FBI notice
            }
            for (Incident.Source src : i.sources()) {
                if (!src.url().isEmpty()) {
                    assertThat(text).as("%s cites %s", i.id(), src.url()).anyMatch(t -> t.contains(src.url()));
                }
            }
        }
    }

    @Test
    void incidentsWithoutADocumentedSeedSaySoAndClaimNothing() {
        for (String id : List.of("harmony-2022", "atomic-wallet-2023", "stake-2023", "coinex-2023")) {
            Incident i = catalog.get(id);
            assertThat(i.seeds()).as(id).isEmpty();
            assertThat(i.data()).as(id).isEmpty();
            assertThat(i.date()).as(id).isEmpty();
            assertThat(List.of(i.amountStolen(), i.attribution())).as(id).containsOnly(IncidentCatalog.UNKNOWN);
            assertThat(i.notes()).as(id).contains("No bundled source documents a seed address");
        }
        // only dates a source states: Bybit's, from shared/data/README.md
        assertThat(catalog.incidents().stream().filter(i -> i.date().isPresent()).map(Incident::id)).containsExactly("bybit-2025");
    }

    @Test
    void aDateThatIsNeitherADayNorUnknownIsAnError() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("x-2022"));
        Files.writeString(dir.resolve("incident.json"), "{\"id\": \"x-2022\", \"name\": \"X\", \"date\": \"March 2022\","
                + " \"seeds\": [], \"data\": null, \"sources\": []}");
        assertThatThrownBy(() -> IncidentCatalog.read(tmp)).isInstanceOf(InvalidInputException.class)
                .hasMessage(dir.resolve("incident.json") + ": malformed date 'March 2022' (a YYYY-MM-DD date or 'unknown')");
    }

    @Test
    void aSeedWithABadChecksumIsAnErrorNamingTheFile() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("x-2022"));
        Files.writeString(dir.resolve("incident.json"), Files.readString(SharedData.fixtures().resolve("incidents/ronin-2022/incident.json"))
                .replace("\"ronin-2022\"", "\"x-2022\"").replace("0x098B716B8Aaf21512996dC57EB0615e2383E2f96",
                        "0x098b716B8Aaf21512996dC57EB0615e2383E2f96"));
        assertThatThrownBy(() -> IncidentCatalog.read(tmp)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(dir.resolve("incident.json") + ": bad EIP-55 checksum");
    }
}
