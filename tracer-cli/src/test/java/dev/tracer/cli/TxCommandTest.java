package dev.tracer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracer.testing.BitcoinEtlRpc;
import dev.tracer.testing.EsploraEmulator;
import dev.tracer.testing.LocalHttp;
import dev.tracer.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tracer tx} on the real transactions of the shared data, from every kind of source. */
class TxCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String WHIRLPOOL = "323df21f0b0756f98336437aa3d2fb87e02b59f1946b714a7b09df04d429dec2";

    @TempDir
    Path tmp;

    static String esplora(String name) {
        return SharedData.path("bitcoin/esplora/" + name + ".json").toString();
    }

    static CliRun ok(String... args) {
        CliRun r = CliRun.of(args);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        return r;
    }

    static List<String> flags(CliRun r) {
        String out = r.out();
        int i = out.indexOf("Flags:");
        return out.substring(i).lines().skip(1).map(String::strip).toList();
    }

    @Test
    void theWhirlpoolMixShowsItsInputsOutputsFeeAndOneFlag() {
        CliRun r = ok("tx", "--file", esplora("whirlpool-coinjoin"));
        assertThat(r.out()).contains("Transaction " + WHIRLPOOL + " (bitcoin)")
                .contains("Status:  confirmed in block 574682 at 2019-05-05T09:03:12Z")
                .contains("#2  8a9d461ef53ac3d6c13b5d80720996a0a93b1a7adbc6c68ba8c29733aa5d8c16:150  0.0501 BTC  p2wpkh  bc1q528pyda90y4j9nuqrcm65rlxz9txljtn208dqm")
                .contains("#4  0.05 BTC  p2wpkh  bc1qhevgmqzrlxjqahama5f4dydrem3uf4vaj43kg2")
                .contains("Fee:     30000 sat (0.0003 BTC, 59.3 sat/vB)");
        assertThat(flags(r)).singleElement().asString().startsWith("coinjoin: whirlpool, 5 × 0.05 BTC").contains("confidence high");
    }

    @Test
    void jsonForMachines() throws IOException {
        JsonNode j = JSON.readTree(ok("tx", "--file", esplora("joinmarket-coinjoin"), "--json").out());
        assertThat(j.get("txid").asText()).isEqualTo("4f112abd2eefe3484a7bbf7c1731f784cba19de677468835145e9c448fb18b7d");
        assertThat(j.get("fee").get("base_units").asText()).isEqualTo("1290");
        assertThat(j.get("outputs").get(1).get("base_units").asText()).isEqualTo("100420");
        JsonNode f = j.get("flags").get(0);
        assertThat(f.get("flag").asText()).isEqualTo("coinjoin");
        assertThat(f.get("type").asText()).isEqualTo("joinmarket");
        assertThat(f.get("equal_outputs").asInt()).isEqualTo(2);
        assertThat(f.get("denomination").get("base_units").asText()).isEqualTo("100420");
        assertThat(j.get("flags")).hasSize(1);
    }

    @Test
    void theBatchPayoutThePlainPaymentAndTheDustAttackAreNotCoinJoins() {
        assertThat(ok("tx", "--file", esplora("batch-withdrawal-143")).out()).contains("Outputs (143,").contains("Flags:   none");
        assertThat(flags(ok("tx", "--file", esplora("simple-legacy-p2pkh")))).singleElement().asString()
                .startsWith("peel-step: one input, two outputs: 0.39852779 BTC peeled at output 0, 829.74043165 BTC passed on");
        assertThat(flags(ok("tx", "--file", esplora("dust-attack-555")))).singleElement().asString()
                .startsWith("dust: output 0 (555 sat to 19z6WynrjHeD5MMv6919BuQRwybuen1sRv)").contains("not traced as funds");
        assertThat(ok("tx", "--file", esplora("op-return-charley")).out()).contains("#0  0 BTC  op_return  op_return  (data, no value)");
        assertThat(ok("tx", "--file", esplora("taproot-op-return")).out()).contains("#0  0.00001 BTC  op_return  op_return  (unspendable: burned)");
        assertThat(ok("tx", "--file", esplora("bare-multisig")).out()).contains("multisig:1-of-2")
                .contains("multi-input: links 2 input addresses as one owner");
    }

    @Test
    void aPeelChainStepFromTheBlockFile() {
        CliRun r = ok("tx", "--blocks", SharedData.path("bitcoin/blocks/first-100k-blocks.dat").toString(),
                "a16f3ce4dd5deb92d98ef5cf8afeaf0775ebca408f708b2146c4fb42b41e14be");
        assertThat(r.out()).contains("Status:  confirmed in block 181 at 2009-01-12T06:02:13Z, index 1");
        assertThat(flags(r)).anySatisfy(l -> assertThat(l).startsWith("peel-chain: step 2 of 5").contains("32 BTC peeled in total"))
                .anySatisfy(l -> assertThat(l).startsWith("change: output 0 (confidence medium, not used: only one rule): fresh-address"));
    }

    @Test
    void rawHexAndBitcoinCoreResultsDecodeToo() throws IOException {
        Path core = SharedData.path("bitcoin/core-rpc/stream_50001_50002/rpc_response_getrawtransaction_76a8d70a757be5055f60be076b683897cadaad6b7bdf78c43e39b9d59cb4a6ea.json");
        CliRun f = ok("tx", "--file", core.toString());
        assertThat(f.out()).contains("coinbase").contains("#0  50 BTC  p2pk  p2pk:1DoQeKfU3dYhN9bxMpFFcVUnufCPDqSPae")
                .contains("Fee:     none (coinbase)");
        String hex = JSON.readTree(core.toFile()).get("hex").asText();
        CliRun h = ok("tx", "--hex", hex, "76a8d70a757be5055f60be076b683897cadaad6b7bdf78c43e39b9d59cb4a6ea");
        assertThat(h.out()).contains("Status:  unconfirmed, or the source does not say its block").contains("p2pk:1DoQeKfU3dYhN9bxMpFFcVUnufCPDqSPae");
    }

    @Test
    void throughEsploraAndItsRecording() throws IOException {
        Path rec = tmp.resolve("tx.json");
        String live;
        try (LocalHttp api = LocalHttp.start(new EsploraEmulator(null, SharedData.path("bitcoin/esplora")))) {
            live = ok("tx", "--esplora", api.url(""), "--rate-limit", "1000", "--record", rec.toString(), WHIRLPOOL).out();
        }
        assertThat(live).isEqualTo(ok("tx", "--file", esplora("whirlpool-coinjoin")).out());
        assertThat(ok("tx", "--replay", rec.toString(), WHIRLPOOL).out()).isEqualTo(live);
    }

    @Test
    void throughBitcoinCoreTheMergeLinksItsTwoInputAddresses() throws IOException {
        try (LocalHttp node = LocalHttp.start(new BitcoinEtlRpc(SharedData.path("bitcoin/core-rpc/stream_50001_50002")))) {
            CliRun r = ok("tx", "--rpc", node.url("/"), "--rate-limit", "1000", "--block-range", "50001..50002",
                    "7940cdde4d713e171849efc6bd89939185be270266c94e92369e3877ad89455a");
            assertThat(r.out()).contains("Status:  confirmed in block 50001 at 2010-04-10T16:31:40Z, index 1")
                    .contains("Fee:     0 sat");
            assertThat(flags(r)).containsExactly("multi-input: links 2 input addresses as one owner: "
                    + "1DoQeKfU3dYhN9bxMpFFcVUnufCPDqSPae, 1PZMgkF2x161qvfP7dhoWSEEU3SjnQE1m9");
        }
    }

    @Test
    void anEthereumTransactionShowsItsTransfersAndFakeTokens() throws IOException {
        String fixtures = SharedData.fixtures().toString();
        CliRun r = ok("tx", "--incident", "bybit-2025", "--fixtures", fixtures,
                "0xe1e562d4f0d034583e63027109b2ac406ad2d7aa832a466d53b5a2ec4a69c98f");
        assertThat(r.out()).contains("(ethereum)").contains("#0  token  0x47666Fab8bd0Ac7003bce3f5C3585383F09486E2 → ");
        assertThat(flags(r)).singleElement().asString().startsWith("imitation-token: transfer #0").contains("imitating ETH");
        CliRun eth = ok("tx", "--incident", "bybit-2025", "--fixtures", fixtures, "--json",
                "0xdd5cd734d4d67ff5af7e53cdd72c26d4d7d28d08c8f0ff32d12ab3e2a277e4bc");
        JsonNode j = JSON.readTree(eth.out());
        assertThat(j.get("transfers").get(0).get("amount").asText()).isEqualTo("1");
        assertThat(j.get("transfers").get(0).get("kind").asText()).isEqualTo("native");
        assertThat(j.get("flags")).isEmpty();
        assertThat(Files.exists(tmp)).isTrue();
    }
    @Test
    void hostileTokenSymbolsAndDescriptionsCannotDriveTheTerminal() throws IOException {
        Path data = tmp.resolve("data");
        Files.createDirectories(data);
        Path src = SharedData.fixtures().resolve("incidents/bybit-2025/data");
        for (String f : List.of("dataset.json", "transactions.csv", "token_transfers.csv", "traces.csv")) {
            Files.copy(src.resolve(f), data.resolve(f));
        }
        // every token's symbol ends in an escape sequence that clears the screen and a right-to-left override
        List<String> tokens = Files.readAllLines(src.resolve("tokens.csv"));
        List<String> hostile = new ArrayList<>(List.of(tokens.get(0)));
        for (String line : tokens.subList(1, tokens.size())) {
            String[] c = line.split(",", -1);
            c[1] = c[1] + "\u001b[2J\u202e";
            hostile.add(String.join(",", c));
        }
        Files.write(data.resolve("tokens.csv"), hostile);
        BadInputTest.unlistFiles(data); // an export written elsewhere: no sizes and digests to check
        CliRun r = ok("tx", "--data", data.toString(), "0xe1e562d4f0d034583e63027109b2ac406ad2d7aa832a466d53b5a2ec4a69c98f");
        assertThat(r.out()).doesNotContain("\u001b", "\u202e").contains("\uFFFD[2J\uFFFD")
                .contains("#0  token  0x47666Fab8bd0Ac7003bce3f5C3585383F09486E2 → ");
    }
}
