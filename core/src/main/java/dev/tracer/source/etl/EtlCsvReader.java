package dev.tracer.source.etl;

import dev.tracer.assets.AssetRegistry;
import dev.tracer.graph.TransferGraph;
import dev.tracer.graph.TransferGraph.Builder.EvmRow;
import dev.tracer.model.Address;
import dev.tracer.model.Asset;
import dev.tracer.model.BlockRange;
import dev.tracer.model.Chain;
import dev.tracer.model.Coverage;
import dev.tracer.model.InvalidInputException;
import dev.tracer.model.TransferKind;
import dev.tracer.source.CsvRows;
import dev.tracer.source.Dataset;
import dev.tracer.source.PipelinedCsvRows;
import dev.tracer.source.SourceException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a directory in the ethereum-etl / BigQuery {@code crypto_ethereum} CSV schema into a
 * {@link Dataset}. Columns are found by header name, so extra columns (BigQuery's, receipts')
 * are ignored and the project's own fixtures, which carry only the columns that hold on-chain
 * facts, read the same way.
 *
 * <ul>
 *   <li>{@code transactions.csv}: hash, block_number, from_address, to_address, value; optional
 *       transaction_index, block_timestamp, receipt_status (failed transactions move nothing),
 *       receipt_contract_address (a contract creation, to_address empty, with value pays the
 *       contract it created; without that column such a row is skipped).
 *   <li>{@code token_transfers.csv}: token_address, from_address, to_address, value,
 *       transaction_hash, block_number; optional log_index, block_timestamp.
 *   <li>{@code traces.csv}: internal transfers, the rows with a non-empty trace_address, value
 *       above zero, a call that is not a delegatecall/staticcall, and no error.
 *   <li>{@code tokens.csv}: address, symbol, decimals (name optional).
 *   <li>{@code blocks.csv}: number, timestamp, for files without block_timestamp.
 *   <li>{@code dataset.json}: coverage (see {@link DatasetManifest}); may be replaced by an
 *       explicit coverage for a user's export that has none.
 * </ul>
 * Cost: one pass over each file, O(rows); the graph build sorts, O(E log E).
 */
public final class EtlCsvReader {
    private static final Logger LOG = LoggerFactory.getLogger(EtlCsvReader.class);

    private final AssetRegistry registry;

    public EtlCsvReader(AssetRegistry registry) {
        this.registry = registry;
    }

    /** How to cover a directory that has no dataset.json. */
    public enum AssumedCoverage {
        /** The files are a complete export of every transfer in their block range. */
        FULL_EXPORT,
        /** Only the given seed addresses' outflows are complete. */
        SEEDS_ONLY
    }

    /** Reads {@code dir}, which must hold a dataset.json. */
    public Dataset read(Path dir) {
        return read(dir, Optional.empty(), List.of());
    }

