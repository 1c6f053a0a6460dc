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

    /** Lines for picocli's {@code exitCodeList} (annotations need constants). */
    static final String HEADING = "%nExit codes:%n";
    static final String L0 = "0:ok";
    static final String L1 = "1:internal error (a bug: please report it with -v output)";
    static final String L2 = "2:bad usage or input (malformed address, checksum, CSV row, JSON, unknown incident)";
    static final String L3 = "3:data source unavailable (missing file or directory, unreadable data, a node that stays down or keeps rate-limiting)";
    static final String L4 = "4:partial: some incidents failed; the others completed";

    private ExitCodes() {
    }

    static int of(Throwable t) {
        if (t instanceof InvalidInputException) {
            return BAD_INPUT;
        }
        if (t instanceof SourceException) {
            return UNAVAILABLE;
        }
        return INTERNAL;
    }
}
