package dev.tracer.source;

import dev.tracer.model.TracerException;
import java.io.IOException;
import java.net.ConnectException;

/**
 * A data source failed. Subtypes say how, so callers can retry, report or map to an exit code
 * (the CLI maps {@link Unavailable} and {@link RateLimited} to 3).
 */
public class SourceException extends TracerException {
    private static final long serialVersionUID = 1L;

    public SourceException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * An I/O failure in words for a one-line message: the first message in its cause chain with
     * the type that carries it, or its type alone. A refused connection, which the JDK reports with
     * no message anywhere in the chain, reads "cannot connect (is the {@code peer} running?)".
     */
    public static String describe(IOException e, String peer) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && !m.isBlank()) {
                return (t.getClass().getSimpleName() + ": " + m).replace('\n', ' ').replace('\r', ' ');
            }
        }
        return e instanceof ConnectException ? "cannot connect (is the " + peer + " running?)" : e.getClass().getSimpleName();
    }

    /** The source cannot be reached or read (missing file, refused connection, I/O error). */
    public static final class Unavailable extends SourceException {
        private static final long serialVersionUID = 1L;

        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The source refused for now because of its rate limit. */
    public static final class RateLimited extends SourceException {
        private static final long serialVersionUID = 1L;

        public RateLimited(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