    /**
     * Reads {@code dir}; when it has no dataset.json, {@code assumed} says what it covers (and
     * {@code seeds} are the addresses for {@link AssumedCoverage#SEEDS_ONLY}).
     */
    public Dataset read(Path dir, Optional<AssumedCoverage> assumed, List<Address> seeds) {
        if (!Files.isDirectory(dir)) {
            throw new SourceException.Unavailable(dir + ": no such data directory", null);
        }
        boolean hasManifest = Files.exists(dir.resolve(DatasetManifest.FILE));
        DatasetManifest manifest = hasManifest ? DatasetManifest.read(dir) : null;
        if (manifest == null && assumed.isEmpty()) {
            throw new InvalidInputException(dir + ": no " + DatasetManifest.FILE
                    + "; say what the files cover with --coverage full (a complete export of their block range)"
                    + " or --coverage seeds (only the seeds' outflows are complete)");
        }
        // sizes now; digests on a second thread while the files are parsed, awaited before the data is used
        DigestCheck digests = manifest != null ? manifest.verifyAlongside(dir) : DigestCheck.NONE;
        Chain chain = manifest != null ? manifest.coverage().chain() : Chain.ETHEREUM;
        TransferGraph graph;
        try {
            graph = readGraph(dir, chain);
        } catch (RuntimeException e) {
            throw digests.awaitAfter(e);
        } catch (Error e) { // out of memory: the check's result is not needed
            digests.cancel();
            throw e;
        }
        digests.await();
        Coverage coverage;
        String description;
        if (manifest != null) {
            coverage = manifest.coverage();
            description = manifest.description();
        } else {
            long first = graph.edgeCount() == 0 ? 0 : graph.block(0);
            long last = graph.edgeCount() == 0 ? 0 : graph.block(graph.edgeCount() - 1);
            BlockRange range = new BlockRange(first, last);
            if (assumed.get() == AssumedCoverage.FULL_EXPORT) {
                coverage = Coverage.full(chain, range);
                description = dir + " (assumed: a complete export of blocks " + range + ")";
            } else {
                coverage = Coverage.outflowsOf(chain, range, new java.util.TreeSet<>(seeds));
                description = dir + " (assumed: only the seeds' outflows are complete)";
            }
        }
        return new Dataset(chain, coverage, graph, description);
    }

    /** Parses the CSV files of {@code dir} into a graph and refuses repeated rows. */
    private TransferGraph readGraph(Path dir, Chain chain) {
        Map<Long, Instant> blockTimes = readBlocks(dir.resolve("blocks.csv"));
        Map<Address, Asset> tokens = readTokens(chain, dir.resolve("tokens.csv"));
        TransferGraph.Builder builder = TransferGraph.builder()
                .expect(estimateRows(dir.resolve("transactions.csv")) + estimateRows(dir.resolve("token_transfers.csv")));
        int[] failed = {0};
        readTransactions(chain, dir.resolve("transactions.csv"), blockTimes, builder, failed);
        readTokenTransfers(chain, dir.resolve("token_transfers.csv"), blockTimes, tokens, builder);
        readTraces(chain, dir.resolve("traces.csv"), blockTimes, builder, failed);
        if (failed[0] > 0) {
            LOG.info("{}: skipped {} failed transactions or calls", dir, failed[0]);
        }
        TransferGraph graph = builder.build();
        refuseRepeatedRows(dir, graph);
        return graph;
    }

    /**
     * Refuses two transfers of one transaction at one position: a transaction listed twice in
     * transactions.csv (the export holds one row per transaction), or two token transfers with the
     * same log index. Exports of overlapping ranges concatenated give such rows, and each would
     * count its amount again. Rows whose position the export does not give (token transfers
     * without a log index, internal transfers) are numbered in file order and cannot repeat one.
     * Cost: one pass over two columns in chain order, where the transfers of a transaction sit
     * together sorted by position.
     */
    private static void refuseRepeatedRows(Path dir, TransferGraph g) {
        for (int e = 1; e < g.edgeCount(); e++) {
            if (g.position(e) == g.position(e - 1) && g.sameTx(e, e - 1)) {
                String hash = g.tx(e).toString();
                String what;
                String where = dir.toString();
                switch (g.kind(e)) {
                    case NATIVE -> {
                        what = "transaction " + hash + " is listed twice in transactions.csv (one row per transaction)";
                        where = linesOf(dir.resolve("transactions.csv"), "hash", hash, null, 0).orElse(where);
                    }
                    case TOKEN -> {
                        long logIndex = g.position(e) - 1L;
                        what = "transaction " + hash + " has two token transfers with log index " + logIndex
                                + " in token_transfers.csv";
                        where = linesOf(dir.resolve("token_transfers.csv"), "transaction_hash", hash, "log_index", logIndex)
                                .orElse(where);
                    }
                    default -> what = "transaction " + hash + " has two transfers at position " + g.position(e);
                }
                throw new InvalidInputException(where + ": " + what
                        + ": an export of overlapping ranges? Each copy would count its amount again");
            }
        }
    }

