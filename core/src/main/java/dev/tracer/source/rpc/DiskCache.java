package dev.tracer.source.rpc;

import dev.tracer.source.SourceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * A persistent content-addressed store of immutable answers: the value for key K lives in
 * {@code DIR/ab/abcdef….json} where {@code abcdef…} is SHA-256(K). Each file is written to a
 * temporary sibling and renamed into place, so a crash or a concurrent writer never leaves a
 * half-written entry (two writers of one key write the same bytes). O(1) per lookup, plus one
 * parse of the entry: an entry that is not JSON (edited, or damaged on the disk) is a miss, is
 * deleted and is fetched again, with a warning; otherwise it would be handed on as the node's
 * answer without the checks a node's answer gets.
 */
final class DiskCache {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DiskCache.class);
    private final Path dir;

    DiskCache(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new SourceException.Unavailable("cache directory " + dir + ": cannot create: " + e.getMessage(), e);
        }
    }

    Path dir() {
        return dir;
    }

    private Path file(String key) {
        String h = Json.sha256(key);
        return dir.resolve(h.substring(0, 2)).resolve(h + ".json");
    }

    Optional<String> get(String key) {
        Path f = file(key);
        String text;
        try {
            text = Files.readString(f, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (java.nio.charset.CharacterCodingException e) {
            return damaged(f, "not UTF-8 text");
        } catch (IOException e) {
            throw new SourceException.Unavailable("cache " + f + ": cannot read: " + e.getMessage(), e);
        }
        try {
            if (Json.parse(text) == null || text.isBlank()) {
                return damaged(f, "empty");
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return damaged(f, "not JSON (" + dev.tracer.source.JsonFiles.reason(e) + ")");
        }
        return Optional.of(text);
    }

    /** A damaged entry: deleted, so that the fetch that follows writes it again. */
    private static Optional<String> damaged(Path f, String why) {
        LOG.warn("cache entry {} is {}: asking the node again", f, why);
        try {
            Files.deleteIfExists(f);
        } catch (IOException e) {
            throw new SourceException.Unavailable("cache " + f + ": damaged and cannot be deleted: " + e.getMessage(), e);
        }
        return Optional.empty();
    }

    void put(String key, String value) {
        Path f = file(key);
        if (Files.exists(f)) {
            return;
        }
        writeAtomically(f, value);
    }

    /** Writes {@code content} to {@code f} through a temporary sibling and an atomic rename. */
    static void writeAtomically(Path f, String content) {
        Path tmp = null;
        try {
            Files.createDirectories(f.getParent());
            tmp = Files.createTempFile(f.getParent(), "." + f.getFileName(), ".tmp");
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new SourceException.Unavailable(f + ": cannot write: " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort
                }
            }
        }
    }
}
