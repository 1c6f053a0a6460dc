package dev.tracer.cli;

import dev.tracer.report.TextSummary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The process's {@code System.err} for what the CLI does not write itself: log lines (slf4j-simple
 * writes there) and stack traces. They quote third-party text, such as a node's error message, so
 * the bytes are decoded as UTF-8 a line at a time and written through the report's terminal writer
 * ({@link TextSummary#terminalSafe}): escape sequences, other display controls and unpaired
 * surrogates show as U+FFFD; line breaks and tabs stay. The CLI's own messages and the batch
 * progress bar (which redraws with an escape sequence) go to the unfiltered stream. A flush in the
 * middle of a character keeps its first bytes until the rest arrives.
 */
final class SafeStderr extends OutputStream {
    private final Writer out;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream(256);

    SafeStderr(OutputStream raw) {
        this.out = TextSummary.terminalSafe(new OutputStreamWriter(raw, StandardCharsets.UTF_8));
    }

    @Override
    public synchronized void write(int b) throws IOException {
        pending.write(b);
        if (b == '\n') {
            drain(pending.size());
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        int from = off;
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\n') {
                pending.write(b, from, i + 1 - from);
                drain(pending.size());
                from = i + 1;
            }
        }
        pending.write(b, from, off + len - from);
    }

    @Override
    public synchronized void flush() throws IOException {
        drain(completeLength(pending.toByteArray()));
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        drain(pending.size());
        out.close();
    }

    /** Writes the first {@code n} pending bytes as text and keeps the rest. */
    private void drain(int n) throws IOException {
        byte[] all = pending.toByteArray();
        out.write(new String(all, 0, n, StandardCharsets.UTF_8));
        pending.reset();
        pending.write(all, n, all.length - n);
        if (n > 0 && all[n - 1] == '\n') {
            out.flush();
        }
    }

    /** How many leading bytes of {@code b} end on a character boundary (an incomplete UTF-8 sequence at the end is left out). */
    static int completeLength(byte[] b) {
        int n = b.length;
        for (int back = 1; back <= Math.min(3, n); back++) {
            int lead = b[n - back] & 0xff;
            if (lead < 0x80) {
                return n; // ASCII: every sequence before it is complete or already broken
            }
            if (lead >= 0xc0) { // a lead byte: is its sequence complete?
                int need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
                return need > back ? n - back : n;
            }
        }
        return n;
    }
}
