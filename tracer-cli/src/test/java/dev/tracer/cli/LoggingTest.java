package dev.tracer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracer.bench.TransferDataGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Log output on stderr: warnings only by default, info with {@code -v}, in a fresh JVM each (the
 * logger reads its settings once). Regression: the command classes made their loggers when the
 * command line was built, before the level was set, so every run printed info lines
 * ("[main] INFO dev.tracer.source.etl.EtlCsvReader - …: skipped 41 failed transactions") and
 * {@code -v} changed nothing.
 */
class LoggingTest {
    @TempDir
    static Path tmp;
    static Path data;
    static String seed;

    @BeforeAll
    static void generate() throws Exception {
        data = tmp.resolve("data");
        new TransferDataGenerator(5_000, 7).write(data); // has failed transactions, which the reader logs at info
        seed = Files.readAllLines(data.resolve("transactions.csv")).get(1).split(",")[4];
    }

    static String stderr(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        Path err = Files.createTempFile(tmp, "err", ".txt");
        Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(err)).isZero();
        return Files.readString(err);
    }

    @Test
    void infoLinesOnlyWithMinusV() throws Exception {
        String quiet = stderr("trace", "--data", data.toString(), "--address", seed, "--hops", "1");
        assertThat(quiet).doesNotContain("INFO");
        String verbose = stderr("trace", "-v", "--data", data.toString(), "--address", seed, "--hops", "1");
        assertThat(verbose).contains("INFO EtlCsvReader - " + data + ": skipped ").doesNotContain("[main]");
        String clustered = stderr("trace", "--data", data.toString(), "--address", seed, "--hops", "1", "-qvv");
        assertThat(clustered).contains("DEBUG ");
    }
}
