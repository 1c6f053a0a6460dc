package dev.tracer.cli;

import dev.tracer.report.SafeText;
import dev.tracer.report.TextSummary;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Entry point. The only place that calls {@code System.exit}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        // logs and stack traces quote third-party text: shown safely (the CLI's own messages are made safe where written)
        System.setErr(new PrintStream(new SafeStderr(System.err), true, StandardCharsets.UTF_8));
        System.exit(run(args, out, err));
    }

    /** Runs the command line and returns the exit code (tests call this). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        Logging.configure(args); // before the command classes, which hold loggers, are made
        CommandLine cl = new CommandLine(new TracerCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionStrategy(parseResult -> {
            Logging.configure(parseResult);
            return new CommandLine.RunLast().execute(parseResult);
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("tracer: " + oneLine(ex.getMessage()));
            ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCodes.BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, c, p) -> {
            int code = ExitCodes.of(ex);
            if (code == ExitCodes.OUT_OF_MEMORY) {
                return outOfMemory(ExitCodes.outOfMemory(ex), c.getErr());
            }
            c.getErr().println("tracer: " + (code == ExitCodes.INTERNAL ? "internal error: " + oneLine(ex.toString()) : oneLine(ex.getMessage())));
            if (code == ExitCodes.INTERNAL || Logging.verbose()) {
                PrintWriter trace = new PrintWriter(TextSummary.terminalSafe(c.getErr())); // messages quote input
                ex.printStackTrace(trace);
                trace.flush();
            }
            return code;
        });
        int code;
        try {
            code = cl.execute(args);
        } catch (OutOfMemoryError e) { // an Error passes picocli's handler; what the command held is garbage by now
            code = outOfMemory(e, err);
        }
        out.flush();
        err.flush();
        return code;
    }

    private static int outOfMemory(OutOfMemoryError e, PrintWriter err) {
        err.println("tracer: " + oneLine(ExitCodes.outOfMemoryLine(e, Runtime.getRuntime().maxMemory())));
        if (Logging.verbose()) {
            PrintWriter trace = new PrintWriter(TextSummary.terminalSafe(err));
            e.printStackTrace(trace);
            trace.flush();
        }
        err.flush();
        return ExitCodes.OUT_OF_MEMORY;
    }

    /**
     * An error message as one safe line: messages quote the input they reject (a CSV cell, a node's
     * error text), so line breaks become spaces and what could drive the terminal becomes U+FFFD.
     */
    private static String oneLine(String s) {
        return s == null ? "" : SafeText.line(s.replace('\n', ' ').replace('\r', ' ').replace('\t', ' '));
    }
}