    /**
     * "FILE:L1,L2": the lines of {@code file} whose {@code hashColumn} holds {@code hash} (and,
     * when {@code indexColumn} is given, whose {@code indexColumn} holds {@code index}), when
     * there are two or more. The graph keeps no line numbers (they would cost ingest memory), so
     * the file is read again, only on this error path; empty when the lines cannot be found.
     */
    static Optional<String> linesOf(Path file, String hashColumn, String hash, String indexColumn, long index) {
        List<Long> lines = new ArrayList<>();
        try {
            CsvRows.read(file, indexColumn == null ? List.of(hashColumn) : List.of(hashColumn, indexColumn), row -> {
                if (row.get(hashColumn).strip().equalsIgnoreCase(hash)
                        && (indexColumn == null || EtlValues.optionalIndex(indexColumn, row.get(indexColumn)) == index)) {
                    lines.add(row.line());
                }
            });
        } catch (RuntimeException e) {
            return Optional.empty(); // the file was read once already; the message without lines still holds
        }
        if (lines.size() < 2) {
            return Optional.empty();
        }
        StringBuilder where = new StringBuilder(file.toString()).append(':');
        for (int i = 0; i < lines.size(); i++) {
            where.append(i == 0 ? "" : ",").append(lines.get(i));
        }
        return Optional.of(where.toString());
    }

