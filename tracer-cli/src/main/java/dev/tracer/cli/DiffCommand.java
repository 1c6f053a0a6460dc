package dev.tracer.cli;

import dev.tracer.batch.RunDiff;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tracer diff}: what changed between two batch runs. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Shows what changed between two batch runs.",
            "Per incident: new and gone endpoints, amounts that moved, new and dropped flags, labels that changed, "
                + "and whether the frontier grew or shrank; and which inputs (tool, policy, labels, data) differ. Reads the "
                + "saved reports and traces nothing. Exit 0 whether or not the runs differ."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.L0, ExitCodes.L1, ExitCodes.L2, ExitCodes.L3, ExitCodes.L5})
final class DiffCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    Verbosity verbosity;

    @Parameters(index = "0", paramLabel = "RUN_A", description = "The earlier run directory.")
    Path before;

    @Parameters(index = "1", paramLabel = "RUN_B", description = "The later run directory.")
    Path after;

    @Option(names = "--json", description = "Print the differences as JSON (format tracer-diff/1) instead of text.")
    boolean json;

    @Override
    public Integer call() {
        RunDiff diff = RunDiff.compare(before, after);
        if (json) {
            diff.writeJson(spec.commandLine().getOut());
        } else {
            diff.writeText(spec.commandLine().getOut());
        }
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
