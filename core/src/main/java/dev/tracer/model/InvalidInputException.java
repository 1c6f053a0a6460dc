package dev.tracer.model;

/**
 * Input the tool cannot accept: a malformed address, a bad checksum, a CSV row with the wrong
 * number of columns, a non-numeric amount. The message is one line and names the input (file and
 * line where there is one). The CLI maps it to exit code 2.
 */
public class InvalidInputException extends TracerException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Prefixes {@code where} (a file, a file:line, an option) to the message of {@code e}. */
    public static InvalidInputException at(String where, InvalidInputException e) {
        return new InvalidInputException(where + ": " + e.getMessage(), e);
    }
}
