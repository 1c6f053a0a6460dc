package dev.tracer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracer.bench.TransferDataGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data larger than the heap ends with one line and exit code 5, not an internal error with a
 * stack trace, and nothing is written. Regression: {@code tracer-cli/bench} at 10M transfers with
 * a 1 GB heap ended with "Exception in thread "main" java.lang.OutOfMemoryError" and exit 1.
 */
class OutOfMemoryTest {
    @TempDir
    Path tmp;

    @Test
    void dataLargerThanTheHeapEndsWithOneLineAndCodeFive() throws Exception {
        Path data = tmp.resolve("data");
        new TransferDataGenerator(300_000, 7).write(data);
        String seed = Files.readAllLines(data.resolve("transactions.csv")).get(1).split(",")[4];
        Path out = tmp.resolve("out");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx32m");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(List.of("trace", "--data", data.toString(), "--address", seed, "--hops", "2", "--out", out.toString()));
        Path log = tmp.resolve("stderr.txt");
        Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).redirectOutput(tmp.resolve("stdout.txt").toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(log);
        assertThat(p.exitValue()).as(err).isEqualTo(ExitCodes.OUT_OF_MEMORY);
        assertThat(err.lines().toList()).as(err).singleElement().asString()
                .startsWith("tracer: out of memory (")
                .contains("max heap 32 MiB")
                .endsWith("the data needs a larger heap; run with TRACER_JAVA_OPTS=-Xmx<size> (tracer-cli/bench: TRACER_BENCH_HEAP=<size>)");
        assertThat(out).doesNotExist();
        assertThat(Files.readString(tmp.resolve("stdout.txt"))).isEmpty();
    }

    @Test
    void anOutOfMemoryErrorWrappedByAWorkerThreadIsStillCodeFive() {
        RuntimeException wrapped = new IllegalStateException("reader failed", new OutOfMemoryError("Direct buffer memory"));
        assertThat(ExitCodes.of(wrapped)).isEqualTo(ExitCodes.OUT_OF_MEMORY);
        assertThat(ExitCodes.of(new IllegalStateException("no"))).isEqualTo(ExitCodes.INTERNAL);
        assertThat(ExitCodes.outOfMemoryLine(ExitCodes.outOfMemory(wrapped), 6L << 30))
                .startsWith("out of memory (Direct buffer memory, max heap 6,144 MiB): the data needs a larger heap;");
        assertThat(ExitCodes.outOfMemoryLine(new OutOfMemoryError(), 1L << 30)).startsWith("out of memory (max heap 1,024 MiB): ");
    }
}
