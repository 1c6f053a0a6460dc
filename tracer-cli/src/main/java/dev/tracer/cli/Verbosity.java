package dev.tracer.cli;

import picocli.CommandLine.Option;

/** The {@code -v} option every command has. */
final class Verbosity {
    @Option(names = "-v", description = "More log output on stderr (-v info, -vv debug).")
    boolean[] verbose = new boolean[0];
}