    /** Rows of a CSV file, estimated from its size and the length of its first lines (0 when absent). */
    static int estimateRows(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                return 0;
            }
            long size = Files.size(file);
            byte[] head = new byte[(int) Math.min(size, 1 << 16)];
            try (java.io.InputStream in = Files.newInputStream(file)) {
                head = in.readNBytes(head.length);
            }
            int lines = 0;
            for (byte b : head) {
                lines += b == '\n' ? 1 : 0;
            }
            if (lines < 2) {
                return 0;
            }
            return (int) Math.min(Integer.MAX_VALUE - 16, size * lines / head.length * 11 / 10);
        } catch (java.io.IOException e) {
            return 0; // only a hint; reading the file reports the problem
        }
    }

    private static boolean exists(Path p) {
        return Files.isRegularFile(p);
    }

    private static Map<Long, Instant> readBlocks(Path file) {
        Map<Long, Instant> m = new HashMap<>();
        if (exists(file)) {
            CsvRows.read(file, List.of("number", "timestamp"), row -> row.parse(() -> {
                long number = EtlValues.number("block number", row.get("number"));
                Instant time = EtlValues.time(row.get("timestamp"));
                Instant before = m.putIfAbsent(number, time);
                if (before != null && !before.equals(time)) { // a block has one time: which one is right cannot be told
                    throw new InvalidInputException("block " + number + " has time " + time + " here and " + before
                            + " on an earlier row");
                }
                return null;
            }));
        }
        return m;
    }

    private Map<Address, Asset> readTokens(Chain chain, Path file) {
        Map<Address, Asset> m = new HashMap<>();
        if (exists(file)) {
            CsvRows.read(file, List.of("address", "symbol", "decimals"), row -> row.parse(() -> {
                Address contract = Address.parse(chain, row.get("address"));
                String d = row.get("decimals").strip();
                Optional<Asset> genuine = registry.token(contract);
                if (d.isEmpty()) {
                    return m.put(contract, genuine.orElse(Asset.token(contract, row.get("symbol"), 18, false)));
                }
                long decimals = EtlValues.number("decimals", d);
                if (decimals > 77) { // 10^78 exceeds 2^256: no amount could have a whole unit
                    throw new InvalidInputException("token " + contract + ": decimals out of range: " + d);
                }
                if (genuine.isPresent() && genuine.get().decimals() != decimals) {
                    // a genuine token's amounts scale by its decimals: the two cannot both be right
                    throw new InvalidInputException("token " + contract + " (" + genuine.get().symbol() + ") has " + decimals
                            + " decimals here, " + genuine.get().decimals() + " in the registry of genuine tokens");
                }
                return m.put(contract, Asset.token(contract, row.get("symbol"), (int) decimals, true));
            }));
        }
        return m;
    }

    /**
     * Block times of one file: the row's block_timestamp (Unix seconds or a UTC date-time), else
     * blocks.csv. Rows of one block repeat the same text, so the last parse is reused.
     */
    private static final class Times {
        private final Map<Long, Instant> blockTimes;
        private String lastText;
        private long lastSeconds;

        Times(Map<Long, Instant> blockTimes) {
            this.blockTimes = blockTimes;
        }

        long of(CsvRows.Row row, long block) {
            return of(row.opt("block_timestamp"), block);
        }

        long of(String t, long block) {
            if (t.equals(lastText)) {
                return lastSeconds;
            }
            if (!t.isBlank()) {
                long v = EtlValues.time(t).getEpochSecond();
                lastText = t;
                lastSeconds = v;
                return v;
            }
            Instant i = blockTimes.get(block);
            if (i == null) {
                throw new InvalidInputException("no time for block " + block + ": add block_timestamp or blocks.csv");
            }
            return i.getEpochSecond();
        }
    }

    /** Counting families of the builder's counted positions: rows without a log index, and internal transfers. */
    private static final int TOKEN_ROWS = 1;
    private static final int TRACE_ROWS = 2;

    /**
     * transactions.csv, pipelined: the reader thread runs the CSV parser (the larger half of the
     * work) and drops failed transactions and contract creations; this thread parses each row's
     * cells into a packed {@link EvmRow} (hex, numbers, amount), interns and appends.
     */
    private static void readTransactions(Chain chain, Path file, Map<Long, Instant> blockTimes,
                                         TransferGraph.Builder out, int[] failed) {
        if (!exists(file)) {
            return;
        }
        Asset eth = Asset.nativeOf(chain);
        Times times = new Times(blockTimes);
        String[] names = {"receipt_status", "to_address", "block_number", "hash", "transaction_index", "from_address", "value",
            "block_timestamp", "receipt_contract_address"};
        int[][] c = {null};
        PipelinedCsvRows.read(file, List.of("hash", "block_number", "from_address", "to_address", "value"), row -> {
            if (c[0] == null) {
                c[0] = indexes(row, names);
            }
            int[] k = c[0];
            if ("0".equals(row.cell(k[0]).strip())) {
                failed[0]++; // read by the caller after read returns: the hand-over orders it
                return null;
            }
            if (row.cell(k[1]).isBlank() && (row.cell(k[8]).isBlank() || isZero(row.cell(k[6])))) {
                // a contract creation moving no value, or one whose contract the export does not name
                return null;
            }
            return row;
        }, row -> {
            int[] k = c[0]; // set by the reader thread before it handed this row over
            out.add(row.parse(() -> {
                long block = EtlValues.number("block_number", row.cell(k[2]));
                int txIndex = EtlValues.optionalIndex("transaction_index", row.cell(k[4]));
                // a contract creation with value pays the created contract (receipt_contract_address), as
                // a top-level create trace does on the live path
                String to = row.cell(k[1]).isBlank() ? row.cell(k[8]) : row.cell(k[1]);
                return EvmRow.parse(row.cell(k[3]), txIndex, 0, 0, false, row.cell(k[5]), to, eth,
                        row.cell(k[6]), block, times.of(row.cell(k[7]), block), TransferKind.NATIVE);
            }));
        });
    }

    /** "0", "00" or "0x0": a value cell that moves nothing (any other text is parsed, and checked, later). */
    private static boolean isZero(String value) {
        String v = value.strip();
        if (v.startsWith("0x") || v.startsWith("0X")) {
            v = v.substring(2);
        }
        return !v.isEmpty() && v.chars().allMatch(c -> c == '0');
    }

    private static int[] indexes(CsvRows.Row row, String[] names) {
        int[] c = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            c[i] = row.index(names[i]);
        }
        return c;
    }

    /** token_transfers.csv, pipelined as {@link #readTransactions}. */
    private void readTokenTransfers(Chain chain, Path file, Map<Long, Instant> blockTimes,
                                    Map<Address, Asset> tokens, TransferGraph.Builder out) {
        if (!exists(file)) {
            return;
        }
        Times times = new Times(blockTimes);
        Map<String, Asset> byText = new HashMap<>();
        Function<Address, Asset> assetOf = contract -> tokens.computeIfAbsent(contract,
                c -> registry.token(c).orElse(Asset.token(c, "", 18, false)));
        String[] names = {"transaction_hash", "block_number", "log_index", "transaction_index", "from_address", "to_address",
            "token_address", "value", "block_timestamp"};
        int[][] c = {null};
        PipelinedCsvRows.read(file, List.of("token_address", "from_address", "to_address", "value", "transaction_hash",
                "block_number"), row -> {
                    if (c[0] == null) {
                        c[0] = indexes(row, names);
                    }
                    return row;
                }, row -> {
                    int[] k = c[0];
                    out.add(row.parse(() -> {
                        long block = EtlValues.number("block_number", row.cell(k[1]));
                        int logIndex = EtlValues.optionalIndex("log_index", row.cell(k[2]));
                        int txIndex = EtlValues.optionalIndex("transaction_index", row.cell(k[3]));
                        String contract = row.cell(k[6]);
                        Asset asset = byText.get(contract);
                        if (asset == null) {
                            asset = assetOf.apply(Address.parse(chain, contract));
                            byText.put(contract, asset);
                        }
                        // without a log index, a row's position is its number among its transaction's rows
                        return EvmRow.parse(row.cell(k[0]), txIndex, logIndex >= 0 ? 1 + logIndex : 0, TOKEN_ROWS, logIndex < 0,
                                row.cell(k[4]), row.cell(k[5]), asset, row.cell(k[7]), block, times.of(row.cell(k[8]), block),
                                TransferKind.TOKEN);
                    }));
                });
    }

    private static void readTraces(Chain chain, Path file, Map<Long, Instant> blockTimes,
                                   TransferGraph.Builder out, int[] failed) {
        if (!exists(file)) {
            return;
        }
        Times times = new Times(blockTimes);
        Asset eth = Asset.nativeOf(chain);
        CsvRows.read(file, List.of("block_number", "transaction_hash", "from_address", "to_address", "value",
                "trace_type", "trace_address"), row -> {
            String traceAddress = row.get("trace_address").strip();
            String callType = row.opt("call_type").strip();
            String type = row.get("trace_type").strip();
            if (traceAddress.isEmpty() || row.get("transaction_hash").isBlank()) {
                return; // top-level call (already in transactions.csv) or a block reward
            }
            if (!row.opt("error").isBlank() || "0".equals(row.opt("status").strip())) {
                failed[0]++;
                return;
            }
            if (!(type.equals("call") || type.equals("create") || type.equals("suicide"))
                    || callType.equals("delegatecall") || callType.equals("staticcall") || callType.equals("callcode")) {
                return;
            }
            BigInteger value = row.parse(() -> EtlValues.baseUnits(row.get("value")));
            if (value.signum() == 0 || row.get("to_address").isBlank()) {
                return;
            }
            row.parse(() -> {
                long block = EtlValues.number("block_number", row.get("block_number"));
                int txIndex = EtlValues.optionalIndex("transaction_index", row.opt("transaction_index"));
                // internal transfers are numbered after the transaction's events, in file order
                return out.add(EvmRow.parse(row.get("transaction_hash"), txIndex, 1_000_000, TRACE_ROWS, true,
                        row.get("from_address"), row.get("to_address"), eth, value.toString(), block, times.of(row, block),
                        TransferKind.INTERNAL));
            });
        });
    }
}
