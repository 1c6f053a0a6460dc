package dev.tracer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a batch running in a separate JVM once some incidents are finished (SIGKILL: no shutdown
 * hook, no chance to tidy up), checks that every incident directory left is complete, resumes,
 * and checks that the finished incidents were not traced again and that the result is
 * byte-identical to an uninterrupted run.
 */
class BatchKillResumeTest {
    static final int INCIDENTS = 16;

    @TempDir
    Path tmp;

    @Test
    void aKilledBatchResumesWithoutRedoingFinishedIncidents() throws Exception {
        Path fixtures = tmp.resolve("fixtures");
        for (int i = 0; i < INCIDENTS; i++) {
            BatchRuns.incident(fixtures, String.format("copy-%02d", i), BatchRuns.SEED, BatchRuns.bybitData().toString());
        }
        Path run = tmp.resolve("run");
        Process p = new ProcessBuilder(javaCommand("batch", "--fixtures", fixtures.toString(), "--out", run.toString(),
                "--jobs", "1"))
                .redirectErrorStream(true).redirectOutput(tmp.resolve("killed.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (finished(run).isEmpty() && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        p.destroyForcibly(); // SIGKILL
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        List<String> done = finished(run);
        assertThat(done).as("finished before the kill; log:\n" + Files.readString(tmp.resolve("killed.log")))
                .isNotEmpty().hasSizeLessThan(INCIDENTS);
        assertThat(new ObjectMapper().readTree(run.resolve("manifest.json").toFile()).get("complete").asBoolean()).isFalse();
        // nothing half-written: every visible incident directory is complete
        for (String id : done) {
            assertThat(Files.list(run.resolve(id)).count()).as(id).isEqualTo(8);
        }
        Map<String, String> before = fileKeys(run, done);

        CliRun resumed = BatchRuns.batch("--fixtures", fixtures.toString(), "--out", run.toString(), "--resume", "--jobs", "1");
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains(done.size() + " already finished (resumed)");
        for (String id : done) {
            assertThat(resumed.out()).contains(id + String.format("%" + (25 - id.length()) + "s", "") + "ok      (finished by the earlier run)");
        }
        assertThat(fileKeys(run, done)).as("finished incidents are not written again").isEqualTo(before);
        assertThat(finished(run)).hasSize(INCIDENTS);
        try (Stream<Path> s = Files.list(run)) {
            assertThat(s.filter(x -> x.getFileName().toString().startsWith(".")).toList()).as("temporary leftovers").isEmpty();
        }

        Path fresh = tmp.resolve("fresh");
        CliRun uninterrupted = BatchRuns.batch("--fixtures", fixtures.toString(), "--out", fresh.toString(), "--jobs", "2");
        assertThat(uninterrupted.code()).isZero();
        BatchRuns.assertIdentical(fresh, run);
    }

    /** Incident directories in place (hidden temporary directories are not). */
    private static List<String> finished(Path run) throws IOException {
        if (!Files.isDirectory(run)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(run)) {
            return s.filter(Files::isDirectory).map(x -> x.getFileName().toString()).filter(n -> !n.startsWith("."))
                    .sorted().toList();
        }
    }

    /** Per file of the given incidents: its inode (file key) and modification time. */
    private static Map<String, String> fileKeys(Path run, List<String> ids) throws IOException {
        Map<String, String> m = new TreeMap<>();
        for (String id : ids) {
            try (Stream<Path> s = Files.list(run.resolve(id))) {
                for (Path f : s.toList()) {
                    BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                    m.put(id + "/" + f.getFileName(), a.fileKey() + " " + a.lastModifiedTime().toMillis());
                }
            }
        }
        return m;
    }

    /** The CLI in a new JVM, on this test's class path. */
    private static List<String> javaCommand(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(args));
        return cmd;
    }
}
