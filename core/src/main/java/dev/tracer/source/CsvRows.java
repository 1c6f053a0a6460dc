package dev.tracer.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.tracer.model.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads a CSV file with a header row through Jackson's CSV parser and hands out rows whose
 * columns are looked up by header name. Every row must have as many columns as the header; a row
 * that does not, or a header missing a required column, is an {@link InvalidInputException}
 * naming the file and line.
 *
 * <p>A file read from disk must end with a line break. Exports (ethereum-etl, explorers, this
 * project's own writers) always do; a file that stops inside its last row has been cut short (an
 * interrupted download or copy), and its last cell may still parse: a block timestamp
 * {@code 1743728435} cut to {@code 17437}, a token's decimals {@code 18} cut to {@code 1}. Such a
 * file is refused rather than read with a wrong last row.
 */
public final class CsvRows {
    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();

    private CsvRows() {
    }

    /** One data row. */
    public static final class Row {
        private final String file;
        private final long line;
        private final Map<String, Integer> columns;
        private final String[] cells;

        private Row(String file, long line, Map<String, Integer> columns, String[] cells) {
            this.file = file;
            this.line = line;
            this.columns = columns;
            this.cells = cells;
        }

        /** The cell of a column the header must have. */
        public String get(String column) {
            Integer i = columns.get(column);
            if (i == null) {
                throw error("no column '" + column + "'");
            }
            return cells[i];
        }

        /** The cell of an optional column, or "" when the header lacks it. */
        public String opt(String column) {
            Integer i = columns.get(column);
            return i == null ? "" : cells[i];
        }

        /** The index of a column in this file's header, or -1; the same for every row of one file. */
        public int index(String column) {
            Integer i = columns.get(column);
            return i == null ? -1 : i;
        }

        /** The cell at a column {@link #index}, or "" for -1 (a column the header lacks). */
        public String cell(int index) {
            return index < 0 ? "" : cells[index];
        }

        public boolean has(String column) {
            return columns.containsKey(column);
        }

        public long line() {
            return line;
        }

        /** "file:line: message". */
        public InvalidInputException error(String message) {
            return new InvalidInputException(file + ":" + line + ": " + message);
        }

        /** Runs {@code parse}, prefixing any input error with this row's file and line. */
        public <T> T parse(java.util.function.Supplier<T> parse) {
            try {
                return parse.get();
            } catch (InvalidInputException e) {
                throw InvalidInputException.at(file + ":" + line, e);
            }
        }
    }

    /**
     * Reads {@code file}, checks its header has {@code required}, and passes each row to
     * {@code sink} in file order.
     *
     * @throws InvalidInputException for a missing column, a wrong column count or bad CSV syntax
     * @throws SourceException.Unavailable when the file cannot be read
     */
    public static void read(Path file, Collection<String> required, Consumer<Row> sink) {
        String name = file.toString();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            requireLineBreakAtEnd(file, name);
            read(name, reader, required, sink);
        } catch (NoSuchFileException e) {
            throw new SourceException.Unavailable(name + ": no such file", e);
        } catch (MalformedInputException e) {
            throw new InvalidInputException(name + ": not UTF-8 text", e);
        } catch (IOException e) {
            throw new SourceException.Unavailable(name + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Refuses a non-empty file whose last byte is not a line break: it was cut inside its last row. */
    private static void requireLineBreakAtEnd(Path file, String name) throws IOException {
        try (SeekableByteChannel ch = Files.newByteChannel(file)) {
            long size = ch.size();
            if (size == 0) {
                return; // the header check reports an empty file
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            ch.position(size - 1);
            if (ch.read(last) != 1) {
                throw new IOException("the file shrank while being read");
            }
            byte b = last.get(0);
            if (b != '\n' && b != '\r') {
                throw new InvalidInputException(name + ": no line break after the last row: the file looks cut short"
                        + " (an export ends with one; if this file is complete, add it)");
            }
        }
    }

    /** As {@link #read(Path, Collection, Consumer)}, from a reader; {@code name} is used in messages. */
    public static void read(String name, Reader reader, Collection<String> required, Consumer<Row> sink) {
        try (MappingIterator<String[]> it = MAPPER.readerFor(String[].class).readValues(reader)) {
            if (!it.hasNext()) {
                throw new InvalidInputException(name + ":1: empty file, expected a header row");
            }
            String[] header = it.next();
            Map<String, Integer> columns = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                columns.put(header[i].strip(), i);
            }
            for (String r : required) {
                if (!columns.containsKey(r)) {
                    throw new InvalidInputException(name + ":1: header lacks column '" + r + "' (has " + List.of(header) + ")");
                }
            }
            long line = 1;
            while (true) {
                String[] cells;
                try {
                    if (!it.hasNextValue()) {
                        break;
                    }
                    line = it.getCurrentLocation().getLineNr();
                    cells = it.nextValue();
                } catch (JsonProcessingException e) {
                    throw new InvalidInputException(name + ":" + line
                            + ": malformed CSV: " + JsonFiles.reason(e), e);
                }
                if (cells.length != header.length) {
                    throw new InvalidInputException(name + ":" + line + ": expected " + header.length
                            + " columns, found " + cells.length);
                }
                sink.accept(new Row(name, line, columns, cells));
            }
        } catch (JsonProcessingException e) {
            throw JsonFiles.malformed(name, "CSV", e);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InvalidInputException(name + ": not UTF-8 text", e);
        } catch (IOException e) {
            throw new SourceException.Unavailable(name + ": cannot read: " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof java.nio.charset.CharacterCodingException c) {
                throw new InvalidInputException(name + ": not UTF-8 text", c);
            }
            throw new SourceException.Unavailable(name + ": cannot read: " + e.getCause().getMessage(), e);
        }
    }
}
