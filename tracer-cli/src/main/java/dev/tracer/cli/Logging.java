package dev.tracer.cli;

import picocli.CommandLine;

/**
 * Configures slf4j-simple from the parsed command line, before any logger exists: warnings only
 * by default, {@code -v} info, {@code -vv} debug; always to stderr.
 */
final class Logging {
    private static volatile boolean verbose;

    private Logging() {
    }

    static void configure(CommandLine.ParseResult parse) {
        int level = 0;
        CommandLine.ParseResult p = parse;
        while (p != null) {
            if (p.hasMatchedOption("-v")) {
                boolean[] vs = p.matchedOptionValue("-v", new boolean[0]);
                level = Math.max(level, vs.length);
            }
            p = p.subcommand();
        }
        verbose = level > 0;
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level == 0 ? "warn" : level == 1 ? "info" : "debug");
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
        System.setProperty("org.slf4j.simpleLogger.showShortLogName", "true");
    }

    static boolean verbose() {
        return verbose;
    }
}
