package dev.tracer.source.evm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracer.assets.AssetRegistry;
import dev.tracer.graph.TransferGraph;
import dev.tracer.model.Address;
import dev.tracer.model.Asset;
import dev.tracer.model.Chain;
import dev.tracer.model.Transfer;
import dev.tracer.model.TransferKind;
import dev.tracer.source.CsvRows;
import dev.tracer.source.Dataset;
import dev.tracer.source.etl.EtlCsvReader;
import dev.tracer.testing.SharedData;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.web3j.protocol.ObjectMapperFactory;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthGetTransactionReceipt;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;

/**
 * The live source's parsing, checked on real mainnet JSON-RPC answers recorded by the
 * ethereum-etl project: the transfers it extracts equal those ethereum-etl exported from the same
 * answers (read through the project's own ethereum-etl reader where the export is a CSV).
 */
class EvmTransfersMainnetTest {
    private static final ObjectMapper WEB3J = ObjectMapperFactory.getObjectMapper();
    private static final Chain ETH = Chain.ETHEREUM;
    private static final Instant T = Instant.parse("2015-08-07T00:00:00Z");

    @TempDir
    Path tmp;

    private static Path dir(String rel) {
        return SharedData.path("ethereum/rpc-mainnet/" + rel);
    }

    /**
     * ethereum-etl's expected CSV {@code name} in {@code d}, as a copy that ends with a line break:
     * some of its test fixtures are trimmed of it, and the project's reader refuses a file that
     * stops inside its last row (it looks cut short, {@code CsvRows}).
     */
    private Path expected(Path d, String name) throws IOException {
        byte[] b = Files.readAllBytes(d.resolve(name));
        Path copy = Files.createDirectories(tmp.resolve("expected").resolve(d.getFileName())).resolve(name);
        boolean ended = b.length == 0 || b[b.length - 1] == '\n';
        Files.write(copy, ended ? b : (new String(b, java.nio.charset.StandardCharsets.UTF_8) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return copy;
    }

    private static Path only(Path dir, String prefix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
        }
    }

    /** Transfers as comparable text, without the position conventions of either side. */
    private static List<String> facts(List<Transfer> ts) {
        return ts.stream().map(t -> t.block() + " " + t.tx() + " " + t.kind().code() + " " + t.from() + " -> " + t.to()
                + " " + t.amount() + " " + t.asset().id()).sorted().toList();
    }

    /** The project's ethereum-etl reader over one expected CSV (plus a blocks.csv giving every block time T). */
    private List<Transfer> etl(Path csv, String as, List<Long> blocks) throws IOException {
        Path d = Files.createDirectories(tmp.resolve(as.replace(".csv", "")));
        Files.copy(csv, d.resolve(as));
        StringBuilder b = new StringBuilder("number,timestamp\n");
        blocks.forEach(n -> b.append(n).append(',').append(T.getEpochSecond()).append('\n'));
        Files.writeString(d.resolve("blocks.csv"), b);
        Dataset ds = new EtlCsvReader(AssetRegistry.bundled()).read(d, Optional.of(EtlCsvReader.AssumedCoverage.FULL_EXPORT), List.of());
        TransferGraph g = ds.graph();
        List<Transfer> out = new ArrayList<>();
        for (int e = 0; e < g.edgeCount(); e++) {
            out.add(g.transfer(e));
        }
        return out;
    }

    private static List<Long> column(Path csv, String col) {
        List<Long> out = new ArrayList<>();
        CsvRows.read(csv, List.of(col), r -> out.add(Long.parseLong(r.get(col))));
        return out.stream().distinct().toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"block_with_subtraces", "block_with_error", "block_with_create", "block_with_suicide", "block_without_transactions"})
    void traceBlockGivesEthereumEtlsInternalTransfersAndStatuses(String name) throws IOException {
        Path d = dir("test_export_traces_job/" + name);
        EvmRpcSource.TraceList tl = WEB3J.readValue(only(d, "web3_response.trace_block_").toFile(), EvmRpcSource.TraceList.class);
        List<EvmTransfers.ValueTrace> values = EvmTransfers.fromParity(ETH, tl.getResult());
        Path csv = expected(d, "expected_traces.csv");
        if (Files.size(csv) == 0) { // ethereum-etl exported nothing for this block: neither do we
            assertThat(EvmTransfers.fromTraces(ETH, values, b -> T)).isEmpty();
            return;
        }
        // trace level: every row, its type, call type, value and ethereum-etl's status (errors propagate to children)
        List<String> expected = new ArrayList<>();
        CsvRows.read(csv, List.of("trace_address", "status"), r -> expected.add(r.get("trace_type") + " " + r.get("call_type")
                + " [" + r.get("trace_address") + "] " + r.get("from_address") + " " + r.get("to_address") + " "
                + (r.get("value").isEmpty() ? "0" : r.get("value")) + " status=" + r.get("status")));
        List<String> actual = values.stream().map(v -> v.type() + " " + v.callType() + " ["
                + String.join(",", v.traceAddress().stream().map(String::valueOf).toList()) + "] "
                + v.from().map(Address::value).orElse("") + " " + v.to().map(Address::value).orElse("") + " " + v.value()
                + " status=" + (v.ok() ? 1 : 0)).toList();
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
        // transfer level: the internal transfers equal what the project's ETL reader takes from the export
        List<Transfer> mine = EvmTransfers.fromTraces(ETH, values, b -> T).stream()
                .filter(t -> t.kind() == TransferKind.INTERNAL).toList();
        List<Transfer> theirs = etl(csv, "traces.csv", column(csv, "block_number"));
        assertThat(facts(mine)).isEqualTo(facts(theirs));
    }

