package dev.tracer.label.io;

import dev.tracer.label.Category;
import dev.tracer.label.Label;
import dev.tracer.model.Address;
import dev.tracer.model.Chain;
import dev.tracer.model.InvalidInputException;
import dev.tracer.source.CsvRows;
import dev.tracer.source.SourceException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a Bitcoin entity list: a CSV with the columns {@code address,entity,source}, where
 * lines starting with {@code #} are comments (before the header too) and blank lines are
 * ignored (the curated lists of github.com/Copexit/am-i-exposed, {@code entity-data/curated}).
 * Each row is one label on Bitcoin: entity from the row, source from the row's source tag (as
 * {@code ofac-sdn-2022-05-06} or {@code walletexplorer-cluster}), confidence 20, GraphSense's level
 * for web crawls, since the lists are compiled from explorers, clustering sites, papers and
 * sanctions notices by a third party.
 *
 * <p>The category comes from the file name, by prefix: {@code exchange-},
 * {@code bankruptcy-exchange} and {@code proof-of-reserves} are {@link Category#EXCHANGE},
 * {@code mixer} {@link Category#MIXER}, {@code ransomware} {@link Category#RANSOMWARE},
 * {@code darknet-market} {@link Category#MARKET}, {@code doj-seizure} {@link Category#SEIZED},
 * {@code mining-pool} {@link Category#MINING_POOL}, {@code ofac} {@link Category#SANCTIONED},
 * {@code scam} {@link Category#SCAM}, {@code p2p-platform} {@link Category#SERVICE}; any other
 * name is {@link Category#OTHER}, with a warning.
 *
 * <p>Known false positives: one category per file, so rows the compiler filed by theme get the
 * file's kind: {@code doj-seizure} holds Hydra market addresses whose row source is an OFAC
 * designation, {@code scam-ponzi} holds addresses of Lazarus Group launderers. Clustering-derived
 * rows ({@code walletexplorer-cluster}) inherit any error of the clustering heuristic.
 */
final class EntityListReader {
    static final String FORMAT = "entity-csv";
    /** GraphSense's level for web crawls (see {@link GraphSenseTaxonomy}). */
    static final int CONFIDENCE = 20;
    private static final List<Map.Entry<String, Category>> BY_PREFIX = List.of(
            Map.entry("exchange-", Category.EXCHANGE),
            Map.entry("bankruptcy-exchange", Category.EXCHANGE),
            Map.entry("proof-of-reserves", Category.EXCHANGE),
            Map.entry("mixer", Category.MIXER),
            Map.entry("ransomware", Category.RANSOMWARE),
            Map.entry("darknet-market", Category.MARKET),
            Map.entry("doj-seizure", Category.SEIZED),
            Map.entry("mining-pool", Category.MINING_POOL),
            Map.entry("ofac", Category.SANCTIONED),
            Map.entry("scam", Category.SCAM),
            Map.entry("p2p-platform", Category.SERVICE));

    /** The category of a list by its file stem, if the name says. */
    static Optional<Category> category(String stem) {
        return BY_PREFIX.stream().filter(e -> stem.startsWith(e.getKey())).map(Map.Entry::getValue).findFirst();
    }

    SourceRead read(Path file, String name, String stem) {
        SourceTally tally = new SourceTally(name);
        Optional<Category> known = category(stem);
        if (known.isEmpty()) {
            tally.warn("the file name says no kind of entity: labelled 'other'");
        }
        Category category = known.orElse(Category.OTHER);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (NoSuchFileException e) {
            throw new SourceException.Unavailable(name + ": no such file", e);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InvalidInputException(name + ": not UTF-8 text", e);
        } catch (IOException e) {
            throw new SourceException.Unavailable(name + ": cannot read: " + e.getMessage(), e);
        }
        CsvRows.read(name, new StringReader(blankComments(text)), List.of("address", "entity", "source"), row -> {
            tally.row();
            Address a;
            try {
                a = Address.parse(Chain.BITCOIN, row.get("address"));
            } catch (InvalidInputException e) {
                tally.skip(SourceTally.INVALID_ADDRESS, row.line(), "row", e.getMessage());
                return;
            }
            String entity = SourceTally.oneLine(row.get("entity"));
            String source = SourceTally.oneLine(row.get("source"));
            if (entity.isEmpty() || source.isEmpty()) {
                String missing = entity.isEmpty() ? "entity" : "source";
                tally.skip("no_" + missing, row.line(), "row " + a, "empty " + missing);
                return;
            }
            tally.add(new Label(a, entity, category, source, CONFIDENCE, false, ""));
        });
        return tally.result("Bitcoin entity list '" + stem + "'");
    }

    /** Comment lines emptied, not removed, so the CSV reader's line numbers stay the file's. */
    static String blankComments(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (String line : text.split("\n", -1)) {
            b.append(line.stripLeading().startsWith("#") ? "" : line).append('\n');
        }
        b.setLength(b.length() - 1);
        return b.toString();
    }
}
