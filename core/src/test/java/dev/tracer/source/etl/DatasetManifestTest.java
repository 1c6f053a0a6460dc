package dev.tracer.source.etl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracer.assets.AssetRegistry;
import dev.tracer.model.InvalidInputException;
import dev.tracer.source.Dataset;
import dev.tracer.source.FileDigest;
import dev.tracer.source.SourceException;
import dev.tracer.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dataset.json's file listing: written with the files, read back, and checked against them. */
class DatasetManifestTest {
    @TempDir
    Path tmp;

    /** The bundled Bybit data, read and written again: the same files, each listed with its size and digest. */
    @Test
    void theWriterListsEveryFileItWroteAndTheReaderChecksThem() throws IOException {
        Path bundled = SharedData.fixtures().resolve("incidents/bybit-2025/data");
        Dataset d = new EtlCsvReader(AssetRegistry.bundled()).read(bundled);
        Path again = Files.createDirectories(tmp.resolve("again"));
        new EtlCsvWriter().write(d, again);
        for (String f : new String[] {"dataset.json", "transactions.csv", "token_transfers.csv", "tokens.csv", "traces.csv"}) {
            assertThat(Files.readAllBytes(again.resolve(f))).as(f).isEqualTo(Files.readAllBytes(bundled.resolve(f)));
        }
        DatasetManifest m = DatasetManifest.read(again);
        assertThat(m.files()).containsOnlyKeys("token_transfers.csv", "tokens.csv", "traces.csv", "transactions.csv");
        assertThat(m.files().get("transactions.csv")).isEqualTo(FileDigest.of(again.resolve("transactions.csv")));
        m.verify(again);
        Files.writeString(again.resolve("tokens.csv"), "address,symbol,name,decimals\n");
        assertThatThrownBy(() -> m.verify(again)).isInstanceOf(InvalidInputException.class)
                .hasMessage(again.resolve("tokens.csv") + ": 29 bytes, but dataset.json says 1123: the file was cut short or"
                        + " changed after it was written");
        Files.delete(again.resolve("tokens.csv"));
        assertThatThrownBy(() -> m.verify(again)).isInstanceOf(SourceException.Unavailable.class)
                .hasMessageContaining("tokens.csv: missing, but dataset.json lists it");
    }

    @Test
    void aListingThatIsNotOfFilesInTheDirectoryIsRefused() throws IOException {
        String head = "{\"format\": \"tracer-dataset/1\", \"chain\": \"ethereum\", \"chain_id\": 1,"
                + " \"blocks\": {\"first\": 1, \"last\": 2}, \"coverage\": {\"every_address\": true}, \"files\": ";
        String sha = "\"" + "ab".repeat(32) + "\"";
        for (String[] c : new String[][] {
            {"{\"../etc/passwd\": {\"bytes\": 1, \"sha256\": " + sha + "}}", "files: '../etc/passwd' is not a data file of the directory"},
            {"{\"dataset.json\": {\"bytes\": 1, \"sha256\": " + sha + "}}", "files: 'dataset.json' is not a data file of the directory"},
            {"{\"a.csv\": {\"bytes\": -1, \"sha256\": " + sha + "}}", "files.a.csv: negative file size -1"},
            {"{\"a.csv\": {\"bytes\": 1, \"sha256\": \"AB\"}}", "files.a.csv: malformed SHA-256 'AB': expected 64 lower-case hex digits"},
            {"{\"a.csv\": {\"bytes\": \"1\", \"sha256\": " + sha + "}}", "files.a.csv must have bytes (a number) and sha256 (hex)"},
            {"[]", "files must be an object of file name to {bytes, sha256}"}}) {
            Path dir = Files.createDirectories(tmp.resolve("d" + c[0].hashCode()));
            Files.writeString(dir.resolve("dataset.json"), head + c[0] + "}\n");
            assertThatThrownBy(() -> DatasetManifest.read(dir)).as(c[0]).isInstanceOf(InvalidInputException.class)
                    .hasMessage(dir.resolve("dataset.json") + ": " + c[1]);
        }
    }
}
