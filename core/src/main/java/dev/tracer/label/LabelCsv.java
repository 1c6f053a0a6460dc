package dev.tracer.label;

import dev.tracer.model.Address;
import dev.tracer.model.Chain;
import dev.tracer.model.InvalidInputException;
import dev.tracer.source.CsvRows;
import dev.tracer.source.SourceException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * The project's own label file: a CSV with the header
 * {@code chain,address,entity,category,source,confidence,cluster_definer}. The last column is
 * optional when reading (files written before it existed have six columns; a missing or empty
 * cell means {@code false}). A file whose name ends in {@code .gz} is read through gzip.
 *
 * <p>Written files are deterministic: rows sorted by chain, address and entity (then category,
 * source, confidence, cluster definer), {@code \n} line ends, RFC 4180 quoting only where a cell
 * needs it, canonical addresses, no trailing spaces.
 */
public final class LabelCsv {
    /** The columns, in the order written. */
    public static final List<String> COLUMNS = List.of("chain", "address", "entity", "category", "source",
            "confidence", "cluster_definer");
    private static final List<String> REQUIRED = COLUMNS.subList(0, 6);

    /** The order of rows in a written file. */
    public static final Comparator<Label> FILE_ORDER = Comparator
            .comparing((Label l) -> l.address().chain().name())
            .thenComparing(l -> l.address().value())
            .thenComparing(Label::entity)
            .thenComparing(Label::category)
            .thenComparing(Label::source)
            .thenComparingInt(Label::confidence)
            .thenComparing(Label::clusterDefiner);

    private LabelCsv() {
    }

    /**
     * Reads {@code file}; every label gets {@code pack} as its pack.
     *
     * @throws InvalidInputException naming file and line for a bad row (address, category,
     *                               confidence, column count)
     * @throws SourceException.Unavailable when the file cannot be read
     */
    public static List<Label> read(Path file, String pack) {
        return read(file, pack, Optional.empty());
    }

    /** As {@link #read(Path, String)}, keeping only the rows whose chain column is {@code chain} (other rows are not parsed). */
    public static List<Label> read(Path file, String pack, Optional<String> chain) {
        String name = file.toString();
        List<Label> labels = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
             Reader r = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder())) {
            CsvRows.read(name, r, REQUIRED, row -> {
                if (chain.isEmpty() || chain.get().equals(row.get("chain").strip())) {
                    labels.add(row.parse(() -> parse(row, pack)));
                }
            });
        } catch (NoSuchFileException e) {
            throw new SourceException.Unavailable(name + ": no such file", e);
        } catch (java.util.zip.ZipException e) {
            throw new InvalidInputException(name + ": not a gzip file: " + e.getMessage(), e);
        } catch (IOException | UncheckedIOException e) {
            throw new SourceException.Unavailable(name + ": cannot read: " + e.getMessage(), e);
        }
        return labels;
    }

    private static Label parse(CsvRows.Row row, String pack) {
        Chain chain = Chain.parse(row.get("chain"));
        int confidence;
        try {
            confidence = Integer.parseInt(row.get("confidence").strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("non-numeric confidence '" + row.get("confidence") + "'", e);
        }
        String cd = row.opt("cluster_definer").strip();
        boolean clusterDefiner = switch (cd) {
            case "", "false" -> false;
            case "true" -> true;
            default -> throw new InvalidInputException("cluster_definer must be true or false, got '" + cd + "'");
        };
        return new Label(Address.parse(chain, row.get("address")), row.get("entity").strip(),
                Category.parse(row.get("category")), row.get("source").strip(), confidence, clusterDefiner, pack);
    }

    /** Writes {@code labels} (any order; duplicates are written as often as given) in file order. */
    public static void write(Collection<Label> labels, Writer w) throws IOException {
        w.write(String.join(",", COLUMNS));
        w.write('\n');
        List<Label> sorted = new ArrayList<>(labels);
        sorted.sort(FILE_ORDER);
        StringBuilder line = new StringBuilder(256);
        for (Label l : sorted) {
            line.setLength(0);
            line.append(l.address().chain().name()).append(',')
                    .append(l.address().value()).append(',')
                    .append(cell(l.entity())).append(',')
                    .append(l.category().code()).append(',')
                    .append(cell(l.source())).append(',')
                    .append(l.confidence()).append(',')
                    .append(l.clusterDefiner()).append('\n');
            w.write(line.toString());
        }
    }

    /** A cell, quoted (with doubled quotes) when it holds a comma, quote, line break or edge space. */
    static String cell(String s) {
        boolean quote = s.isEmpty() || !s.equals(s.strip());
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
