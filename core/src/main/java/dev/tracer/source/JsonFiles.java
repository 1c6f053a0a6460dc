package dev.tracer.source;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracer.model.InvalidInputException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads the project's small JSON files (dataset.json, incident.json) with one-line errors, and
 * makes the one-line error for any text Jackson cannot parse (JSON, CSV, YAML).
 */
public final class JsonFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonFiles() {
    }

    /**
     * The JSON tree of {@code file}.
     *
     * @throws InvalidInputException for malformed JSON, naming the file
     * @throws SourceException.Unavailable when the file is missing or unreadable
     */
    public static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw malformed(file.toString(), "JSON", e);
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(file + ": not UTF-8 text", e);
        } catch (NoSuchFileException | FileNotFoundException e) {
            throw new SourceException.Unavailable(file + ": no such file", e);
        } catch (IOException e) {
            throw new SourceException.Unavailable(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * The error for text Jackson could not parse, on one line: {@code NAME:LINE: malformed FORMAT:
     * REASON}. The reason is the first line of Jackson's message without its pointer into the
     * source ({@code (start marker at [Source: ...])}, which shows nothing useful once the source is
     * hidden); the line number says where instead.
     *
     * @param format what the text should have been: {@code JSON}, {@code CSV}, {@code YAML}
     */
    public static InvalidInputException malformed(String name, String format, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 1 ? "" : ":" + at.getLineNr();
        return new InvalidInputException(name + where + ": malformed " + format + ": " + reason(e), e);
    }

    /**
     * Jackson's message for {@code e} on one line, without pointers into the source. A YAML
     * parser's message spans lines: what it was parsing, then an excerpt of the source (indented
     * lines), then the problem; the lines that are not indented are kept, joined by "; ".
     */
    public static String reason(JsonProcessingException e) {
        String raw = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().strip();
        String m = String.join("; ", raw.lines().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0))).toList());
        int pointer = m.indexOf(" (start marker at ");
        if (pointer < 0) {
            pointer = m.indexOf(" at [Source:");
        }
        if (pointer >= 0) {
            m = m.substring(0, pointer);
        }
        StringBuilder b = new StringBuilder(m.length());
        m.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return b.toString().strip();
    }
}
