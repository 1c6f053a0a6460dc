package dev.tracer.cli;

import picocli.CommandLine.Command;

/** The top-level command. */
@Command(name = "tracer", mixinStandardHelpOptions = true, version = "tracer 0.1.0",
        description = "Follows stolen cryptocurrency hop by hop, with evidence.",
        subcommands = {TraceCommand.class, TxCommand.class, ImportCommand.class, IncidentsCommand.class, LabelsCommand.class,
            BatchCommand.class, DiffCommand.class, ExportCommand.class, BenchCommand.class,
            picocli.CommandLine.HelpCommand.class},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.L0, ExitCodes.L1, ExitCodes.L2, ExitCodes.L3, ExitCodes.L5})
final class TracerCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
