package dev.tracer.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracer.incident.IncidentCatalog;
import dev.tracer.model.InvalidInputException;
import dev.tracer.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedFileTest {
    @TempDir
    Path tmp;

    final IncidentCatalog catalog = IncidentCatalog.read(SharedData.fixtures().resolve("incidents"));

    @Test
    void groupsRowsByIdAndResolvesDataRelativeToTheFile() throws Exception {
        Path f = tmp.resolve("seeds.csv");
        Files.writeString(f, """
                id,chain,seed,data
                mine,ethereum,0x47666Fab8bd0Ac7003bce3f5C3585383F09486E2,my-data
                mine,ethereum,0xdd5cd734d4d67ff5af7e53cdd72c26d4d7d28d08c8f0ff32d12ab3e2a277e4bc,my-data
                bybit-2025,ethereum,0xa4b2fd68593b6f34e51cb9edb66e71c1b4ab449e,
                """);
        List<BatchJob> jobs = SeedFile.read(f, catalog);
        assertThat(jobs).extracting(BatchJob::id).containsExactly("mine", "bybit-2025");
        assertThat(jobs.get(0).seeds()).hasSize(2);
        assertThat(jobs.get(0).seeds().get(1).tx()).isPresent();
        assertThat(jobs.get(0).data().toString()).isEqualTo(tmp.resolve("my-data").toString());
        assertThat(jobs.get(1).data().files()).containsKey("dataset.json");
        assertThat(jobs.get(1).title()).startsWith("bybit-2025: Bybit");
    }

    @Test
    void errorsNameTheFileAndLine() throws Exception {
        Path f = tmp.resolve("bad.csv");
        Files.writeString(f, "id,chain,seed\nx,ethereum,0x47666Fab8bd0Ac7003bce3f5C3585383F09486E3\n");
        assertThatThrownBy(() -> SeedFile.read(f, catalog)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(f + ":2: bad EIP-55 checksum");
        Files.writeString(f, "id,chain,seed\nunknown,ethereum,0x47666fab8bd0ac7003bce3f5c3585383f09486e2\n");
        assertThatThrownBy(() -> SeedFile.read(f, catalog)).isInstanceOf(InvalidInputException.class)
                .hasMessage(f + ":2: incident 'unknown' has no data directory and is not in the catalogue");
    }

    /**
     * Regression: rows of one id on two chains made one job that failed with "seed ... has no
     * transfers in the data"; ids differing only in case wrote two directories that are one on
     * macOS and Windows.
     */
    @Test
    void anIdsRowsAreOnOneChainAndIdsDifferInMoreThanCase() throws Exception {
        Path f = tmp.resolve("seeds.csv");
        Files.writeString(f, """
                id,chain,seed,data
                x,ethereum,0x47666Fab8bd0Ac7003bce3f5C3585383F09486E2,d
                x,bitcoin,1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa,d
                """);
        assertThatThrownBy(() -> SeedFile.read(f, catalog)).isInstanceOf(InvalidInputException.class)
                .hasMessage(f + ":3: incident 'x' has seeds on two chains: ethereum (line 2) and bitcoin; one incident's data is one chain");
        Files.writeString(f, """
                id,chain,seed,data
                Lazarus-1,ethereum,0x47666Fab8bd0Ac7003bce3f5C3585383F09486E2,d
                lazarus-1,ethereum,0x47666Fab8bd0Ac7003bce3f5C3585383F09486E2,d
                """);
        assertThatThrownBy(() -> SeedFile.read(f, catalog)).isInstanceOf(InvalidInputException.class)
                .hasMessage(f + ":3: incident id 'lazarus-1' differs from 'Lazarus-1' (line 2) only in case:"
                        + " their directories would be one on case-insensitive file systems");
    }
}
