package dev.tracer.batch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracer.assets.AssetRegistry;
import dev.tracer.incident.IncidentTracer;
import dev.tracer.label.LabelStore;
import dev.tracer.model.BlockRange;
import dev.tracer.model.InvalidInputException;
import dev.tracer.model.TracerException;
import dev.tracer.report.ReportJsonReader;
import dev.tracer.source.Dataset;
import dev.tracer.source.FileDigest;
import dev.tracer.source.SourceException;
import dev.tracer.source.etl.EtlCsvReader;
import dev.tracer.trace.Seed;
import dev.tracer.trace.TaintModel;
import dev.tracer.trace.TraceResult;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link BatchPlan} into a run directory.
 *
 * <p><b>Parallelism and memory.</b> Up to {@code threads} incidents are traced at once, and
 * only while the sum of their estimated heap ({@link JobData#estimatedBytes()}) fits in the
 * memory budget; a job waits for room, and one larger than the whole budget runs alone. So the
 * effective parallelism is min(threads, budget / estimate). Defaults (the CLI's): threads = the
 * available processors, budget = three quarters of the maximum heap.
 *
 * <p><b>Atomic per incident.</b> Each incident's files are written into a hidden temporary
 * directory beside its final one and renamed into place only when all are complete, so a run
 * killed at any moment leaves finished incidents whole and nothing else but temporary
 * directories. {@code manifest.json} is written at the start (inputs, {@code "complete": false})
 * and replaced at the end.
 *
 * <p><b>Resume.</b> With {@code resume}, the run directory's manifest must record the same
 * inputs (tool, policy, label, token and data digests, seeds); leftover temporary directories
 * are removed, incidents whose directory exists are not traced again, and the rest are. The
 * final manifest is the one an uninterrupted run writes.
 *
 * <p><b>Failures.</b> An incident that fails (a bad seed, malformed or unavailable data) is
 * recorded with its reason; the others go on. Problems with the run itself (a run directory in
 * use, a resume with other inputs) end the run with an exception before any incident is traced;
 * a malformed label file fails the incidents of the chain it is loaded for.
 */
public final class BatchRunner {
    private static final Logger LOG = LoggerFactory.getLogger(BatchRunner.class);

    private final BatchPlan plan;
    private final Path runDir;
    private final int threads;
    private final long memoryBudget;
    private final boolean resume;
    private final BatchListener listener;

    private BatchRunner(Builder b) {
        this.plan = b.plan;
        this.runDir = b.runDir.toAbsolutePath();
        this.threads = b.threads;
        this.memoryBudget = b.memoryBudget;
        this.resume = b.resume;
        this.listener = b.listener;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs the batch.
     *
     * @throws InvalidInputException when the run directory is not empty (without resume), was
     *         started with other inputs (with resume), or a label or token file is malformed
     * @throws SourceException.Unavailable when the run directory cannot be written
     */
    public BatchOutcome run() {
        RunManifest.Inputs inputs = inputs();
        prepare(inputs);
        AssetRegistry registry = plan.tokens().map(t -> AssetRegistry.bundled().withCsv(t)).orElseGet(AssetRegistry::bundled);
        Tracers tracer = new Tracers(registry);
        EtlCsvReader reader = new EtlCsvReader(registry);

        List<BatchJob> jobs = plan.jobs();
        Map<String, RunManifest.Result> results = new TreeMap<>();
        List<BatchJob> todo = new ArrayList<>();
        for (BatchJob job : jobs) {
            if (IncidentFiles.isComplete(runDir.resolve(job.id()))) {
                results.put(job.id(), finished(job));
            } else {
                todo.add(job);
            }
        }
        int n = Math.max(1, Math.min(threads, todo.size()));
        listener.starting(jobs.size(), results.size(), n, memoryBudget);
        AtomicInteger done = new AtomicInteger(results.size());
        MemoryBudget budget = new MemoryBudget(memoryBudget);
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "tracer-batch");
            t.setDaemon(true);
            return t;
        });
        try {
            Map<String, Future<RunManifest.Result>> futures = new LinkedHashMap<>();
            for (BatchJob job : todo) {
                futures.put(job.id(), pool.submit(() -> runOne(job, tracer, reader, budget,
                        r -> listener.finished(r.outcome(), done.incrementAndGet(), jobs.size()))));
            }
            for (Map.Entry<String, Future<RunManifest.Result>> f : futures.entrySet()) {
                results.put(f.getKey(), get(f.getValue()));
            }
        } finally {
            pool.shutdownNow();
        }
        List<RunManifest.Result> ordered = new ArrayList<>();
        jobs.forEach(j -> ordered.add(results.get(j.id())));
        RunManifest.write(runDir, inputs, ordered, true);
        return new BatchOutcome(ordered.stream().map(RunManifest.Result::outcome).toList(), runDir.resolve(RunManifest.FILE));
    }

    /**
     * One {@link IncidentTracer} per chain, built on first use: labels are loaded for the chain
     * an incident's data is on (a pack of Bitcoin addresses is not parsed for an Ethereum trace).
     * A malformed label file fails every incident of that chain with its message.
     */
    private final class Tracers {
        private final AssetRegistry registry;
        private final java.util.Map<dev.tracer.model.Chain, IncidentTracer> byChain = new java.util.HashMap<>();

        Tracers(AssetRegistry registry) {
            this.registry = registry;
        }

        synchronized IncidentTracer forChain(dev.tracer.model.Chain chain) {
            IncidentTracer t = byChain.get(chain);
            if (t == null) {
                LabelStore labels = plan.labels().load(registry, chain);
                IncidentTracer.Builder tb = IncidentTracer.builder().registry(registry).labels(labels)
                        .model(TaintModel.named(plan.model())).policy(plan.policy()).direction(plan.direction());
                plan.swapWindow().ifPresentOrElse(tb::swaps, tb::noSwaps);
                t = tb.build();
                byChain.put(chain, t);
            }
            return t;
        }
    }

    private static RunManifest.Result get(Future<RunManifest.Result> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TracerException("batch interrupted", e);
        } catch (ExecutionException e) {
            throw new TracerException("batch worker failed: " + e.getCause(), e.getCause());
        }
    }

    private RunManifest.Inputs inputs() {
        List<RunManifest.JobInputs> jobs = new ArrayList<>();
        for (BatchJob j : plan.jobs()) {
            jobs.add(new RunManifest.JobInputs(j.id(), j.seeds().stream().map(Seed::toString).toList(),
                    digests(j.data().files()), j.data().skipReason()));
        }
        SortedMap<String, Path> tokens = new TreeMap<>();
        plan.tokens().ifPresent(t -> tokens.put(t.getFileName().toString(), t));
        return new RunManifest.Inputs(plan, digests(plan.labels().files()), digests(tokens), jobs);
    }

    private static SortedMap<String, FileDigest> digests(SortedMap<String, Path> files) {
        SortedMap<String, FileDigest> m = new TreeMap<>();
        files.forEach((name, p) -> m.put(name, FileDigest.of(p)));
        return m;
    }

    /** Checks the run directory, removes leftovers of a killed run, writes the initial manifest. */
    private void prepare(RunManifest.Inputs inputs) {
        try {
            if (resume) {
                JsonNode stored = RunManifest.read(runDir).path("inputs");
                JsonNode now = RunManifest.inputsTree(inputs);
                if (!stored.equals(now)) {
                    throw new InvalidInputException(runDir + ": was started with other inputs (" + difference(stored, now)
                            + "); start a new run directory");
                }
                try (DirectoryStream<Path> s = Files.newDirectoryStream(runDir, ".*.tmp-*")) {
                    for (Path p : s) {
                        LOG.info("removing {}, left by an interrupted run", p.getFileName());
                        IncidentFiles.deleteRecursively(p);
                    }
                }
            } else if (Files.exists(runDir) && !Files.isDirectory(runDir)) {
                throw new InvalidInputException("--out " + runDir + ": exists and is not a directory; give a new directory");
            } else if (Files.exists(runDir)) {
                try (DirectoryStream<Path> s = Files.newDirectoryStream(runDir)) {
                    if (s.iterator().hasNext()) {
                        throw new InvalidInputException("--out " + runDir
                                + ": exists and is not empty; give --resume to finish that run, or a new directory");
                    }
                }
            }
            Files.createDirectories(runDir);
        } catch (IOException e) {
            throw new SourceException.Unavailable(runDir + ": cannot prepare: " + e.getMessage(), e);
        }
        RunManifest.write(runDir, inputs, List.of(), false);
    }

    private static String difference(JsonNode stored, JsonNode now) {
        List<String> fields = new ArrayList<>();
        for (String f : List.of("tool", "policy", "labels", "tokens", "incidents")) {
            if (!stored.path(f).equals(now.path(f))) {
                fields.add(f.equals("incidents") ? "incidents, seeds or data" : f);
            }
        }
        return fields.isEmpty() ? "a different manifest" : String.join(", ", fields) + " differ";
    }

    /** Runs one job within the budget; {@code ended} is told before the job's memory is released. */
    private RunManifest.Result runOne(BatchJob job, Tracers tracer, EtlCsvReader reader, MemoryBudget budget,
                                      java.util.function.Consumer<RunManifest.Result> ended) {
        Optional<String> skip = job.data().skipReason();
        if (skip.isPresent()) {
            RunManifest.Result r = new RunManifest.Result(new IncidentOutcome(job.id(), IncidentOutcome.Status.SKIPPED,
                    skip.get(), IncidentOutcome.Problem.NONE, false), Optional.empty(), Optional.empty(), new TreeMap<>(), Map.of());
            ended.accept(r);
            return r;
        }
        long estimate = job.data().estimatedBytes();
        try {
            budget.acquire(estimate);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TracerException("batch interrupted", e);
        }
        try {
            listener.started(job.id());
            RunManifest.Result r = traceOne(job, tracer, reader);
            ended.accept(r);
            return r;
        } finally {
            budget.release(estimate);
        }
    }

    private RunManifest.Result traceOne(BatchJob job, Tracers tracers, EtlCsvReader reader) {
        try {
            Dataset data = job.data().load(reader);
            TraceResult result = tracers.forChain(data.chain()).trace(data, job.seeds());
            Path dir = runDir.resolve(job.id());
            IncidentFiles.write(dir, job.title(), result);
            return ok(job, dir, result, false);
        } catch (InvalidInputException e) {
            return failed(job, e.getMessage(), IncidentOutcome.Problem.BAD_INPUT);
        } catch (SourceException e) {
            return failed(job, e.getMessage(), IncidentOutcome.Problem.UNAVAILABLE);
        } catch (java.io.UncheckedIOException e) {
            return failed(job, runDir.resolve(job.id()) + ": cannot write: " + e.getMessage(), IncidentOutcome.Problem.UNAVAILABLE);
        } catch (RuntimeException e) {
            LOG.error("internal error tracing {}", job.id(), e);
            return failed(job, "internal error: " + e, IncidentOutcome.Problem.INTERNAL);
        }
    }

    private static RunManifest.Result failed(BatchJob job, String message, IncidentOutcome.Problem problem) {
        String reason = message == null ? "" : message.replace('\n', ' ').replace('\r', ' ');
        return new RunManifest.Result(new IncidentOutcome(job.id(), IncidentOutcome.Status.FAILED, reason, problem, false),
                Optional.empty(), Optional.empty(), new TreeMap<>(), Map.of());
    }

    /** An incident an earlier run finished: its figures come from its report, its digests from its files. */
    private RunManifest.Result finished(BatchJob job) {
        Path dir = runDir.resolve(job.id());
        TraceResult result = new ReportJsonReader().read(dir.resolve(IncidentFiles.REPORT));
        return ok(job, dir, result, true);
    }

    private static RunManifest.Result ok(BatchJob job, Path dir, TraceResult r, boolean resumed) {
        SortedMap<String, FileDigest> outputs = new TreeMap<>();
        for (String name : IncidentFiles.NAMES) {
            outputs.put(name, FileDigest.of(dir.resolve(name)));
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("nodes", r.nodes().size());
        counts.put("transfers", r.transfers().size());
        counts.put("endpoints", r.endpoints().size());
        counts.put("flags", r.flags().size());
        BlockRange blocks = r.coverage().range();
        return new RunManifest.Result(new IncidentOutcome(job.id(), IncidentOutcome.Status.OK, "",
                IncidentOutcome.Problem.NONE, resumed), Optional.of(r.coverage().chain().name()), Optional.of(blocks),
                outputs, counts);
    }

    /** Builder; {@link #build()} fails fast on a missing plan or run directory. */
    public static final class Builder {
        private BatchPlan plan;
        private Path runDir;
        private int threads = Runtime.getRuntime().availableProcessors();
        private long memoryBudget = Runtime.getRuntime().maxMemory() / 4 * 3;
        private boolean resume;
        private BatchListener listener = BatchListener.NONE;

        private Builder() {
        }

        public Builder plan(BatchPlan p) {
            this.plan = Objects.requireNonNull(p, "plan");
            return this;
        }

        public Builder runDir(Path dir) {
            this.runDir = Objects.requireNonNull(dir, "runDir");
            return this;
        }

        public Builder threads(int n) {
            if (n < 1 || n > 1024) {
                throw new InvalidInputException("--jobs must be between 1 and 1024, got " + n);
            }
            this.threads = n;
            return this;
        }

        public Builder memoryBudget(long bytes) {
            if (bytes < 1024 * 1024) {
                throw new InvalidInputException("--memory must be at least 1m, got " + bytes + " bytes");
            }
            this.memoryBudget = bytes;
            return this;
        }

        public Builder resume(boolean r) {
            this.resume = r;
            return this;
        }

        public Builder listener(BatchListener l) {
            this.listener = Objects.requireNonNull(l, "listener");
            return this;
        }

        public BatchRunner build() {
            if (plan == null) {
                throw new IllegalStateException("BatchRunner needs a plan");
            }
            if (runDir == null) {
                throw new IllegalStateException("BatchRunner needs a run directory");
            }
            return new BatchRunner(this);
        }
    }
}
