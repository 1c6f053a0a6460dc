package dev.tracer.cli;

import dev.tracer.batch.BatchJob;
import dev.tracer.batch.BatchOutcome;
import dev.tracer.batch.BatchPlan;
import dev.tracer.batch.BatchRunner;
import dev.tracer.batch.IncidentOutcome;
import dev.tracer.batch.JobData;
import dev.tracer.batch.LabelSource;
import dev.tracer.batch.SeedFile;
import dev.tracer.incident.Incident;
import dev.tracer.incident.IncidentCatalog;
import dev.tracer.incident.IncidentTracer;
import dev.tracer.label.LabelPacks;
import dev.tracer.model.InvalidInputException;
import dev.tracer.report.SafeText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tracer batch}: re-trace every catalogued incident (or a list, or a seeds file) into a run directory. */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Re-traces every catalogued incident with one policy, into a run directory.",
            "Or the incidents given with --incident, or those of a --seeds file. In parallel within a memory budget; per "
                + "incident report.json, summary.md, graph.gexf, graph.graphml and CSV node and edge lists; manifest.json "
                + "records the tool, the policy and the SHA-256 of the labels and data. Same inputs, byte-identical files. "
                + "Progress on stderr; --resume finishes a killed run. Catalogued incidents without bundled data are "
                + "skipped (with the reason) unless named with --incident."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.L0, ExitCodes.L1, ExitCodes.L2, ExitCodes.L3, ExitCodes.L4, ExitCodes.L5})
final class BatchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    Verbosity verbosity;

    @Mixin
    PolicyOptions policy;

    @Option(names = "--out", required = true, paramLabel = "RUN", description = "Run directory to write (new or empty, or an unfinished run with --resume).")
    Path out;

    @Option(names = "--resume", description = "Finish an interrupted run in --out: incidents already written are kept, the rest traced. The inputs must be the same.")
    boolean resume;

    @Option(names = "--incident", paramLabel = "ID", description = "Trace only this catalogued incident (repeatable).")
    List<String> incidents = new ArrayList<>();

    @Option(names = "--seeds", paramLabel = "CSV", description = "Trace the incidents of this file instead (columns id,chain,seed[,data]; see docs/cli.md).")
    Path seedsFile;

    @Option(names = "--fixtures", paramLabel = "DIR", description = "The fixtures directory (default: found from the checkout).")
    Path fixtures;

    @Option(names = "--jobs", paramLabel = "N", description = "Incidents traced at once (default: the number of processors).")
    Integer jobs;

    @Option(names = "--memory", paramLabel = "SIZE", description = "Memory budget for incidents traced at once, e.g. 2g or 512m (default: 3/4 of the JVM's maximum heap).")
    String memory;

    @Override
    public Integer call() {
        if (seedsFile != null && !incidents.isEmpty()) {
            throw new InvalidInputException("--seeds and --incident cannot be combined");
        }
        Path fixturesDir = Fixtures.locate(fixtures);
        IncidentCatalog catalog = IncidentCatalog.read(fixturesDir.resolve("incidents"));
        List<BatchJob> jobList = seedsFile != null ? SeedFile.read(seedsFile, catalog) : jobs(catalog);
        String tool = spec.root().version().length > 0 ? spec.root().version()[0] : "tracer";
        BatchPlan plan = new BatchPlan(tool, policy.model, policy.direction(), policy.policy().build(), policy.swaps(),
                Optional.ofNullable(policy.tokens), labels(fixturesDir), jobList);
        BatchRunner.Builder runner = BatchRunner.builder().plan(plan).runDir(out).resume(resume)
                .listener(new ProgressBar(spec.commandLine().getErr(), Clock.systemUTC(), System.console() != null));
        if (jobs != null) {
            runner.threads(jobs);
        }
        if (memory != null) {
            runner.memoryBudget(size("--memory", memory));
        }
        BatchOutcome outcome = runner.build().run();
        var o = spec.commandLine().getOut();
        for (IncidentOutcome i : outcome.incidents()) {
            o.printf("%-24s %-7s%s%s%n", i.id(), i.status().name().toLowerCase(Locale.ROOT),
                    i.resumed() ? " (finished by the earlier run)" : "", i.reason().isEmpty() ? "" : "  " + SafeText.line(i.reason()));
        }
        long failed = outcome.count(IncidentOutcome.Status.FAILED);
        o.printf("%d ok, %d failed, %d skipped; wrote %s%n", outcome.count(IncidentOutcome.Status.OK), failed,
                outcome.count(IncidentOutcome.Status.SKIPPED), outcome.manifest());
        o.flush();
        if (outcome.internalError()) {
            return ExitCodes.INTERNAL;
        }
        return failed > 0 ? ExitCodes.PARTIAL : ExitCodes.OK;
    }

    /** The bundled packs (when there are any, as for 'tracer trace') and the --labels files. */
    private LabelSource labels(Path fixturesDir) {
        List<Path> labelFiles = policy.labelFiles;
        if (policy.noBundledLabels) {
            return LabelSource.csv(labelFiles);
        }
        Path index = fixturesDir.resolve(LabelPacks.DIRECTORY).resolve(LabelPacks.INDEX);
        if (!Files.isRegularFile(index)) {
            spec.commandLine().getErr().println("tracer: warning: no bundled label packs (" + index
                    + ": no such file); tracing without them (--no-bundled-labels silences this)");
            return LabelSource.csv(labelFiles);
        }
        return LabelSource.bundled(fixturesDir, labelFiles);
    }

    /** The catalogue, or the incidents named with --incident (whose missing data is then a failure, not a skip). */
    private List<BatchJob> jobs(IncidentCatalog catalog) {
        List<Incident> chosen = new ArrayList<>();
        if (incidents.isEmpty()) {
            chosen.addAll(catalog.incidents());
        } else {
            for (String id : incidents) {
                chosen.add(catalog.get(id));
            }
        }
        List<BatchJob> out = new ArrayList<>();
        for (Incident i : chosen) {
            String noData = i.seeds().isEmpty() ? "incident " + i.id() + " has no documented seed"
                    : "incident " + i.id() + " has no bundled chain data; trace it with --data DIR (or a live source)";
            JobData data = i.data().filter(d -> !i.seeds().isEmpty()).map(JobData::directory)
                    .orElseGet(() -> incidents.isEmpty() ? JobData.skipped(noData) : JobData.missing(noData));
            out.add(new BatchJob(i.id(), i.id() + ": " + i.name(), IncidentTracer.seeds(i), data));
        }
        return out;
    }


    /** "2g", "512m", "1048576k" or plain bytes. */
    static long size(String option, String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            long unit = switch (t.isEmpty() ? ' ' : t.charAt(t.length() - 1)) {
                case 'k' -> 1L << 10;
                case 'm' -> 1L << 20;
                case 'g' -> 1L << 30;
                default -> 1L;
            };
            String digits = unit == 1 ? t : t.substring(0, t.length() - 1);
            return Math.multiplyExact(Long.parseLong(digits), unit);
        } catch (NumberFormatException | ArithmeticException e) {
            if (t.matches("\\d+[kmg]?")) {
                throw new InvalidInputException(option + ": size '" + text + "' is too large (at most 2^63 - 1 bytes)", e);
            }
            throw new InvalidInputException(option + ": malformed size '" + text + "' (use 2g, 512m or bytes)", e);
        }
    }
}
