package dev.tracer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracer.testing.Anvil;
import dev.tracer.testing.LaunderingScenario;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tracer trace --rpc} against a real node (anvil, started by the test) on which the
 * laundering scenario was played: the trace recovers the scenario's ground truth, a replay of its
 * recording gives byte-identical output, and the disk cache makes a repeated trace ask the node
 * nothing. The request counts are printed (see target/surefire-reports) and checked relative to
 * each other, never against a speed target.
 */
@ExtendWith(Anvil.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveTraceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static LaunderingScenario scenario;
    private static String url;
    private static long chainId;
    @TempDir
    static Path dir;
    private static final Map<String, Long> REQUESTS = new HashMap<>();

    @BeforeAll
    static void play(Anvil.Node node) throws IOException {
        scenario = LaunderingScenario.play(node.url(), node.chainId());
        url = node.url();
        chainId = node.chainId();
        Files.writeString(dir.resolve("labels.csv"), scenario.labelsCsv());
        Files.writeString(dir.resolve("tokens.csv"), scenario.tokensCsv());
    }

    private static List<String> args(String... extra) {
        List<String> a = new ArrayList<>(List.of("trace", "-a", scenario.address("T"), "--labels", dir.resolve("labels.csv").toString(),
                "--tokens", dir.resolve("tokens.csv").toString(), "--hops", "6", "--model", "haircut", "--top", "0",
                "--rate-limit", "500"));
        a.addAll(List.of(extra));
        return a;
    }

    private static CliRun run(List<String> args) {
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertThat(r.code()).as("exit code; stderr: %s", r.err()).isZero();
        return r;
    }

    private static JsonNode json(Path p) throws IOException {
        return JSON.readTree(p.toFile());
    }

    private static BigInteger endpoint(JsonNode report, String role, String kind, String symbol) {
        BigInteger sum = BigInteger.ZERO;
        for (JsonNode e : report.get("endpoints")) {
            if (e.get("address").asText().equals(scenario.address(role)) && e.get("kind").asText().equals(kind)
                    && e.get("symbol").asText().equals(symbol)) {
                sum = sum.add(new BigInteger(e.get("base_units").asText()));
            }
        }
        return sum;
    }

    @Test
    @Order(1)
    void liveTraceRecoversTheGroundTruth() throws IOException {
        CliRun r = run(args("--rpc", url, "--chain", Long.toString(chainId), "--to-block", Long.toString(scenario.lastBlock),
                "--record", dir.resolve("recording").toString(), "--cache", dir.resolve("cache").toString(),
                "--out", dir.resolve("live").toString()));
        System.out.println(r.err());
        System.out.println(r.out());
        assertThat(r.err()).contains("round 0").contains("node requests");
        assertThat(r.out()).contains("Node calls:");
        JsonNode report = json(dir.resolve("live/report.json"));
        BigInteger eth = LaunderingScenario.ETH;
        BigInteger usdt = LaunderingScenario.USDT_UNIT;
        // where the stolen funds end: every amount as the scenario moved it
        assertThat(endpoint(report, "Pool", "stopped", "ETH")).isEqualTo(eth.multiply(BigInteger.valueOf(30)));
        assertThat(endpoint(report, "Bridge", "stopped", "ETH")).isEqualTo(eth.multiply(BigInteger.valueOf(30)));
        assertThat(endpoint(report, "H", "stopped", "ETH")).isEqualTo(eth.multiply(BigInteger.valueOf(29)));
        assertThat(endpoint(report, "Forwarder", "held", "ETH")).isEqualTo(eth);
        assertThat(endpoint(report, "T", "held", "ETH")).isEqualTo(eth.multiply(BigInteger.TEN));
        // the DEX is a swap point: the USDT ends there swapped, and the 5 ETH it paid back in the same transaction carry the taint
        assertThat(endpoint(report, "Swap", "swapped", "USDT")).isEqualTo(usdt.multiply(BigInteger.valueOf(50_000)));
        assertThat(endpoint(report, "S2", "held", "ETH")).isEqualTo(eth.multiply(BigInteger.valueOf(5)));
        // conservation: the endpoints are the seed's amounts plus what swaps carried in, asset by asset
        Map<String, BigInteger> ends = new HashMap<>();
        report.get("endpoints").forEach(e -> ends.merge(e.get("symbol").asText(), new BigInteger(e.get("base_units").asText()), BigInteger::add));
        assertThat(ends).containsOnlyKeys("ETH", "USDT");
        assertThat(ends.get("ETH")).isEqualTo(eth.multiply(BigInteger.valueOf(105)));
        assertThat(ends.get("USDT")).isEqualTo(usdt.multiply(BigInteger.valueOf(50_000)));
        // every hop on the stolen funds' path is a traced transfer with its exact amount
        List<String> traced = new ArrayList<>();
        report.get("transfers").forEach(t -> traced.add(t.get("tx").asText() + " " + t.get("from").asText() + ">" + t.get("to").asText()
                + " " + t.get("symbol").asText() + " " + t.get("tainted_base_units").asText()));
        List<String> onPath = List.of("S1", "S2", "S3", "Pool", "Forwarder", "Swap", "D1", "D2", "H", "Bridge");
        int expectedHops = 0;
        for (LaunderingScenario.Hop h : scenario.hops) {
            boolean fromTrail = h.from().equals(scenario.address("T")) || onPath.stream()
                    .filter(x -> !x.equals("Pool") && !x.equals("Bridge") && !x.equals("H") && !x.equals("Swap"))
                    .anyMatch(x -> scenario.address(x).equals(h.from()));
            boolean swapProceeds = h.from().equals(scenario.address("Swap")) && h.to().equals(scenario.address("S2"));
            if (fromTrail || swapProceeds) {
                expectedHops++;
                assertThat(traced).as("hop %s", h).contains(h.tx() + " " + h.from() + ">" + h.to() + " " + h.asset() + " " + h.amount());
            }
        }
        assertThat(traced).hasSize(expectedHops);
        // hops from the seed: T 0, S 1, Forwarder 2, D 3, H 4
        Map<String, Integer> hop = new HashMap<>();
        report.get("nodes").forEach(n -> hop.put(n.get("address").asText(), n.get("hop").asInt()));
        assertThat(hop.get(scenario.address("H"))).isEqualTo(4);
        assertThat(hop.get(scenario.address("Pool"))).isEqualTo(2);
        // the mixer and the bridge stop the trace: their payouts are not followed
        assertThat(hop).doesNotContainKey(scenario.address("W1"));
        // spoofed transfers count for nothing: not traced, not an endpoint, reported as poisoning
        for (String tx : scenario.spoofTxs) {
            assertThat(traced).noneMatch(t -> t.startsWith(tx));
        }
        List<String> poisoned = new ArrayList<>();
        report.get("poisoning").get("addresses").forEach(p -> poisoned.add(p.get("address").asText()));
        assertThat(poisoned).containsAll(scenario.lookalikes);
        assertThat(report.get("poisoning").get("counts").get("imitation_token").asInt()).isEqualTo(2);
        assertThat(report.get("poisoning").get("counts").get("zero_value_token").asInt()).isEqualTo(1);
        report.get("endpoints").forEach(e -> assertThat(scenario.lookalikes).doesNotContain(e.get("address").asText()));
        assertThat(report.get("dataset").get("description").asText()).contains("trace_filter").doesNotContain("127.0.0.1");
        JsonNode source = json(dir.resolve("live/source.json"));
        REQUESTS.put("cold", source.get("node_requests").asLong());
        assertThat(source.get("node_requests").asLong()).isPositive();
        REQUESTS.put("calls", source.get("calls").asLong());
        assertThat(source.get("calls").asLong()).isEqualTo(source.get("node_requests").asLong()
                + source.get("memory_cache_hits").asLong() + source.get("disk_cache_hits").asLong());
        assertThat(source.get("disk_cache_hits").asLong()).isZero();
    }

    @Test
    @Order(2)
    void replayingTheRecordingGivesByteIdenticalOutput() throws IOException {
        run(args("--replay", dir.resolve("recording").toString(), "--chain", Long.toString(chainId),
                "--to-block", Long.toString(scenario.lastBlock), "--out", dir.resolve("replayed").toString(), "--quiet"));
        assertThat(Files.readAllBytes(dir.resolve("replayed/report.json"))).isEqualTo(Files.readAllBytes(dir.resolve("live/report.json")));
        assertThat(Files.readAllBytes(dir.resolve("replayed/graph.gexf"))).isEqualTo(Files.readAllBytes(dir.resolve("live/graph.gexf")));
        JsonNode source = json(dir.resolve("replayed/source.json"));
        assertThat(source.get("node_requests").asLong()).isZero();
        assertThat(source.get("replayed").asLong()).isEqualTo(REQUESTS.get("calls"));
        try (Stream<Path> s = Files.list(dir.resolve("recording"))) { // one file per distinct call
            assertThat(s.count()).isEqualTo(REQUESTS.get("cold"));
        }
    }

    @Test
    @Order(3)
    void aRepeatedTraceAsksTheNodeNothing() throws IOException {
        CliRun r = run(args("--rpc", url, "--to-block", Long.toString(scenario.lastBlock), "--cache", dir.resolve("cache").toString(),
                "--out", dir.resolve("repeated").toString(), "--quiet"));
        assertThat(r.err()).isEmpty();
        assertThat(Files.readAllBytes(dir.resolve("repeated/report.json"))).isEqualTo(Files.readAllBytes(dir.resolve("live/report.json")));
        JsonNode source = json(dir.resolve("repeated/source.json"));
        REQUESTS.put("repeated", source.get("node_requests").asLong());
        assertThat(source.get("node_requests").asLong()).isZero();
        assertThat(source.get("disk_cache_hits").asLong()).isPositive();
    }

    @Test
    @Order(4)
    void anOverlappingTraceAsksOnlyForWhatIsNew() throws IOException {
        // the mixer's withdrawal address W1 was never fetched; S2's whole subtree was
        run(List.of("trace", "-a", scenario.address("S2"), "-a", scenario.address("W1"), "--labels", dir.resolve("labels.csv").toString(),
                "--tokens", dir.resolve("tokens.csv").toString(), "--hops", "6", "--rate-limit", "500", "--rpc", url, "--to-block", Long.toString(scenario.lastBlock),
                "--cache", dir.resolve("cache").toString(), "--out", dir.resolve("overlap").toString(), "--quiet"));
        JsonNode source = json(dir.resolve("overlap/source.json"));
        long overlap = source.get("node_requests").asLong();
        REQUESTS.put("overlapping", overlap);
        assertThat(overlap).isPositive().isLessThan(REQUESTS.get("cold"));
        assertThat(source.get("disk_cache_hits").asLong()).isPositive();
        // without --to-block the head is asked for (one uncached call) and nothing else is new
        run(args("--rpc", url, "--cache", dir.resolve("cache").toString(), "--out", dir.resolve("unpinned").toString(), "--quiet"));
        REQUESTS.put("repeated-unpinned", json(dir.resolve("unpinned/source.json")).get("node_requests").asLong());
        assertThat(REQUESTS.get("repeated-unpinned")).isEqualTo(1);
        String line = String.format("node requests: cold %d, repeated %d, repeated without --to-block %d, overlapping %d",
                REQUESTS.get("cold"), REQUESTS.get("repeated"), REQUESTS.get("repeated-unpinned"), overlap);
        System.out.println(line);
        Files.writeString(Path.of("target", "live-trace-requests.txt"), line + "\n");
    }

    @Test
    @Order(5)
    void aFlakyNodeIsRetriedAndGivesTheSameReport() throws IOException {
        try (FlakyProxy proxy = new FlakyProxy(url, 4, List.of(FlakyProxy.Fault.values()))) {
            CliRun r = run(args("--rpc", proxy.url("/v3/0123456789abcdef0123456789abcdef"), "--to-block", Long.toString(scenario.lastBlock),
                    "--retries", "6", "--timeout", "0.5", "--out", dir.resolve("flaky").toString(), "-q"));
            assertThat(proxy.faults.get()).isGreaterThanOrEqualTo(FlakyProxy.Fault.values().length);
            assertThat(r.out()).doesNotContain("0123456789abcdef");
        }
        assertThat(Files.readAllBytes(dir.resolve("flaky/report.json"))).isEqualTo(Files.readAllBytes(dir.resolve("live/report.json")));
        JsonNode source = json(dir.resolve("flaky/source.json"));
        assertThat(source.get("retries").asLong()).isPositive();
        assertThat(source.get("endpoint").asText()).endsWith("/***");
    }

    @Test
    @Order(6)
    void aNodeThatStaysDownExitsThreeWithOneLineAndNoOutput() throws IOException {
        try (FlakyProxy proxy = new FlakyProxy(url, 1, List.of(FlakyProxy.Fault.SERVER_ERROR))) {
            CliRun r = CliRun.of(args("--rpc", proxy.url("/key/0123456789abcdef0123456789abcdef?apikey=S3CRET"), "--retries", "2",
                    "--out", dir.resolve("down").toString(), "-q").toArray(String[]::new));
            assertThat(r.code()).isEqualTo(3);
            assertThat(r.err().strip()).startsWith("tracer: node http://127.0.0.1:").contains("/***").contains("after 3 attempts")
                    .contains("HTTP 500").doesNotContain("S3CRET").doesNotContain("0123456789abcdef");
            assertThat(r.err().strip().lines()).hasSize(1);
            assertThat(r.out()).isEmpty();
            assertThat(proxy.faults.get()).isEqualTo(3);
        }
        assertThat(dir.resolve("down")).doesNotExist();
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".down"));
        }
    }

    @Test
    @Order(7)
    void aReplayMissingACallNamesIt() throws IOException {
        Path partial = dir.resolve("partial");
        Files.createDirectories(partial);
        try (Stream<Path> s = Files.list(dir.resolve("recording"))) {
            for (Path p : s.filter(p -> !p.getFileName().toString().startsWith("eth_getlogs")).toList()) {
                Files.copy(p, partial.resolve(p.getFileName()));
            }
        }
        CliRun r = CliRun.of(args("--replay", partial.toString(), "--to-block", Long.toString(scenario.lastBlock),
                "--out", dir.resolve("partial-out").toString(), "-q").toArray(String[]::new));
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("has no answer for eth_getLogs [{\"fromBlock\":\"0x0\"");
        assertThat(dir.resolve("partial-out")).doesNotExist();
    }
}
