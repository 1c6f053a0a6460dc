package dev.tracer.cli;

import dev.tracer.bench.BenchReport;
import dev.tracer.bench.Benchmark;
import dev.tracer.bench.NanoClock;
import dev.tracer.source.SourceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
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
            "tracer-cli/bench runs it with a heap sized for 10M transfers and a local anvil for the requests section; "
                + "see docs/performance.md."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.L0, ExitCodes.L1, ExitCodes.L2, ExitCodes.L3})
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
            description = "Where to generate the data, reused by later runs of the same size and seed "
                    + "(default: a temporary directory, deleted afterwards).")
    Path dataDir;

    @Option(names = "--only", paramLabel = "SECTION", split = ",",
            description = "Run only these sections: ${COMPLETION-CANDIDATES} (default: all).")
    List<Benchmark.Section> only;

    @Option(names = "--rpc", paramLabel = "URL",
            description = "A local anvil node for the requests section (a scenario is played on it); "
                    + "without it that section is reported as not run.")
    String rpc;

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
            BenchReport report = new Benchmark(config, NanoClock.system(), Clock.systemUTC(), line -> {
                err.println("bench: " + line);
                err.flush();
            }).run();
            spec.commandLine().getOut().print(report.table());
            return ExitCodes.OK;
        } finally {
            if (temporary) {
                delete(dir);
            }
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is not worth failing the run for
        }
    }
}
