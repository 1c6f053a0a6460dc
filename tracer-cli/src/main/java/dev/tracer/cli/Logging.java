package dev.tracer.cli;

import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Configures slf4j-simple from the command line, before any logger exists: warnings only by
 * default, {@code -v} info, {@code -vv} debug; always to stderr. slf4j-simple reads its settings
 * once, when the first logger is made, and command classes make theirs when the command line is
 * built, before it is parsed: so the level comes from the raw arguments ({@link #configure(String[])}),
 * and the parse only says whether stack traces are shown ({@link #configure(CommandLine.ParseResult)}).
 */
final class Logging {
    private static final Pattern FLAGS = Pattern.compile("-[vqhV]+"); // clustered boolean short options: -vv, -qv

    private static volatile boolean verbose;

    private Logging() {
    }

    /** Sets the log level from {@code args}: each {@code v} among clustered boolean short options, up to {@code --}. */
    static void configure(String[] args) {
        int level = 0;
        for (String a : args) {
            if (a.equals("--")) {
                break;
            }
            if (FLAGS.matcher(a).matches()) {
                level += (int) a.chars().filter(c -> c == 'v').count();
            }
        }
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level == 0 ? "warn" : level == 1 ? "info" : "debug");
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
        System.setProperty("org.slf4j.simpleLogger.showShortLogName", "true");
    }

    /** Whether the parsed command line asked for {@code -v}: errors then come with stack traces. */
    static void configure(CommandLine.ParseResult parse) {
        boolean v = false;
        for (CommandLine.ParseResult p = parse; p != null; p = p.subcommand()) {
            v |= p.hasMatchedOption("-v");
        }
        verbose = v;
    }

    static boolean verbose() {
        return verbose;
    }
}
