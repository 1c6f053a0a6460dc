package dev.tracer.label.io;

import dev.tracer.label.Label;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Collects a reader's labels, skips and warnings for one source file. Single use, not shared
 * between threads; {@link #result} ends it.
 */
final class SourceTally {
    /** Reason for a label equal to one already read from the same file. */
    static final String DUPLICATE = "duplicate";
    /** Reason for an address that does not parse on its chain. */
    static final String INVALID_ADDRESS = "invalid_address";

    private final String file;
    private final Set<Label> labels = new LinkedHashSet<>();
    private final SortedMap<String, Integer> skipped = new TreeMap<>();
    private final List<String> warnings = new ArrayList<>();
    private int rows;
    private boolean done;

    SourceTally(String file) {
        this.file = file;
    }

    /** Counts one entry read from the source. */
    void row() {
        check();
        rows++;
    }

    /** Adds a label (an equal one already added counts as a duplicate). */
    void add(Label l) {
        check();
        if (!labels.add(l)) {
            skipped.merge(DUPLICATE, 1, Integer::sum);
        }
    }

    /** Counts an entry skipped for {@code reason}, without a warning of its own. */
    void skip(String reason) {
        check();
        skipped.merge(reason, 1, Integer::sum);
    }

    /** Counts an entry skipped for {@code reason} and warns "FILE:LINE: where: why; skipped". */
    void skip(String reason, long line, String where, String why) {
        skip(reason);
        warnings.add(file + ":" + line + ": " + where + ": " + oneLine(why) + "; skipped");
    }

    /** A warning about the whole file ("FILE: message"). */
    void warn(String message) {
        check();
        warnings.add(file + ": " + oneLine(message));
    }

    int skippedFor(String reason) {
        return skipped.getOrDefault(reason, 0);
    }

    SourceRead result(String description) {
        check();
        done = true;
        return new SourceRead(description, rows, new ArrayList<>(labels), skipped, warnings);
    }

    private void check() {
        if (done) {
            throw new IllegalStateException("tally of " + file + " already ended");
        }
    }

    /** Whitespace runs and control characters collapsed to single spaces, stripped. */
    static String oneLine(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
                space = true;
            } else {
                if (space && b.length() > 0) {
                    b.append(' ');
                }
                space = false;
                b.append(c);
            }
        }
        return b.toString();
    }
}
