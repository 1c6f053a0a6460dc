package dev.tracer.source.bitcoin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracer.bitcoin.BtcInput;
import dev.tracer.bitcoin.BtcOutput;
import dev.tracer.bitcoin.BtcTx;
import dev.tracer.bitcoin.ScriptKind;
import dev.tracer.bitcoin.TxSet;
import dev.tracer.model.BlockRange;
import dev.tracer.model.Chain;
import dev.tracer.model.InvalidInputException;
import dev.tracer.model.TxHash;
import dev.tracer.source.SourceException;
import dev.tracer.source.http.JdkHttpTransport;
import dev.tracer.testing.BitcoinEtlRpc;
import dev.tracer.testing.LocalHttp;
import dev.tracer.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The Core RPC source on bitcoin-etl's recordings of real mainnet responses: every transaction it
 * decodes (with bitcoinj) must equal bitcoin-etl's expected export, resolved input values and
 * addresses included.
 */
class CoreRpcSourceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static TxSet load(String dir, long first, long last) throws IOException {
        Path d = SharedData.path("bitcoin/core-rpc/" + dir);
        try (LocalHttp node = LocalHttp.start(new BitcoinEtlRpc(d))) {
            return CoreRpcSource.forRange(JdkHttpTransport.forUrl("--rpc", node.url("/"), Optional.empty(), Duration.ofSeconds(10)),
                    "local", new BlockRange(first, last)).load();
        }
    }

    /** bitcoin-etl's names for script kinds (Bitcoin Core's). */
    static String etlType(ScriptKind k) {
        return switch (k) {
            case P2PK -> "pubkey";
            case P2PKH -> "pubkeyhash";
            case P2SH -> "scripthash";
            case P2WPKH -> "witness_v0_keyhash";
            case P2WSH -> "witness_v0_scripthash";
            case P2TR -> "witness_v1_taproot";
            case MULTISIG -> "multisig";
            case OP_RETURN -> "nulldata";
            case NONSTANDARD -> "nonstandard";
        };
    }

    static List<JsonNode> expected(String dir) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(SharedData.path("bitcoin/core-rpc/" + dir + "/expected_transactions.json"))) {
            if (!line.isBlank()) {
                out.add(JSON.readTree(line));
            }
        }
        return out;
    }

    static void assertMatches(TxSet set, List<JsonNode> expected) {
        assertThat(set.transactions()).hasSameSizeAs(expected);
        for (JsonNode e : expected) {
            BtcTx t = set.tx(TxHash.parse(Chain.BITCOIN, e.get("hash").asText())).orElseThrow();
            String tx = t.txid().value();
            assertThat(t.confirmation().orElseThrow().height()).as(tx).isEqualTo(e.get("block_number").asLong());
            assertThat(t.confirmation().orElseThrow().txIndex()).as(tx).isEqualTo(e.get("index").asInt());
            assertThat(t.confirmation().orElseThrow().time().getEpochSecond()).as(tx).isEqualTo(e.get("block_timestamp").asLong());
            assertThat(t.coinbase()).as(tx).isEqualTo(e.get("is_coinbase").asBoolean());
            assertThat(t.inputs()).as(tx).hasSize(e.get("input_count").asInt());
            for (JsonNode ei : e.get("inputs")) {
                BtcInput in = t.inputs().get(ei.get("index").asInt());
                BtcOutput spent = in.prevout().orElseThrow();
                assertThat(in.spent().toString()).isEqualTo(ei.get("spent_transaction_hash").asText() + ":" + ei.get("spent_output_index").asInt());
                assertThat(spent.value()).as("%s input %s value", tx, in.index()).isEqualTo(ei.get("value").asLong());
                assertThat(spent.address().map(List::of).orElse(List.of())).as("%s input %s address", tx, in.index())
                        .isEqualTo(strings(ei.get("addresses")));
                assertThat(etlType(spent.kind())).isEqualTo(ei.get("type").asText());
            }
            for (JsonNode eo : e.get("outputs")) {
                BtcOutput o = t.outputs().get(eo.get("index").asInt());
                assertThat(o.value()).isEqualTo(eo.get("value").asLong());
                assertThat(o.address().map(List::of).orElse(List.of())).isEqualTo(strings(eo.get("addresses")));
                assertThat(etlType(o.kind())).isEqualTo(eo.get("type").asText());
            }
            assertThat(t.inputValue().orElseThrow()).as(tx).isEqualTo(e.get("input_value").asLong());
            assertThat(t.outputValue()).as(tx).isEqualTo(e.get("output_value").asLong());
            assertThat(t.coinbase() ? 0 : t.fee().orElseThrow()).as(tx).isEqualTo(e.get("fee").asLong());
        }
    }

    static List<String> strings(JsonNode a) {
        List<String> out = new ArrayList<>();
        a.forEach(x -> out.add(x.asText()));
        return out;
    }

    @Test
    void blocks50001And50002EqualBitcoinEtlsExportWithResolvedInputs() throws IOException {
        TxSet set = load("stream_50001_50002", 50_001, 50_002);
        assertMatches(set, expected("stream_50001_50002"));
        // tx 7940cdde… merges two 50 BTC coinbase outputs of 1DoQ… and 1PZM… into 100 BTC to 1HaHT…
        BtcTx merge = set.tx(TxHash.parse(Chain.BITCOIN, "7940cdde4d713e171849efc6bd89939185be270266c94e92369e3877ad89455a")).orElseThrow();
        assertThat(merge.inputs()).extracting(i -> i.prevout().orElseThrow().owner())
                .containsExactly("p2pk:1DoQeKfU3dYhN9bxMpFFcVUnufCPDqSPae", "p2pk:1PZMgkF2x161qvfP7dhoWSEEU3SjnQE1m9");
        assertThat(merge.outputs().get(0).value()).isEqualTo(10_000_000_000L);
        assertThat(merge.fee()).hasValue(0);
    }

    @Test
    void genesisAndBlock1AreSingleCoinbases() throws IOException {
        TxSet genesis = load("block_0", 0, 0);
        assertMatches(genesis, expected("block_0"));
        assertThat(genesis.transactions().get(0).outputs().get(0).owner()).isEqualTo("p2pk:1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa");
        assertMatches(load("block_1", 1, 1), expected("block_1"));
        assertMatches(load("block_without_transactions", 50_000, 50_000), expected("block_without_transactions"));
    }

    @Test
    void anInputTheNodeCannotResolveIsAnErrorThatSaysWhy() {
        // this recording has blocks 50001-50002 but not the earlier transactions their inputs spend
        assertThatThrownBy(() -> load("block_with_transactions", 50_001, 50_002))
                .isInstanceOf(SourceException.Unavailable.class)
                .hasMessageContaining("-txindex=1")
                .hasMessageContaining("76a8d70a757be5055f60be076b683897cadaad6b7bdf78c43e39b9d59cb4a6ea");
    }

    @Test
    void aTransactionInTheLoadedRangeIsLookedUpThereAndAnUnknownOneIsBadInput() throws IOException {
        Path d = SharedData.path("bitcoin/core-rpc/stream_50001_50002");
        try (LocalHttp node = LocalHttp.start(new BitcoinEtlRpc(d))) {
            CoreRpcSource src = CoreRpcSource.forRange(JdkHttpTransport.forUrl("--rpc", node.url("/"), Optional.empty(),
                    Duration.ofSeconds(10)), "local", new BlockRange(50_001, 50_002));
            src.load();
            TxHash f847 = TxHash.parse(Chain.BITCOIN, "f84761459a00c6df3176ae5d94c99e69f25100d09548e5686bd0c354bb8cc60a");
            assertThat(src.transaction(f847).inputs().get(0).prevout().orElseThrow().value()).isEqualTo(5_000_000_000L);
            assertThat(src.transfersIn(f847)).hasSize(2);
            TxHash unknown = TxHash.parse(Chain.BITCOIN, "00".repeat(31) + "01");
            assertThatThrownBy(() -> src.transaction(unknown)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining(unknown.value()).hasMessageContaining("not found");
        }
    }
}
