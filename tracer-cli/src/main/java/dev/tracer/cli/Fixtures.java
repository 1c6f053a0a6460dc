package dev.tracer.cli;

import dev.tracer.source.SourceException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the bundled fixtures directory: {@code --fixtures}, else the system property
 * {@code tracer.fixtures} (set by the {@code ./tracer} script), else the environment variable
 * {@code TRACER_FIXTURES}, else the nearest {@code fixtures/} with an {@code incidents/} folder
 * in the working directory or above it.
 */
final class Fixtures {
    private Fixtures() {
    }

    static Path locate(Path option) {
        if (option != null) {
            return option;
        }
        String prop = System.getProperty("tracer.fixtures");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        String env = System.getenv("TRACER_FIXTURES");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("fixtures").resolve("incidents"))) {
                return p.resolve("fixtures");
            }
        }
        throw new SourceException.Unavailable(
                "no fixtures directory found (give --fixtures DIR or run from the tracer checkout)", null);
    }
}
