package dev.tracer.source.etl;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.tracer.graph.TransferGraph;
import dev.tracer.model.Asset;
import dev.tracer.model.TransferKind;
import dev.tracer.source.Dataset;
import dev.tracer.source.SourceException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;

/**
 * Writes a {@link Dataset} as ethereum-etl CSV files plus {@code dataset.json}: the project's
 * fixture format. Only on-chain facts are written (hashes, addresses, amounts in base units,
 * blocks, times, token contracts with the symbol and decimals they report). Rows are in chain
 * order and files end in a newline, so the same dataset always gives byte-identical files;
 * {@code dataset.json} lists each CSV file with its size and SHA-256, checked when it is read.
 * Unknown in-block positions (transaction and log index) are left empty.
 */
public final class EtlCsvWriter {
    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(com.fasterxml.jackson.dataformat.csv.CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
    private static final List<String> TX_COLUMNS = List.of(
            "hash", "block_number", "transaction_index", "from_address", "to_address", "value", "block_timestamp");
    private static final List<String> TOKEN_COLUMNS = List.of(
            "token_address", "from_address", "to_address", "value", "transaction_hash", "log_index",
            "transaction_index", "block_number", "block_timestamp");
    private static final List<String> TRACE_COLUMNS = List.of(
            "block_number", "transaction_hash", "transaction_index", "from_address", "to_address", "value",
            "trace_type", "call_type", "trace_address", "status", "block_timestamp");
    private static final List<String> TOKENS_COLUMNS = List.of("address", "symbol", "name", "decimals");
    /** The files written besides dataset.json, which lists them with their sizes and digests. */
    private static final List<String> FILES = List.of("token_transfers.csv", "tokens.csv", "traces.csv", "transactions.csv");

    /** Writes the files into {@code dir}, which must exist. */
    public void write(Dataset data, Path dir) {
        TransferGraph g = data.graph();
        try (Rows tx = new Rows(dir.resolve("transactions.csv"), TX_COLUMNS);
             Rows tok = new Rows(dir.resolve("token_transfers.csv"), TOKEN_COLUMNS);
             Rows tr = new Rows(dir.resolve("traces.csv"), TRACE_COLUMNS)) {
            TreeMap<String, Asset> tokens = new TreeMap<>();
            for (int e = 0; e < g.edgeCount(); e++) {
                TransferKind kind = g.kind(e);
                String from = g.address(g.from(e)).value();
                String to = g.address(g.to(e)).value();
                String value = g.amount(e).toString();
                String block = Long.toString(g.block(e));
                String time = Long.toString(g.epochSecond(e));
                int index = g.transfer(e).txIndex();
                String txIndex = index < 0 ? "" : Integer.toString(index);
                switch (kind) {
                    case NATIVE -> tx.row(g.tx(e).value(), block, txIndex, from, to, value, time);
                    case TOKEN -> {
                        Asset a = g.assetOf(e);
                        tokens.put(a.contract().orElseThrow().value(), a);
                        String logIndex = txIndex.isEmpty() ? "" : Integer.toString(g.position(e) - 1);
                        tok.row(a.contract().orElseThrow().value(), from, to, value, g.tx(e).value(), logIndex,
                                txIndex, block, time);
                    }
                    case INTERNAL -> tr.row(block, g.tx(e).value(), txIndex, from, to, value, "call", "call",
                            Integer.toString(g.position(e) - 1_000_000), "1", time);
                    case UTXO -> throw new IllegalArgumentException("UTXO transfers have no ethereum-etl form");
                }
            }
            try (Rows tk = new Rows(dir.resolve("tokens.csv"), TOKENS_COLUMNS)) {
                for (Asset a : tokens.values()) {
                    tk.row(a.contract().orElseThrow().value(), a.symbol(), "",
                            a.decimalsKnown() ? Integer.toString(a.decimals()) : "");
                }
            }
        } catch (IOException e) {
            throw new SourceException.Unavailable(dir + ": cannot write: " + e.getMessage(), e);
        }
        try { // after every CSV file is closed, so that the sizes and digests are of the whole files
            Files.writeString(dir.resolve(DatasetManifest.FILE), new DatasetManifest(data.coverage(), data.description())
                    .withFiles(dir, FILES).toJson(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SourceException.Unavailable(dir + ": cannot write: " + e.getMessage(), e);
        }
    }

    /** One CSV file with a header, quoted where needed, LF line ends. */
    private static final class Rows implements AutoCloseable {
        private final Writer out;
        private final SequenceWriter seq;

        Rows(Path file, List<String> columns) throws IOException {
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setLineSeparator("\n");
            columns.forEach(schema::addColumn);
            seq = CSV.writer(schema.build()).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValues(out);
        }

        void row(String... cells) throws IOException {
            seq.write(cells);
        }

        @Override
        public void close() throws IOException {
            seq.close();
            out.close();
        }
    }
}
