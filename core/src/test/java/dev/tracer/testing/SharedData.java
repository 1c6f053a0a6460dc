package dev.tracer.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the workplace's {@code shared/data} (third-party data, never copied into the repo).
 * When it is absent a test is skipped with the path in its reason, unless
 * {@code TRACER_REQUIRE_SHARED=1} (as in CI), where absence is a failure.
 */
public final class SharedData {
    private SharedData() {
    }

    /** {@code shared/data/RELATIVE}, or skip/fail as above. */
    public static Path path(String relative) {
        Path root = root();
        Path p = root == null ? Path.of("../shared/data").resolve(relative) : root.resolve("data").resolve(relative);
        if (root == null || !Files.exists(p)) {
            String why = "shared data not found: " + p.toAbsolutePath().normalize();
            if ("1".equals(System.getenv("TRACER_REQUIRE_SHARED"))) {
                fail(why + " (TRACER_REQUIRE_SHARED=1)");
            }
            assumeTrue(false, why);
        }
        return p;
    }

    private static Path root() {
        String prop = System.getProperty("tracer.shared");
        if (prop != null && Files.isDirectory(Path.of(prop))) {
            return Path.of(prop);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("shared").resolve("data"))) {
                return p.resolve("shared");
            }
        }
        return null;
    }

    /** The repository's {@code fixtures/} directory. */
    public static Path fixtures() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("fixtures").resolve("incidents"))) {
                return p.resolve("fixtures");
            }
        }
        throw new IllegalStateException("fixtures/ not found above " + Path.of("").toAbsolutePath());
    }
}
