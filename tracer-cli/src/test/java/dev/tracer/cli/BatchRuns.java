package dev.tracer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracer.testing.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Helpers for batch tests: test catalogues made of copies of the bundled Bybit incident, and run comparisons. */
final class BatchRuns {
    static final String SEED = "0x47666Fab8bd0Ac7003bce3f5C3585383F09486E2";

    private BatchRuns() {
    }

    static Path bybitData() {
        return SharedData.fixtures().resolve("incidents/bybit-2025/data").toAbsolutePath();
    }

    /** Writes {@code fixtures/incidents/ID/incident.json} with one seed and {@code data} (a path, or null for none). */
    static void incident(Path fixtures, String id, String seed, String data) {
        Path dir = fixtures.resolve("incidents").resolve(id);
        String json = "{\n  \"id\": \"" + id + "\",\n  \"name\": \"test copy of the Bybit theft\",\n  \"date\": \"2025-02-21\",\n"
                + "  \"chains\": [\"ethereum\"],\n  \"seeds\": [{\"chain\": \"ethereum\", \"address\": \"" + seed + "\"}],\n"
                + "  \"data\": " + (data == null ? "null" : "\"" + data.replace("\\", "\\\\") + "\"") + ",\n  \"sources\": []\n}\n";
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("incident.json"), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every regular file under {@code dir}, by relative path, with its bytes. */
    static Map<String, byte[]> files(Path dir) {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                m.put(dir.relativize(p).toString(), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }

    /** Asserts the two run directories hold the same files with the same bytes. */
    static void assertIdentical(Path a, Path b) {
        Map<String, byte[]> x = files(a);
        Map<String, byte[]> y = files(b);
        assertThat(y.keySet()).isEqualTo(x.keySet());
        for (String name : x.keySet()) {
            assertThat(y.get(name)).as(name).isEqualTo(x.get(name));
        }
    }

    static CliRun batch(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("batch"));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }
}
