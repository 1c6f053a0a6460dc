package dev.tracer.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracer.model.Address;
import dev.tracer.model.Chain;
import dev.tracer.model.InvalidInputException;
import dev.tracer.source.FileDigest;
import dev.tracer.testing.SharedData;
import dev.tracer.trace.Direction;
import dev.tracer.trace.Seed;
import dev.tracer.trace.TracePolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batch runner in-process: outcomes, the memory budget's admission rule, and output independent of threads and budget. */
class BatchRunnerTest {
    static final Seed SEED = Seed.address(Address.parse(Chain.ETHEREUM, "0x47666fab8bd0ac7003bce3f5c3585383f09486e2"));

    @TempDir
    Path tmp;

    static BatchPlan plan(List<BatchJob> jobs) {
        return new BatchPlan("tracer test", "haircut", Direction.FORWARD, TracePolicy.builder().build(),
                Optional.of(Duration.ofHours(24)), Optional.empty(), LabelSource.csv(List.of()), jobs);
    }

    static List<BatchJob> jobs() {
        Path data = SharedData.fixtures().resolve("incidents/bybit-2025/data");
        List<BatchJob> jobs = new ArrayList<>();
        for (String id : List.of("c", "a", "b")) {
            jobs.add(new BatchJob(id, "copy " + id, List.of(SEED), JobData.directory(data)));
        }
        jobs.add(new BatchJob("skip", "no data", List.of(SEED), JobData.skipped("no bundled data")));
        jobs.add(new BatchJob("missing", "no data, asked for", List.of(SEED), JobData.missing("asked for, has no data")));
        return jobs;
    }

    /** Counts incidents in progress at once. */
    static final class Concurrency implements BatchListener {
        final AtomicInteger now = new AtomicInteger();
        final AtomicInteger max = new AtomicInteger();
        final AtomicInteger finished = new AtomicInteger();

        @Override
        public void started(String id) {
            max.accumulateAndGet(now.incrementAndGet(), Math::max);
        }

        @Override
        public void finished(IncidentOutcome o, int done, int total) {
            if (o.status() != IncidentOutcome.Status.SKIPPED) { // a skipped job never starts
                now.decrementAndGet();
            }
            finished.incrementAndGet();
            assertThat(total).isEqualTo(5);
        }
    }

    @Test
    void outcomesInIdOrderAndOutputIndependentOfThreadsAndBudget() {
        Concurrency serial = new Concurrency();
        BatchOutcome one = BatchRunner.builder().plan(plan(jobs())).runDir(tmp.resolve("one")).threads(3)
                .memoryBudget(1024 * 1024).listener(serial).build().run();
        assertThat(one.incidents()).extracting(i -> i.id() + "=" + i.status())
                .containsExactly("a=OK", "b=OK", "c=OK", "missing=FAILED", "skip=SKIPPED");
        assertThat(one.incidents().get(3).problem()).isEqualTo(IncidentOutcome.Problem.BAD_INPUT);
        assertThat(one.incidents().get(3).reason()).isEqualTo("asked for, has no data");
        assertThat(serial.max.get()).as("a 1 MiB budget admits one incident at a time").isEqualTo(1);
        assertThat(serial.finished.get()).isEqualTo(5);

        BatchOutcome many = BatchRunner.builder().plan(plan(jobs())).runDir(tmp.resolve("many")).threads(3)
                .memoryBudget(Long.MAX_VALUE / 2).build().run();
        assertThat(many.incidents()).isEqualTo(one.incidents());
        assertThat(files(tmp.resolve("many"))).isEqualTo(files(tmp.resolve("one")));
    }

    @Test
    void resumeRequiresTheSameInputs() {
        BatchRunner.builder().plan(plan(jobs().subList(0, 1))).runDir(tmp.resolve("r")).build().run();
        BatchPlan other = new BatchPlan("tracer test", "fifo", Direction.FORWARD, TracePolicy.builder().build(),
                Optional.empty(), Optional.empty(), LabelSource.csv(List.of()), jobs().subList(0, 1));
        assertThatThrownBy(() -> BatchRunner.builder().plan(other).runDir(tmp.resolve("r")).resume(true).build().run())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("policy differ");
        // a directory that is not there is unavailable (exit 3), as any missing input; one without a manifest is bad input
        assertThatThrownBy(() -> BatchRunner.builder().plan(other).runDir(tmp.resolve("nothing")).resume(true).build().run())
                .isInstanceOf(dev.tracer.source.SourceException.Unavailable.class).hasMessage(tmp.resolve("nothing") + ": no such directory");
        assertThatThrownBy(() -> BatchRunner.builder().plan(other).runDir(tmp).resume(true).build().run())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no manifest.json");
    }

    @Test
    void plansAndJobsFailFast() {
        assertThatThrownBy(() -> new BatchJob("../escape", "t", List.of(SEED), JobData.skipped("x")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not a safe directory name");
        List<BatchJob> twice = List.of(jobs().get(0), jobs().get(0));
        assertThatThrownBy(() -> plan(twice)).isInstanceOf(InvalidInputException.class).hasMessageContaining("given twice");
        assertThatThrownBy(() -> plan(List.of())).isInstanceOf(InvalidInputException.class).hasMessageContaining("nothing to trace");
        assertThatThrownBy(() -> BatchRunner.builder().threads(0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> BatchRunner.builder().build()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theMemoryBudgetAdmitsWhatFitsAndAnOversizedJobAlone() throws Exception {
        MemoryBudget b = new MemoryBudget(100);
        b.acquire(60);
        Thread second = new Thread(() -> {
            try {
                b.acquire(60);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        second.start();
        second.join(200);
        assertThat(second.isAlive()).as("60 + 60 > 100: the second job waits").isTrue();
        b.release(60);
        second.join(5000);
        assertThat(second.isAlive()).isFalse();
        b.release(60);
        b.acquire(500); // larger than the budget, nothing running: admitted
        b.release(500);
    }

    private static Map<String, String> files(Path dir) {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                m.put(dir.relativize(p).toString(), FileDigest.of(p).sha256());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }
}
