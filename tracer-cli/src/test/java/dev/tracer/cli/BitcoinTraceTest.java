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
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden tests of {@code tracer trace --chain bitcoin} on real mainnet data: the first 439 blocks
 * (Bitcoin Core block file; Satoshi's coins from block 9 through the first peel chain), blocks
 * 50,001–50,002 through Bitcoin Core RPC (bitcoin-etl's recordings), and the same block file
 * through an Esplora API (a local server over the real blocks), recorded and replayed.
 */
class BitcoinTraceTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String CB9 = "0437cd7f8525ceed2324359c2d0ba26006d92d856a9c20fa0241106ee5a597c9";
    static final String HAL = "f4184fc596403b9d638783cf57adfe4c75c605f6356fbc91338530e9831e9e16";
    static final String PEEL2 = "a16f3ce4dd5deb92d98ef5cf8afeaf0775ebca408f708b2146c4fb42b41e14be";
    static final String PEEL3 = "591e91f809d716912ca1d4a9295e70c3e78bab077683f79350f101da64588073";
    static final String PEEL4 = "12b5633bad1f9c167d523ad1aa1947b2732a865bf5414eab2f9e5ae5d5c191ba";
    static final String PEEL5 = "828ef3b079f9c23829c56fe86e85b4a69d9e06e5b54ea597eef5fb3ffef509fe";
    static final String MERGE = "7940cdde4d713e171849efc6bd89939185be270266c94e92369e3877ad89455a";

    @TempDir
    Path tmp;

    static String blocks() {
        return SharedData.path("bitcoin/blocks/first-100k-blocks.dat").toString();
    }

    JsonNode trace(String name, String... args) throws IOException {
        Path out = tmp.resolve(name);
        List<String> a = new ArrayList<>(List.of("trace", "--chain", "bitcoin"));
        a.addAll(List.of(args));
        a.addAll(List.of("--out", out.toString()));
        CliRun r = CliRun.of(a.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        return JSON.readTree(out.resolve("report.json").toFile());
    }

    /** "kind address (owner)" → base units. */
    static Map<String, Long> endpoints(JsonNode report) {
        Map<String, Long> m = new TreeMap<>();
        for (JsonNode e : report.get("endpoints")) {
            m.merge(e.get("kind").asText() + " " + e.get("address").asText() + " (" + e.path("owner").asText("") + ")",
                    e.get("base_units").asLong(), Long::sum);
        }
        return m;
    }

    static long seedAmount(JsonNode report) {
        return report.get("seed_amounts").get(0).get("base_units").asLong();
    }

    static final Map<String, Long> SATOSHI_FORWARD = Map.of(
            "held " + HAL + ":0 (p2pk:1Q2TWHE3GMdB6BZKafqwxXtWAWgFt5Jvm3)", 1_000_000_000L,
            "held " + PEEL2 + ":0 (p2pk:1DUDsfc23Dv9sPMEk5RsrtfzCw5ofi5sVW)", 1_000_000_000L,
            "held 298ca2045d174f8a158961806ffc4ef96fad02d71a6b84d9fa0491813a776160:0 (p2pk:1BDvQZjaAJH4ecZ8aL3fYgTi7rnn3o2thE)", 100_000_000L,
            "held 4385fcf8b14497d0659adccfe06ae7e38e0b5dc95ff8a13d7c62035994a0cd79:0 (p2pk:15NUwyBYrZcnUgTagsm1A7M2yL2GntpuaZ)", 100_000_000L,
            "held " + PEEL5 + ":0 (p2pk:1ByLSV2gLRcuqUmfdYcpPQH8Npm8cccsFg)", 1_000_000_000L,
            "held " + PEEL5 + ":1 (p2pk:12cbQLTFMXRnSzktFkuoG3eHoMeFtpTu3S)", 1_800_000_000L);

    @Test
    void forwardFromTheCoinbaseOfBlock9ThroughTheFirstPeelChainUnderEveryModel() throws IOException {
        for (String model : List.of("haircut", "fifo", "poison")) {
            JsonNode r = trace(model, "--blocks", blocks(), "--address", CB9 + ":0", "--hops", "10", "--model", model);
            assertThat(seedAmount(r)).isEqualTo(5_000_000_000L);
            assertThat(endpoints(r)).as(model).containsExactlyInAnyOrderEntriesOf(SATOSHI_FORWARD);
            assertThat(r.get("where_now")).singleElement().satisfies(w -> {
                assertThat(w.get("kind").asText()).isEqualTo("held");
                assertThat(w.get("base_units").asLong()).isEqualTo(5_000_000_000L);
            });
        }
        JsonNode r = trace("path", "--blocks", blocks(), "--address", CB9 + ":0", "--hops", "10");
        for (JsonNode e : r.get("endpoints")) {
            if (e.get("address").asText().equals(PEEL5 + ":1")) {
                assertThat(e.get("path")).extracting(JsonNode::asText).containsExactly(HAL, PEEL2, PEEL3, PEEL4, PEEL5);
                assertThat(e.get("hop").asInt()).isEqualTo(5);
            }
        }
    }

    @Test
    void theHopLimitCountsTransactions() throws IOException {
        JsonNode r = trace("hops", "--blocks", blocks(), "--address", CB9 + ":0", "--hops", "2");
        Map<String, Long> e = endpoints(r);
        assertThat(e).containsEntry("held " + HAL + ":0 (p2pk:1Q2TWHE3GMdB6BZKafqwxXtWAWgFt5Jvm3)", 1_000_000_000L)
                .containsEntry("hop-limit tx:" + PEEL2 + " ()", 4_000_000_000L); // the second transaction is hop 2
        assertThat(e.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(5_000_000_000L);
    }

    @Test
    void backwardFromTheLastChangeToTheCoinbaseOfBlock9() throws IOException {
        JsonNode r = trace("back", "--blocks", blocks(), "--address", PEEL5 + ":1", "--backward", "--hops", "10");
        assertThat(seedAmount(r)).isEqualTo(1_800_000_000L);
        assertThat(endpoints(r)).containsExactlyEntriesOf(Map.of("held tx:" + CB9 + " ()", 1_800_000_000L));
    }

    @Test
    void anAddressSeedIsEveryOutputPayingIt() throws IOException {
        // 1Q2TWHE… (Hal Finney's key in block 170) was paid once in these blocks and never spent here
        JsonNode r = trace("addr", "--blocks", blocks(), "--address", "1Q2TWHE3GMdB6BZKafqwxXtWAWgFt5Jvm3");
        assertThat(r.get("seeds")).extracting(JsonNode::asText).containsExactly(HAL + ":0");
        assertThat(endpoints(r)).containsExactlyEntriesOf(Map.of("held " + HAL + ":0 (p2pk:1Q2TWHE3GMdB6BZKafqwxXtWAWgFt5Jvm3)",
                1_000_000_000L));
    }

    @Test
    void throughBitcoinCoreRpcBackwardToTheTwoCoinbasesAndForwardIntoTheMerge() throws IOException {
        try (LocalHttp node = LocalHttp.start(new BitcoinEtlRpc(SharedData.path("bitcoin/core-rpc/stream_50001_50002")))) {
            String url = node.url("/");
            JsonNode back = trace("rpc-back", "--rpc", url, "--rate-limit", "1000", "--block-range", "50001..50002", "--address", MERGE + ":0", "--backward");
            assertThat(seedAmount(back)).isEqualTo(10_000_000_000L);
            assertThat(endpoints(back)).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "frontier 76a8d70a757be5055f60be076b683897cadaad6b7bdf78c43e39b9d59cb4a6ea:0 (p2pk:1DoQeKfU3dYhN9bxMpFFcVUnufCPDqSPae)",
                    5_000_000_000L,
                    "frontier 0dd0394c6240355f4e4b3c88028f678ed746cebee3b3e8509620733f018914c9:0 (p2pk:1PZMgkF2x161qvfP7dhoWSEEU3SjnQE1m9)",
                    5_000_000_000L));
            Map<String, Long> expected = Map.of("held " + MERGE + ":0 (1HaHTfmvoUW6i6nhJf8jJs6tU4cHNmBQHQ)", 5_000_000_000L);
            assertThat(endpoints(trace("rpc-fwd", "--rpc", url, "--rate-limit", "1000", "--block-range", "50001..50002",
                    "--address", "1DoQeKfU3dYhN9bxMpFFcVUnufCPDqSPae"))).isEqualTo(expected);
            assertThat(endpoints(trace("rpc-fwd-fifo", "--rpc", url, "--rate-limit", "1000", "--block-range", "50001..50002",
                    "--address", "1DoQeKfU3dYhN9bxMpFFcVUnufCPDqSPae", "--model", "fifo"))).isEqualTo(expected);
            // poison: the merge output is wholly tainted once any stolen value reached it
            assertThat(endpoints(trace("rpc-fwd-poison", "--rpc", url, "--rate-limit", "1000", "--block-range", "50001..50002",
                    "--address", "1DoQeKfU3dYhN9bxMpFFcVUnufCPDqSPae", "--model", "poison")))
                    .isEqualTo(Map.of("held " + MERGE + ":0 (1HaHTfmvoUW6i6nhJf8jJs6tU4cHNmBQHQ)", 10_000_000_000L));
        }
    }

    @Test
    void aCoreRpcSessionRecordedThenReplayedGivesTheSameReport() throws IOException {
        Path rec = tmp.resolve("rpc-session.json");
        JsonNode live;
        try (LocalHttp node = LocalHttp.start(new BitcoinEtlRpc(SharedData.path("bitcoin/core-rpc/stream_50001_50002")))) {
            live = trace("rec", "--rpc", node.url("/"), "--rate-limit", "1000", "--block-range", "50001..50002", "--address", MERGE + ":0", "--backward",
                    "--record", rec.toString());
        }
        JsonNode replayed = trace("replayed", "--replay", rec.toString(), "--block-range", "50001..50002", "--address", MERGE + ":0",
                "--backward");
        assertThat(endpoints(replayed)).isEqualTo(endpoints(live));
        assertThat(Files.readString(rec)).contains("\"source\" : \"bitcoin-core-rpc\"").contains("getblockhash");
    }

    @Test
    void throughEsploraTheSameNumbersAsFromTheBlockFileAndTheSameAgainFromItsRecording() throws IOException {
        Path rec = tmp.resolve("esplora-session.json");
        try (LocalHttp api = LocalHttp.start(new EsploraEmulator(SharedData.path("bitcoin/blocks/first-100k-blocks.dat"), null))) {
            JsonNode live = trace("esplora", "--esplora", api.url(""), "--rate-limit", "1000", "--address", CB9 + ":0", "--hops", "10", "--record", rec.toString());
            assertThat(endpoints(live)).containsExactlyInAnyOrderEntriesOf(SATOSHI_FORWARD);
        }
        JsonNode replayed = trace("esplora-replay", "--replay", rec.toString(), "--address", CB9 + ":0", "--hops", "10");
        assertThat(endpoints(replayed)).containsExactlyInAnyOrderEntriesOf(SATOSHI_FORWARD);
    }

    @Test
    void dustOutputsAreEndpointsNotFunds() throws IOException {
        // block 370661, tx 848a3cbb…: 546 sat to two strangers beside a data-carrying multisig output
        JsonNode r = trace("dust", "--blocks", SharedData.path("bitcoin/blocks/block370661.dat").toString(),
                "--tx", "848a3cbbbcef391317b7829947ac7b0758e5d80f5e9e11e30d2dc57b56caf0f8");
        Map<String, Long> e = endpoints(r);
        assertThat(e).containsEntry("dust 848a3cbbbcef391317b7829947ac7b0758e5d80f5e9e11e30d2dc57b56caf0f8:1 (1JkmMcypHyZXkxW6TtKUrNgU9SPG5gDHQv)", 546L)
                .containsEntry("dust 848a3cbbbcef391317b7829947ac7b0758e5d80f5e9e11e30d2dc57b56caf0f8:2 (1EXoDusjGwvnjZUyKkxZ4UHEf77z6A5S4P)", 546L)
                .containsEntry("held 848a3cbbbcef391317b7829947ac7b0758e5d80f5e9e11e30d2dc57b56caf0f8:3 (1CRne14GDzTQvKYv1uNuitocTNptF3qKCX)", 13_609_294L);
        assertThat(r.get("warnings").toString()).contains("1735 input(s) spend outputs of blocks not read");
    }

    @Test
    void theSummaryShowsOwnersAndTheSameInputGivesTheSameBytes() throws IOException {
        CliRun a = CliRun.of("trace", "--chain", "bitcoin", "--blocks", blocks(), "--address", CB9 + ":0", "--hops", "10");
        CliRun b = CliRun.of("trace", "--chain", "bitcoin", "--blocks", blocks(), "--address", CB9 + ":0", "--hops", "10");
        assertThat(a.code()).as(a.err()).isZero();
        assertThat(a.out()).isEqualTo(b.out()).contains(PEEL5 + ":1 (p2pk:12cbQLTFMXRnSzktFkuoG3eHoMeFtpTu3S)")
                .contains("held           50 BTC  100%  at 6 address(es)");
        trace("d1", "--blocks", blocks(), "--address", CB9 + ":0");
        trace("d2", "--blocks", blocks(), "--address", CB9 + ":0");
        assertThat(Files.readString(tmp.resolve("d1/report.json"))).isEqualTo(Files.readString(tmp.resolve("d2/report.json")));
        assertThat(Files.readString(tmp.resolve("d1/graph.gexf"))).isEqualTo(Files.readString(tmp.resolve("d2/graph.gexf")));
    }

    @Test
    void aLabelledAddressStopsTheTraceAtTheOutputsPayingIt() throws IOException {
        // a label written for this test (not a claim about the key): 12cbQ… as an exchange
        Path labels = tmp.resolve("labels.csv");
        Files.writeString(labels, "chain,address,entity,category,source,confidence\n"
                + "bitcoin,12cbQLTFMXRnSzktFkuoG3eHoMeFtpTu3S,Test exchange,exchange,test,90\n");
        JsonNode r = trace("labels", "--blocks", blocks(), "--address", CB9 + ":0", "--hops", "10", "--labels", labels.toString());
        assertThat(endpoints(r)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "held " + HAL + ":0 (p2pk:1Q2TWHE3GMdB6BZKafqwxXtWAWgFt5Jvm3)", 1_000_000_000L,
                "stopped " + HAL + ":1 (p2pk:12cbQLTFMXRnSzktFkuoG3eHoMeFtpTu3S)", 4_000_000_000L));
        for (JsonNode e : r.get("endpoints")) {
            if (e.get("kind").asText().equals("stopped")) {
                assertThat(e.get("label").get("entity").asText()).isEqualTo("Test exchange");
            }
        }
        assertThat(endpoints(trace("nostop", "--blocks", blocks(), "--address", CB9 + ":0", "--hops", "10", "--labels",
                labels.toString(), "--stop-at", "none"))).containsExactlyInAnyOrderEntriesOf(SATOSHI_FORWARD);
    }
}
