package dev.tracer.source;

import dev.tracer.model.TracerException;

/**
 * A data source failed. Subtypes say how, so callers can retry, report or map to an exit code
 * (the CLI maps {@link Unavailable} and {@link RateLimited} to 3).
 */
public class SourceException extends TracerException {
    private static final long serialVersionUID = 1L;

    public SourceException(String message, Throwable cause) {
        super(message, cause);
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
