package dev.tracer.cli;

import dev.tracer.batch.BatchListener;
import dev.tracer.batch.IncidentOutcome;
import dev.tracer.report.SafeText;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Batch progress on stderr: a bar redrawn in place on a terminal, one line per finished incident
 * otherwise (logs, CI). Elapsed times come from the injected clock; nothing here reaches a file.
 */
final class ProgressBar implements BatchListener {
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final Clock clock;
    private final boolean redraw;
    private Instant start;

    ProgressBar(PrintWriter err, Clock clock, boolean redraw) {
        this.err = err;
        this.clock = clock;
        this.redraw = redraw;
    }

    @Override
    public synchronized void starting(int total, int alreadyDone, int threads, long memoryBudget) {
        start = clock.instant();
        err.printf("tracer batch: %d incident(s)%s; %d thread(s), memory budget %d MiB%n", total,
                alreadyDone > 0 ? ", " + alreadyDone + " already finished (resumed)" : "", threads, memoryBudget >> 20);
        err.flush();
    }

    @Override
    public synchronized void finished(IncidentOutcome o, int done, int total) {
        int filled = total == 0 ? WIDTH : done * WIDTH / total;
        String bar = "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "]";
        String line = String.format(Locale.ROOT, "%s %d/%d  %s %s%s  (%s)", bar, done, total, o.id(),
                o.status().name().toLowerCase(Locale.ROOT), o.reason().isEmpty() ? "" : ": " + SafeText.line(o.reason()),
                elapsed());
        if (redraw) {
            err.print("\r\u001B[2K" + line);
            if (done == total) {
                err.println();
            }
        } else {
            err.println(line);
        }
        err.flush();
    }

    private String elapsed() {
        Duration d = Duration.between(start == null ? clock.instant() : start, clock.instant());
        return String.format(Locale.ROOT, "%d.%01d s", d.toSeconds(), d.toMillisPart() / 100);
    }
}
