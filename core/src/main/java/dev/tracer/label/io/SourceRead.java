package dev.tracer.label.io;

import dev.tracer.label.Label;
import java.util.List;
import java.util.SortedMap;

/**
 * What one reader got from one source file.
 *
 * @param description what the source says it is (a TagPack's title), or "" for the importer to fill in
 * @param rows        tags, lines or rows read (entries, not counting headers and comments)
 * @param labels      distinct labels, in the order first read
 * @param skipped     entries not turned into a label, per reason
 * @param warnings    one line each, naming the file and line
 */
record SourceRead(String description, int rows, List<Label> labels, SortedMap<String, Integer> skipped,
                  List<String> warnings) {
    SourceRead {
        labels = List.copyOf(labels);
        skipped = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(skipped));
        warnings = List.copyOf(warnings);
    }
}
