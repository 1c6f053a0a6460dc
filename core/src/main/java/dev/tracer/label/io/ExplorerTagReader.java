package dev.tracer.label.io;

import dev.tracer.label.Category;
import dev.tracer.label.Label;
import dev.tracer.model.Address;
import dev.tracer.model.Chain;
import dev.tracer.model.InvalidInputException;
import dev.tracer.source.CsvRows;
import dev.tracer.source.SourceException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an explorer label-cloud export: the accounts Etherscan lists under one of its labels,
 * as a CSV with the columns {@code ,Address,Name Tag,Balance,Txn Count} (the layout of
 * github.com/brianleect/etherscan-labels). The label is the file's name, and it decides the
 * category for every row: {@code bridge} is {@link Category#BRIDGE}, {@code tornado-cash} and
 * {@code ethereum-mixer} are {@link Category#MIXER}, {@code binance} is
 * {@link Category#EXCHANGE}, {@code blocked} (addresses a token issuer froze, Etherscan's
 * "Blocked" label) is {@link Category#BLOCKED}. The entity is the row's name tag (an unnamed row
 * is "unnamed (LABEL)"); confidence is 20, GraphSense's level for web crawls. Balances and
 * counts are a snapshot of the scrape and are not read.
 *
 * <p>Known false positives: a label cloud holds every contract of a project, so
 * {@code tornado-cash} also lists its governance, vesting and token contracts and a Gitcoin grant
 * address ("Gitcoin Grants: Tornado.cash"), and {@code binance} lists token contracts (BNB,
 * BUSD) that are not wallets: all get the file's category.
 */
final class ExplorerTagReader {
    static final String FORMAT = "explorer-tags";
    /** GraphSense's level for web crawls (see {@link GraphSenseTaxonomy}). */
    static final int CONFIDENCE = 20;
    private static final Map<String, Category> BY_LABEL = Map.of(
            "bridge", Category.BRIDGE,
            "tornado-cash", Category.MIXER,
            "ethereum-mixer", Category.MIXER,
            "binance", Category.EXCHANGE,
            "blocked", Category.BLOCKED);

    /** The category of a label file, if known. */
    static Optional<Category> category(String label) {
        return Optional.ofNullable(BY_LABEL.get(label));
    }

    SourceRead read(Path file, String name, String label) {
        Category category = category(label).orElseThrow(() -> new InvalidInputException(name
                + ": no category known for the explorer label '" + label + "' (known: "
                + String.join(", ", new java.util.TreeSet<>(BY_LABEL.keySet())) + ")"));
        SourceTally tally = new SourceTally(name);
        String source = "Etherscan label '" + label + "'";
        try (Reader r = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder())) {
            CsvRows.read(name, r, List.of("Address", "Name Tag"), row -> {
                tally.row();
                Address a;
                try {
                    a = Address.parse(Chain.ETHEREUM, row.get("Address"));
                } catch (InvalidInputException e) {
                    tally.skip(SourceTally.INVALID_ADDRESS, row.line(), "row", e.getMessage());
                    return;
                }
                String tag = SourceTally.oneLine(row.get("Name Tag"));
                tally.add(new Label(a, tag.isEmpty() ? "unnamed (" + label + ")" : tag, category, source,
                        CONFIDENCE, false, ""));
            });
        } catch (NoSuchFileException e) {
            throw new SourceException.Unavailable(name + ": no such file", e);
        } catch (IOException e) {
            throw new SourceException.Unavailable(name + ": cannot read: " + e.getMessage(), e);
        }
        return tally.result("Etherscan accounts labelled '" + label + "'");
    }
}
