package dev.tracer.source.http;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracer.model.InvalidInputException;
import dev.tracer.source.JsonFiles;
import dev.tracer.source.SourceException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Request → response exchanges of one source, as a JSON file:
 * <pre>
 * {"format": "tracer-recording/1", "source": "esplora",
 *  "exchanges": [{"request": "GET /tx/…", "status": 200, "body": "…"}, …]}
 * </pre>
 * Requests are relative to the source's base URL and hold no credentials; exchanges are sorted by
 * request, so the same session writes the same bytes. Immutable.
 */
public final class Recording {
    /** The value of the {@code format} field. */
    public static final String FORMAT = "tracer-recording/1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String source;
    private final SortedMap<String, HttpReply> exchanges;

    /**
     * @param source which source made it ({@code esplora}, {@code bitcoin-core-rpc}); replay
     *               builds the same source over it
     */
    public Recording(String source, Map<String, HttpReply> exchanges) {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("a recording names its source");
        }
        this.source = source;
        this.exchanges = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(exchanges));
    }

    public String source() {
        return source;
    }

    public Optional<HttpReply> reply(HttpCall call) {
        return Optional.ofNullable(exchanges.get(call.key()));
    }

    public int size() {
        return exchanges.size();
    }

    /**
     * Reads a recording.
     *
     * @throws SourceException.Unavailable when the file is missing or unreadable
     * @throws InvalidInputException naming the file when it is not a recording
     */
    public static Recording read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new SourceException.Unavailable("recording " + file + " not found", e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw JsonFiles.malformed(file.toString(), "JSON", e);
        } catch (IOException e) {
            throw new SourceException.Unavailable("cannot read recording " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !FORMAT.equals(root.path("format").asText()) || !root.path("source").isTextual()
                || !root.path("exchanges").isArray()) {
            throw new InvalidInputException(file + ": not a tracer recording (expected format " + FORMAT + ")");
        }
        TreeMap<String, HttpReply> m = new TreeMap<>();
        int i = 0;
        for (JsonNode x : root.get("exchanges")) {
            if (!x.path("request").isTextual() || !x.path("status").isInt() || !x.path("body").isTextual()) {
                throw new InvalidInputException(file + ": exchange " + i + " needs request, status and body");
            }
            m.put(x.get("request").asText(), HttpReply.of(x.get("status").asInt(), x.get("body").asText()));
            i++;
        }
        return new Recording(root.get("source").asText(), m);
    }

    /** Writes the recording to {@code file}, whole or not at all (a temporary sibling moved into place). */
    public void write(Path file) {
        Objects.requireNonNull(file, "file");
        Path abs = file.toAbsolutePath();
        try {
            Files.createDirectories(abs.getParent());
            Path tmp = Files.createTempFile(abs.getParent(), abs.getFileName().toString(), ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp);
                 JsonGenerator j = JSON.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
                j.useDefaultPrettyPrinter();
                j.writeStartObject();
                j.writeStringField("format", FORMAT);
                j.writeStringField("source", source);
                j.writeArrayFieldStart("exchanges");
                for (Map.Entry<String, HttpReply> e : exchanges.entrySet()) {
                    j.writeStartObject();
                    j.writeStringField("request", e.getKey());
                    j.writeNumberField("status", e.getValue().status());
                    j.writeStringField("body", e.getValue().body());
                    j.writeEndObject();
                }
                j.writeEndArray();
                j.writeEndObject();
                j.writeRaw('\n');
            }
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new SourceException.Unavailable("cannot write recording " + file + ": " + e.getMessage(), e);
        }
    }
}
