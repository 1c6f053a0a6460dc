package dev.tracer.cli;

import dev.tracer.model.InvalidInputException;
import dev.tracer.source.SourceException;

/** The documented exit codes. */
final class ExitCodes {
    static final int OK = 0;
    static final int INTERNAL = 1;
    static final int BAD_INPUT = 2;
    static final int UNAVAILABLE = 3;
    /** {@code tracer batch}: some incidents failed, the others completed. */
    static final int PARTIAL = 4;
    /** The Java heap (or the direct memory, which is as large) was too small for the data. */
    static final int OUT_OF_MEMORY = 5;

    /** Lines for picocli's {@code exitCodeList} (annotations need constants). */
    static final String HEADING = "%nExit codes:%n";
    static final String L0 = "0:ok";
    static final String L1 = "1:internal error (a bug: please report it with -v output)";
    static final String L2 = "2:bad usage or input (malformed address, checksum, CSV row, JSON, unknown incident)";
    static final String L3 = "3:data source unavailable (missing file or directory, unreadable data, a node that stays down or keeps rate-limiting)";
    static final String L4 = "4:partial: some incidents failed; the others completed";
    static final String L5 = "5:out of memory: the data needs a larger heap (TRACER_JAVA_OPTS=-Xmx<size>)";

    private ExitCodes() {
    }

    static int of(Throwable t) {
        if (outOfMemory(t) != null) {
            return OUT_OF_MEMORY;
        }
        if (t instanceof InvalidInputException) {
            return BAD_INPUT;
        }
        if (t instanceof SourceException) {
            return UNAVAILABLE;
        }
        return INTERNAL;
    }

    /** The {@link OutOfMemoryError} in {@code t}'s cause chain (a worker thread's is rethrown wrapped), or null. */
    static OutOfMemoryError outOfMemory(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof OutOfMemoryError oom) {
                return oom;
            }
        }
        return null;
    }

    /**
     * The one line for running out of memory: what ran out, the maximum heap, and how to give more
     * ({@code tracer-cli/bench} sizes its heap with {@code TRACER_BENCH_HEAP}).
     */
    static String outOfMemoryLine(OutOfMemoryError e, long maxHeapBytes) {
        String what = e.getMessage() == null || e.getMessage().isBlank() ? "" : e.getMessage() + ", ";
        return String.format(java.util.Locale.ROOT, "out of memory (%smax heap %,d MiB): the data needs a larger heap;"
                + " run with TRACER_JAVA_OPTS=-Xmx<size> (tracer-cli/bench: TRACER_BENCH_HEAP=<size>)", what, maxHeapBytes >> 20);
    }
}
