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

    /**
     * The reader takes the digests while it parses the files. A file edited after it was written,
     * to the same size, is refused by its digest whether or not the edit also broke a row: the
     * change is the cause, so that is what the error names (the row's error rides along).
     */
    @Test
    void theReaderChecksDigestsWhileItParsesAndNamesTheChangeFirst() throws IOException {
        Path bundled = SharedData.fixtures().resolve("incidents/bybit-2025/data");
        Path dir = Files.createDirectories(tmp.resolve("edited"));
        for (String f : new String[] {"dataset.json", "transactions.csv", "token_transfers.csv", "tokens.csv", "traces.csv"}) {
            Files.copy(bundled.resolve(f), dir.resolve(f));
        }
        EtlCsvReader reader = new EtlCsvReader(AssetRegistry.bundled());
        assertThat(reader.read(dir).graph().edgeCount()).isEqualTo(reader.read(bundled).graph().edgeCount());
        Path csv = dir.resolve("transactions.csv");
        String text = Files.readString(csv);
        // one digit of the first value changed: still a valid row, so only the digest shows it
        Files.writeString(csv, text.replaceFirst(",1000000000000000000,", ",2000000000000000000,"));
        assertThatThrownBy(() -> reader.read(dir)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(csv + ": SHA-256 ").hasMessageEndingWith(": the file changed after it was written")
                .satisfies(e -> assertThat(e.getSuppressed()).isEmpty());
        // one hex digit of the first sender made 'g': a malformed row, and a changed file
        Files.writeString(csv, text.replaceFirst(",0x47666fab8bd0", ",0x47666fab8bdg"));
        assertThatThrownBy(() -> reader.read(dir)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(csv + ": SHA-256 ")
                .satisfies(e -> assertThat(e.getSuppressed()).singleElement().asString().contains(csv + ":2: "));
        Files.writeString(csv, text);
        assertThat(reader.read(dir).graph().edgeCount()).isEqualTo(reader.read(bundled).graph().edgeCount());
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
