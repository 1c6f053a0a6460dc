package dev.tracer.model;

/** Root of the project's unchecked, typed exceptions. Causes are always kept. */
public class TracerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TracerException(String message) {
        super(message);
    }

    public TracerException(String message, Throwable cause) {
        super(message, cause);
    }
}
