package dev.tracer.source.etl;

import dev.tracer.model.InvalidInputException;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Cell parsers shared by the ethereum-etl and explorer readers. Errors name the cell's text. */
final class EtlValues {
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private EtlValues() {
    }

    static BigInteger baseUnits(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            throw new InvalidInputException("empty value");
        }
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) < '0' || t.charAt(i) > '9') {
                throw new InvalidInputException("non-numeric value '" + text + "' (expected an integer in base units)");
            }
        }
        return new BigInteger(t);
    }

    static long number(String what, String text) {
        try {
            long v = Long.parseLong(text.strip());
            if (v < 0) {
                throw new InvalidInputException("negative " + what + " '" + text + "'");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new InvalidInputException("non-numeric " + what + " '" + text + "'", e);
        }
    }

    static int optionalIndex(String what, String text) {
        if (text.isBlank()) {
            return -1;
        }
        long v = number(what, text);
        if (v > Integer.MAX_VALUE) {
            throw new InvalidInputException(what + " '" + text.strip() + "' is too large for a position in a block");
        }
        return (int) v;
    }

    /** The latest time a timestamp may give: the end of year 9999 (Unix seconds). */
    private static final long MAX_SECONDS = 253_402_300_799L;

    /** Unix seconds, or "yyyy-MM-dd HH:mm:ss" with an optional " UTC" (BigQuery), in UTC. */
    static Instant time(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            throw new InvalidInputException("empty timestamp");
        }
        if (t.chars().allMatch(Character::isDigit)) {
            // at most 12 digits: milliseconds (13) and anything longer are not Unix seconds
            if (t.length() > 12 || Long.parseLong(t) > MAX_SECONDS) {
                throw new InvalidInputException("timestamp '" + text.strip() + "' is after the year 9999: not Unix seconds"
                        + " (milliseconds?)");
            }
            return Instant.ofEpochSecond(Long.parseLong(t));
        }
        if (t.endsWith(" UTC")) {
            t = t.substring(0, t.length() - 4);
        }
        try {
            return LocalDateTime.parse(t.replace('T', ' ').replace("Z", ""), UTC_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("malformed timestamp '" + text + "'", e);
        }
    }
}
