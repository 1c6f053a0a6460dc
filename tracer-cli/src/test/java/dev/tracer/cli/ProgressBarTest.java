package dev.tracer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracer.batch.IncidentOutcome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** {@link ProgressBar}: a failure's reason quotes its input, and must not drive the terminal. */
class ProgressBarTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-02-21T14:13:35Z"), ZoneOffset.UTC);

    @Test
    void aFailuresReasonIsOneSafeLineWhileTheBarStillRedraws() {
        StringWriter s = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(s), CLOCK, true);
        bar.starting(1, 0, 1, 1L << 30);
        bar.finished(new IncidentOutcome("bybit-2025", IncidentOutcome.Status.FAILED,
                "data.csv:7: non-numeric value '1\u001b[2J\u202e9'\nforged", IncidentOutcome.Problem.BAD_INPUT, false), 1, 1);
        assertThat(s.toString()).isEqualTo("tracer batch: 1 incident(s); 1 thread(s), memory budget 1024 MiB" + System.lineSeparator()
                + "\r\u001b[2K[##############################] 1/1  bybit-2025 failed: data.csv:7: non-numeric value "
                + "'1\uFFFD[2J\uFFFD9'\uFFFDforged  (0.0 s)" + System.lineSeparator());
    }
}