    @Test
    void aFailedParentFailsItsChildren() throws IOException {
        Path d = dir("test_export_traces_job/block_with_error");
        EvmRpcSource.TraceList tl = WEB3J.readValue(only(d, "web3_response.trace_block_").toFile(), EvmRpcSource.TraceList.class);
        List<EvmTransfers.ValueTrace> values = EvmTransfers.fromParity(ETH, tl.getResult());
        assertThat(values).anyMatch(v -> !v.ok());
        assertThat(EvmTransfers.fromTraces(ETH, values, b -> T)).noneMatch(t -> values.stream()
                .anyMatch(v -> !v.ok() && v.tx().orElse(null) != null && v.tx().get().equals(t.tx())
                        && v.from().orElseThrow().equals(t.from()) && v.value().equals(t.amount())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"block_with_subtraces", "block_with_error", "block_with_create", "block_with_suicide", "block_without_transactions"})
    void gethCallTracerGivesEthereumEtlsTraces(String name) throws IOException {
        Path d = dir("test_extract_geth_traces_job/" + name);
        BlockScan.GethBlockTraces gt = WEB3J.readValue(only(d, "web3_response.debug_traceBlockByNumber_").toFile(),
                BlockScan.GethBlockTraces.class);
        Path csv = expected(d, "expected_traces.csv");
        if (Files.size(csv) == 0) {
            assertThat(EvmTransfers.fromGeth(ETH, 1, List.of(), gt.getResult())).isEmpty();
            return;
        }
        List<String> expected = new ArrayList<>();
        long[] block = {-1};
        CsvRows.read(csv, List.of("trace_address"), r -> {
            if (!r.get("trace_type").equals("reward")) {
                block[0] = Long.parseLong(r.get("block_number"));
                expected.add(r.get("transaction_index") + " " + r.get("trace_type") + " " + r.get("call_type") + " ["
                        + r.get("trace_address") + "] " + r.get("from_address") + " " + r.get("to_address") + " "
                        + (r.get("value").isEmpty() ? "0" : r.get("value")));
            }
        });
        List<String> actual = EvmTransfers.fromGeth(ETH, block[0], List.of(), gt.getResult()).stream()
                .map(v -> v.txIndex() + " " + v.type() + " " + v.callType() + " ["
                        + String.join(",", v.traceAddress().stream().map(String::valueOf).toList()) + "] "
                        + v.from().map(Address::value).orElse("") + " " + v.to().map(Address::value).orElse("") + " " + v.value())
                .toList();
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void transferLogsGiveEthereumEtlsTokenTransfers() throws IOException {
        Path d = dir("test_export_token_transfers_job/block_with_transfers");
        EthLog logs = WEB3J.readValue(only(d, "web3_response.eth_getFilterLogs").toFile(), EthLog.class);
        List<Transfer> mine = new ArrayList<>();
        for (EthLog.LogResult<?> r : logs.getLogs()) {
            EvmTransfers.fromLog(ETH, (Log) r.get(), c -> Asset.token(c, "", 18, false), b -> T).ifPresent(mine::add);
        }
        Path csv = expected(d, "expected_token_transfers.csv");
        List<Transfer> theirs = etl(csv, "token_transfers.csv", column(csv, "block_number"));
        assertThat(mine).isNotEmpty();
        assertThat(facts(mine)).isEqualTo(facts(theirs));
    }

    @Test
    void receiptLogsGiveEthereumEtlsTokenTransfers() throws IOException {
        Path d = dir("test_stream/blocks_1755634_1755635");
        List<Transfer> mine = new ArrayList<>();
        try (Stream<Path> s = Files.list(d)) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith("web3_response.eth_getTransactionReceipt")).toList()) {
                EthGetTransactionReceipt r = WEB3J.readValue(p.toFile(), EthGetTransactionReceipt.class);
                for (Log l : r.getTransactionReceipt().orElseThrow().getLogs()) {
                    EvmTransfers.fromLog(ETH, l, c -> Asset.token(c, "", 18, false), b -> T).ifPresent(mine::add);
                }
            }
        }
        List<String> expected = new ArrayList<>();
        for (String line : Files.readAllLines(d.resolve("expected_token_transfers.json"))) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = WEB3J.readTree(line);
            expected.add(n.get("block_number").asLong() + " " + n.get("transaction_hash").asText() + " token "
                    + n.get("from_address").asText() + " -> " + n.get("to_address").asText() + " "
                    + new BigInteger(n.get("value").asText()) + " ethereum:" + n.get("token_address").asText());
        }
        assertThat(expected).isNotEmpty();
        assertThat(facts(mine)).isEqualTo(expected.stream().sorted().toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"blocks_with_transactions", "block_with_logs", "block_without_transactions"})
    void blocksGiveEthereumEtlsTransactions(String name) throws IOException {
        Path d = dir("test_export_blocks_job/" + name);
        List<Transfer> mine = new ArrayList<>();
        try (Stream<Path> s = Files.list(d)) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith("web3_response.eth_getBlockByNumber")).toList()) {
                mine.addAll(EvmTransfers.fromBlock(ETH, WEB3J.readValue(p.toFile(), EthBlock.class).getBlock()));
            }
        }
        Path csv = expected(d, "expected_transactions.csv");
        if (Files.size(csv) == 0) {
            assertThat(mine).isEmpty();
            return;
        }
        List<Transfer> theirs = etl(csv, "transactions.csv", column(csv, "block_number"));
        assertThat(facts(mine)).isEqualTo(facts(theirs));
        for (Transfer t : mine) {
            assertThat(theirs).anyMatch(x -> x.tx().equals(t.tx()) && x.time().equals(t.time()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"token_with_alternative_return_type", "token_with_invalid_data"})
    void ethCallAnswersGiveEthereumEtlsSymbolAndDecimals(String name) throws IOException {
        Path d = dir("test_export_tokens_job/" + name);
        String sym = WEB3J.readTree(only(d, "web3_response.eth_call_data_0x95d89b41").toFile()).path("result").asText(null);
        String dec = WEB3J.readTree(only(d, "web3_response.eth_call_data_0x313ce567").toFile()).path("result").asText(null);
        List<String[]> rows = new ArrayList<>();
        CsvRows.read(expected(d, "expected_tokens.csv"), List.of("address", "symbol", "decimals"),
                r -> rows.add(new String[] {r.get("address"), r.get("symbol"), r.get("decimals")}));
        Asset a = TokenMetadata.asset(Address.parse(ETH, rows.get(0)[0]), sym, dec);
        assertThat(a.symbol()).isEqualTo(rows.get(0)[1]);
        assertThat(String.valueOf(a.decimals())).isEqualTo(rows.get(0)[2]);
        assertThat(TokenMetadata.SYMBOL_CALL).isEqualTo("0x95d89b41");
        assertThat(TokenMetadata.DECIMALS_CALL).isEqualTo("0x313ce567");
    }
}
