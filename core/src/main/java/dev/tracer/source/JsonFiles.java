package dev.tracer.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracer.model.InvalidInputException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads the project's small JSON files (dataset.json, incident.json) with one-line errors. */
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
            throw new InvalidInputException(file + ": malformed JSON: " + e.getOriginalMessage(), e);
        } catch (NoSuchFileException | FileNotFoundException e) {
            throw new SourceException.Unavailable(file + ": no such file", e);
        } catch (IOException e) {
            throw new SourceException.Unavailable(file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
