package dev.tracer.label.io;

import dev.tracer.source.SourceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The table of a data directory's {@code PROVENANCE.md}: one Markdown table row per folder,
 * {@code | folder | source repository @ commit | licence | how copied |}. Only the first three
 * cells are used.
 */
final class ProvenanceTable {
    /** Where a folder came from. */
    record Row(String source, String licence) {
    }

    private final Map<String, Row> byFolder;

    private ProvenanceTable(Map<String, Row> byFolder) {
        this.byFolder = Map.copyOf(byFolder);
    }

    static ProvenanceTable empty() {
        return new ProvenanceTable(Map.of());
    }

    static ProvenanceTable read(Path file) {
        Map<String, Row> m = new HashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String t = line.strip();
                if (!t.startsWith("|") || t.startsWith("|---") || t.startsWith("| ---")) {
                    continue;
                }
                String[] cells = t.substring(1).split("\\|", -1);
                if (cells.length >= 3) {
                    m.putIfAbsent(normalise(cells[0]), new Row(SourceTally.oneLine(cells[1]), SourceTally.oneLine(cells[2])));
                }
            }
        } catch (IOException e) {
            throw new SourceException.Unavailable(file + ": cannot read: " + e.getMessage(), e);
        }
        return new ProvenanceTable(m);
    }

    /** The row of {@code folder} ({@code labels/ofac}), with or without a trailing slash. */
    Optional<Row> folder(String folder) {
        return Optional.ofNullable(byFolder.get(normalise(folder)));
    }

    private static String normalise(String folder) {
        String f = folder.strip();
        while (f.endsWith("/")) {
            f = f.substring(0, f.length() - 1);
        }
        return f;
    }
}
