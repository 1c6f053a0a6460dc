package dev.tracer.cli;

import dev.tracer.bench.Benchmark;
import dev.tracer.bench.NanoClock;
import dev.tracer.bench.SideBySide;
import dev.tracer.model.InvalidInputException;
import dev.tracer.source.SourceException;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tracer bench}: generate data, measure, print the table. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures ingest, trace, memory, node requests and export on seeded synthetic data, "
                + "each against baselines measured in the same run, and prints a table of medians and ratios.",
            "tracer-cli/bench runs it with a fixed heap sized for the data and touched at start, and a local anvil "
                + "for the requests section; "
                + "see docs/performance.md."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.L0, ExitCodes.L1, ExitCodes.L2, ExitCodes.L3, ExitCodes.L5})
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    Verbosity verbosity;

    @Option(names = "--transfers", paramLabel = "N", defaultValue = "1000000",
            description = "Transfers to generate (default: ${DEFAULT-VALUE}).")
    long transfers;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "7", description = "Random seed of the data and of the start addresses (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--repetitions", paramLabel = "N", defaultValue = "5",
            description = "Measured repetitions; the table shows medians (default: ${DEFAULT-VALUE}).")
    int repetitions;

    @Option(names = "--warmups", paramLabel = "N", defaultValue = "3",
            description = "Discarded warm-up repetitions before them (default: ${DEFAULT-VALUE}).")
    int warmups;

    @Option(names = "--starts", paramLabel = "N", defaultValue = "100",
            description = "Start addresses of the trace benchmark (default: ${DEFAULT-VALUE}).")
    int starts;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where to generate the data, reused by later runs of the same size and seed: a new or empty "
                    + "directory, or one an earlier run generated (default: a temporary directory, deleted afterwards).")
    Path dataDir;

    @Option(names = "--only", paramLabel = "SECTION", split = ",",
            description = "Run only these sections: ${COMPLETION-CANDIDATES} (default: all).")
    List<Benchmark.Section> only;

    @Option(names = "--rpc", paramLabel = "URL",
            description = "A local anvil node for the requests section, which plays a scenario on it (other hosts "
                    + "than localhost, 127.x.x.x and [::1] are refused); without it that section is reported as not run.")
    String rpc;

    @Option(names = "--side-by-side", arity = "2", paramLabel = "CLASSPATH",
            description = {"Instead of the table: time two builds' traces against each other in this JVM, "
                + "alternating trace by trace (OLD then NEW class path, e.g. two copies of tracer-cli/target/tracer.jar "
                + "built from two commits), for --repetitions repetitions of the trace section's traces (4 per start); "
                + "prints each repetition's NEW/OLD time and whether both visited the same edges."})
    List<String> sideBySide;

    @Override
    public Integer call() {
        Path dir = dataDir;
        boolean temporary = dir == null;
        try {
            if (temporary) {
                dir = Files.createTempDirectory("tracer-bench");
            }
        } catch (IOException e) {
            throw new SourceException.Unavailable("cannot create a temporary directory: " + e.getMessage(), e);
        }
        var err = spec.commandLine().getErr();
        try {
            Benchmark.Config config = new Benchmark.Config(transfers, seed, repetitions, warmups, starts, dir,
                    only == null || only.isEmpty() ? EnumSet.allOf(Benchmark.Section.class) : EnumSet.copyOf(only),
                    java.util.Optional.ofNullable(rpc));
            java.util.function.Consumer<String> progress = line -> {
                err.println("bench: " + line);
                err.flush();
            };
            Benchmark bench = new Benchmark(config, NanoClock.system(), Clock.systemUTC(), progress);
            if (sideBySide != null) {
                sideBySide(bench.prepareData(), progress);
                return ExitCodes.OK;
            }
            spec.commandLine().getOut().print(bench.run().table());
            return ExitCodes.OK;
        } finally {
            if (temporary) {
                delete(dir);
            }
        }
    }

    private void sideBySide(Path data, java.util.function.Consumer<String> progress) {
        if (sideBySide.size() != 2) {
            throw new InvalidInputException("--side-by-side takes two class paths, the old build's and the new one's; got "
                    + sideBySide.size());
        }
        List<SideBySide.Rep> reps = new SideBySide(classPath(sideBySide.get(0)), classPath(sideBySide.get(1)), data, seed,
                starts, NanoClock.system(), progress).run(repetitions);
        var out = spec.commandLine().getOut();
        double lo = Double.MAX_VALUE;
        double hi = 0;
        boolean same = true;
        for (int i = 0; i < reps.size(); i++) {
            SideBySide.Rep r = reps.get(i);
            out.println(r.describe(i));
            lo = Math.min(lo, r.ratio());
            hi = Math.max(hi, r.ratio());
            same &= r.sameEdges();
        }
        out.printf(Locale.ROOT, "new/old time %.3f-%.3f over %d repetitions; %s%n", lo, hi, reps.size(),
                same ? "both builds visited the same edges" : "THE BUILDS VISITED DIFFERENT EDGES: they do not trace alike");
    }

    /** A class path: entries separated by the platform's separator, each a jar or a class directory that must exist. */
    private static List<URL> classPath(String cp) {
        List<URL> urls = new ArrayList<>();
        for (String p : cp.split(java.io.File.pathSeparator)) {
            if (p.isBlank()) {
                continue;
            }
            Path path = Path.of(p);
            if (!Files.exists(path)) {
                throw new InvalidInputException("--side-by-side: no such jar or directory: " + p);
            }
            try {
                urls.add(path.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new InvalidInputException("--side-by-side: not a path: " + p);
            }
        }
        return urls;
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is not worth failing the run for
        }
    }
}
