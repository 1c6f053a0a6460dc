package dev.tracer.source.etl;

import dev.tracer.assets.AssetRegistry;
import dev.tracer.graph.TransferGraph;
import dev.tracer.model.Address;
import dev.tracer.model.Amount;
import dev.tracer.model.Asset;
import dev.tracer.model.BlockRange;
import dev.tracer.model.Chain;
import dev.tracer.model.Coverage;
import dev.tracer.model.InvalidInputException;
import dev.tracer.model.Transfer;
import dev.tracer.model.TransferKind;
import dev.tracer.model.TxHash;
import dev.tracer.source.CsvRows;
import dev.tracer.source.Dataset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Imports explorer account-API exports: one file per sender, each listing every outgoing
 * transfer of that sender with columns {@code hash, timestamp_utc, to, amount, asset, kind,
 * contract, block, is_error, chain_id} ({@code amount} in whole units, {@code kind} native or
 * token). The result covers the complete outflows of the listed senders between the first and
 * last block in the files.
 *
 * <p>Amounts convert exactly with the token's decimals: from the {@link AssetRegistry} for
 * listed tokens, the chain's for the native coin, and the ERC-20 default of 18 (marked as
 * assumed) for anything else. Rows of failed transactions ({@code is_error=1}) are skipped.
 *
 * <p>A row of a genuine asset (the native coin or a registry token) that repeats an earlier row of
 * its file exactly (transaction, recipient, asset and amount) is kept, since one transaction can
 * make the same transfer twice, and reported in {@link Result#repeatedRows}: an export assembled
 * from API pages that overlap lists rows twice, and each such row would count the amount again.
 * Repeats of other tokens (spam contracts emit duplicate events) carry no value and are not
 * reported.
 */
public final class ExplorerCsvImporter {
    private static final List<String> COLUMNS = List.of(
            "hash", "timestamp_utc", "to", "amount", "asset", "kind", "contract", "block", "is_error", "chain_id");

    private final AssetRegistry registry;

    public ExplorerCsvImporter(AssetRegistry registry) {
        this.registry = registry;
    }

    /** What an import read. */
    public record Result(Dataset dataset, Map<Path, Integer> rowsPerFile, int skippedFailed, List<String> repeatedRows) {
        public Result {
            repeatedRows = List.copyOf(repeatedRows);
        }
    }

    /**
     * Reads the files of {@code senders} (sender → file, in the order given).
     *
     * @param description the dataset's one-line provenance
     */
    public Result read(Chain chain, Map<Address, Path> senders, String description) {
        List<Transfer> out = new ArrayList<>();
        Map<Path, Integer> rows = new LinkedHashMap<>();
        Map<TxHash, Integer> ordinal = new HashMap<>();
        Map<Address, Asset> tokens = new HashMap<>();
        int[] failed = {0};
        List<String> repeated = new ArrayList<>();
        for (Map.Entry<Address, Path> s : senders.entrySet()) {
            Address from = s.getKey();
            int[] count = {0};
            Map<List<Object>, Long> seen = new HashMap<>();
            CsvRows.read(s.getValue(), COLUMNS, row -> {
                count[0]++;
                Transfer t = row.parse(() -> {
                    long chainId = EtlValues.number("chain_id", row.get("chain_id"));
                    if (chainId != chain.chainId()) {
                        throw new InvalidInputException("chain_id " + chainId + ", expected " + chain.chainId());
                    }
                    if (!row.get("is_error").strip().equals("0")) {
                        return null;
                    }
                    TxHash tx = TxHash.parse(chain, row.get("hash"));
                    Address to = Address.parse(chain, row.get("to"));
                    String kind = row.get("kind").strip();
                    Asset asset;
                    TransferKind tk;
                    switch (kind) {
                        case "native" -> {
                            asset = Asset.nativeOf(chain);
                            tk = TransferKind.NATIVE;
                        }
                        case "token" -> {
                            Address contract = Address.parse(chain, row.get("contract"));
                            asset = tokens.computeIfAbsent(contract, c -> registry.token(c)
                                    .orElse(Asset.token(c, row.get("asset").strip(), 18, false)));
                            tk = TransferKind.TOKEN;
                        }
                        default -> throw new InvalidInputException("unknown kind '" + kind + "' (expected native or token)");
                    }
                    Amount amount = Amount.parseDecimal(asset, row.get("amount"));
                    if (amount.value().bitLength() > 256) { // an EVM value is a uint256
                        throw new InvalidInputException("amount '" + row.get("amount").strip() + "' exceeds 2^256 - 1 base units,"
                                + " the most a transfer can carry");
                    }
                    long block = EtlValues.number("block", row.get("block"));
                    return new Transfer(chain, tx, -1, ordinal.merge(tx, 1, Integer::sum), from, to, asset,
                            amount.value(), block, EtlValues.time(row.get("timestamp_utc")), tk);
                });
                if (t == null) {
                    failed[0]++;
                } else {
                    out.add(t);
                    boolean valued = t.kind() == TransferKind.NATIVE || registry.token(t.asset().contract().orElseThrow()).isPresent();
                    Long earlier = valued ? seen.putIfAbsent(List.of(t.tx(), t.to(), t.asset(), t.amount()), row.line()) : null;
                    if (earlier != null) {
                        repeated.add(s.getValue() + ":" + row.line() + " repeats line " + earlier + " (transaction " + t.tx()
                                + ", " + Amount.of(t.asset(), t.amount()) + " to " + t.to() + ")");
                    }
                }
            });
            rows.put(s.getValue(), count[0]);
        }
        if (out.isEmpty()) {
            throw new InvalidInputException("no transfers in " + senders.values());
        }
        long first = out.stream().mapToLong(Transfer::block).min().orElseThrow();
        long last = out.stream().mapToLong(Transfer::block).max().orElseThrow();
        Coverage coverage = Coverage.outflowsOf(chain, new BlockRange(first, last), new TreeSet<>(senders.keySet()));
        TransferGraph graph = TransferGraph.builder().addAll(out).build();
        return new Result(new Dataset(chain, coverage, graph, description), rows, failed[0], repeated);
    }
}
