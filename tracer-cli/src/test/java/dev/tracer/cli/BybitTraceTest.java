package dev.tracer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracer.testing.SharedData;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden tests on the bundled Bybit 2025 incident (fixtures/incidents/bybit-2025, real mainnet
 * outflows of five addresses): the numbers the foundation issue asks the trace to show, with the
 * data alone ({@code --no-swaps}: no inference across swaps; BybitDetectorsTest covers that).
 */
class BybitTraceTest {
    static final String SEED = "0x47666fab8bd0ac7003bce3f5c3585383f09486e2";
    static final String CONSOLIDATION = "0xa4b2fd68593b6f34e51cb9edb66e71c1b4ab449e";
    static final String HOP3 = "0xdd90071d52f20e85c89802e5dc1ec0a7b6475f92";
    static final String HOP5 = "0x327ffe25f330d2d809106ace581099ad1af9ba23";
    static final String STETH = "0xae7ab96520de3a18e5e111b5eaab095312d7fe84";
    static final String METH = "0xd5f7838f5c461feff7fe49ea5ebaf7728bb0adfa";
    static final String CMETH = "0xe6829d9a7ee3040e1276fa75293bde931859e8fa";
    static final Set<String> COVERED = Set.of(SEED, CONSOLIDATION, HOP3,
            "0xf302572594a68aa8f951fae64ed3ae7da41c72be", HOP5);
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    static Map<String, JsonNode> reports = new HashMap<>();
    static Map<String, String> stdout = new HashMap<>();

    @BeforeAll
    static void traceUnderEveryModel() throws IOException {
        for (String model : List.of("haircut", "poison", "fifo")) {
            Path out = tmp.resolve(model);
            CliRun r = CliRun.of("trace", "--incident", "bybit-2025", "--model", model, "--hops", "5", "--no-swaps",
                    "--fixtures", SharedData.fixtures().toString(), "--out", out.toString());
            assertThat(r.code()).as(r.err()).isZero();
            reports.put(model, JSON.readTree(out.resolve("report.json").toFile()));
            stdout.put(model, r.out());
        }
    }

    static JsonNode node(String model, String address) {
        return node(reports.get(model), address);
    }

    static JsonNode node(JsonNode report, String address) {
        for (JsonNode n : report.get("nodes")) {
            if (n.get("address").asText().equals(address)) {
                return n;
            }
        }
        throw new AssertionError(address + " not in the traced set");
    }

    /** asset id suffix (native or contract) → whole-unit amount, from a tallies array. */
    static Map<String, BigDecimal> tallies(JsonNode array) {
        Map<String, BigDecimal> m = new HashMap<>();
        for (JsonNode t : array) {
            String id = t.get("asset").asText();
            m.put(id.substring(id.indexOf(':') + 1), new BigDecimal(t.get("amount").asText()).stripTrailingZeros());
        }
        return m;
    }

    static BigDecimal dec(String s) {
        return new BigDecimal(s).stripTrailingZeros();
    }

    @Test
    void seedAmountsAreWhatTheExploiterSent() {
        assertThat(tallies(reports.get("haircut").get("seed_amounts"))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "native", dec("400001"), STETH, dec("90375.54791768"), METH, dec("8000"), CMETH, dec("15000")));
    }

    @Test
    void hopOneSplitsIntoFortyLotsOfExactlyTenThousandEth() {
        int lots = 0;
        Set<String> receivers = new HashSet<>();
        for (JsonNode t : reports.get("haircut").get("transfers")) {
            if (t.get("from").asText().equals(SEED) && t.get("asset").asText().equals("ethereum:native")
                    && t.get("base_units").asText().equals("10000000000000000000000")) {
                lots++;
                receivers.add(t.get("to").asText());
                assertThat(t.get("tainted_base_units").asText()).isEqualTo("10000000000000000000000");
            }
        }
        assertThat(lots).isEqualTo(40);
        assertThat(receivers).hasSize(40);
        assertThat(stdout.get("haircut")).contains("41 transfers, 400,001 ETH (40 × 10,000 ETH)");
    }

    @Test
    void consolidationReceivesOneEthPlusStethPlusMeth() {
        assertThat(tallies(node("haircut", CONSOLIDATION).get("tainted_received"))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "native", dec("1"), STETH, dec("90375.54791768"), METH, dec("8000")));
        assertThat(stdout.get("haircut")).contains("received stolen: 1 ETH + 90,375.54791768 stETH + 8,000 mETH");
    }

    @Test
    void everyReceiverOfGenuineValueFromACoveredSenderIsTraced() throws IOException {
        Set<String> expected = genuineReceivers();
        assertThat(expected).hasSizeGreaterThan(130);
        for (String model : List.of("haircut", "poison", "fifo")) {
            Set<String> traced = new TreeSet<>();
            reports.get(model).get("nodes").forEach(n -> traced.add(n.get("address").asText()));
            assertThat(traced).as(model).containsAll(expected).contains(SEED);
        }
    }

    @Test
    void lookAlikeAddressesThatOnlyGotFakeTokensHoldNoStolenFunds() throws IOException {
        Set<String> genuine = genuineReceivers();
        Set<String> fakeOnly = new TreeSet<>();
        for (String[] row : rows("token_transfers.csv")) {
            String contract = row[0];
            boolean real = (contract.equals(STETH) || contract.equals(METH) || contract.equals(CMETH)) && !row[3].equals("0");
            if (COVERED.contains(row[1]) && !real && !genuine.contains(row[2])) {
                fakeOnly.add(row[2]);
            }
        }
        assertThat(fakeOnly).hasSizeGreaterThan(200).contains("0xa4b24033f4c6d70133e4557c2c32a3fb693e449e");
        for (String model : List.of("haircut", "poison", "fifo")) {
            JsonNode report = reports.get(model);
            Set<String> holding = new TreeSet<>();
            report.get("endpoints").forEach(e -> holding.add(e.get("address").asText()));
            report.get("transfers").forEach(t -> holding.add(t.get("to").asText()));
            assertThat(holding).as(model).doesNotContainAnyElementsOf(fakeOnly);
            Set<String> listed = new TreeSet<>();
            report.get("poisoning").get("addresses").forEach(a -> listed.add(a.get("address").asText()));
            assertThat(listed).as(model).containsAll(fakeOnly);
        }
        JsonNode lookalike = null;
        for (JsonNode a : reports.get("haircut").get("poisoning").get("addresses")) {
            if (a.get("address").asText().equals("0xa4b24033f4c6d70133e4557c2c32a3fb693e449e")) {
                lookalike = a;
            }
        }
        assertThat(lookalike).isNotNull();
        assertThat(lookalike.get("imitates").asText()).isEqualTo(CONSOLIDATION);
        JsonNode counts = reports.get("haircut").get("poisoning").get("counts");
        assertThat(counts.get("imitation_token").asInt()).isEqualTo(564);
        assertThat(counts.get("zero_value_token").asInt()).isEqualTo(3);
        assertThat(counts.get("unverified_token").asInt()).isEqualTo(7);
    }

    @Test
    void unexplainedInflowsAreReportedNotInventedOrDropped() {
        Map<String, JsonNode> gaps = new HashMap<>();
        reports.get("haircut").get("ledger_gaps").forEach(g -> {
            if (g.get("asset").asText().equals("ethereum:native")) {
                gaps.put(g.get("address").asText(), g);
            }
        });
        JsonNode a = gaps.get(CONSOLIDATION);
        assertThat(a.get("received_amount").asText()).isEqualTo("1");
        assertThat(a.get("sent_amount").asText()).isEqualTo("98048.8948");
        assertThat(a.get("unexplained_amount").asText()).isEqualTo("98047.8948");
        assertThat(a.get("counted_as_stolen").asBoolean()).isFalse();
        JsonNode b = gaps.get(HOP5);
        assertThat(b.get("received_amount").asText()).isEqualTo("454.06109052167091");
        assertThat(b.get("sent_amount").asText()).isEqualTo("1651.95352422111208");
        assertThat(b.get("unexplained_amount").asText()).isEqualTo("1197.89243369944117");
        assertThat(gaps.get(SEED).get("counted_as_stolen").asBoolean()).isTrue();
        assertThat(stdout.get("haircut")).contains(
                CONSOLIDATION + " received 1 ETH, sent 98,048.8948 ETH: 98,047.8948 ETH from outside the data");
    }

    @Test
    void frontierIsReportedAsWhereTheDataEndsAndConservesUnderHaircut() {
        JsonNode r = reports.get("haircut");
        Map<String, BigDecimal> sums = new HashMap<>();
        int ethFrontier = 0;
        for (JsonNode e : r.get("endpoints")) {
            assertThat(e.get("kind").asText()).isEqualTo("frontier");
            assertThat(COVERED).doesNotContain(e.get("address").asText());
            String id = e.get("asset").asText();
            sums.merge(id.substring(id.indexOf(':') + 1), new BigDecimal(e.get("amount").asText()), BigDecimal::add);
            sums.replaceAll((k, v) -> v.stripTrailingZeros());
            if (id.endsWith(":native")) {
                ethFrontier++;
            }
        }
        assertThat(ethFrontier).isEqualTo(133);
        assertThat(sums).containsExactlyInAnyOrderEntriesOf(tallies(r.get("seed_amounts")));
        assertThat(r.get("nodes")).hasSize(146);
        Set<String> earlier = new TreeSet<>();
        for (JsonNode n : r.get("nodes")) {
            if (n.get("role").asText().equals("earlier")) {
                earlier.add(n.get("address").asText());
                assertThat(n.get("tainted_received")).isEmpty();
            }
        }
        // paid by 0x327f… before the traced funds reached it (blocks 21,932,653–21,959,754 < 21,960,052)
        assertThat(earlier).containsExactlyInAnyOrder("0x1743b4e13273ab8e86de51edaef12c5ef2026416",
                "0x535c86ef69cd7f7c618409928aff610b7cab7b83", "0x5679b4b6ac7968d56972822e4ba9e0e9aa731021",
                "0x9d977674985e1aecd1b5162456e2429ccbce2bbd");
        assertThat(stdout.get("haircut")).contains("frontier       400,001 ETH  100%  at 133 address(es)");
    }

    @Test
    void poisonAndFifoGiveDifferentExplainedSharesAtTheConsolidation() {
        assertThat(tallies(node("poison", CONSOLIDATION).get("tainted_sent")).get("native")).isEqualByComparingTo("98048.8948");
        assertThat(tallies(node("fifo", CONSOLIDATION).get("tainted_sent")).get("native")).isEqualByComparingTo("1");
        assertThat(tallies(node("haircut", CONSOLIDATION).get("tainted_sent")).get("native")).isEqualByComparingTo("1");
        assertThat(tallies(node("poison", HOP3).get("tainted_received")).get("native")).isEqualByComparingTo("98048.7948");
        assertThat(tallies(node("fifo", HOP3).get("tainted_received")).get("native")).isEqualByComparingTo("1");
        assertThat(tallies(node("poison", HOP5).get("tainted_received")).get("native")).isEqualByComparingTo("454.06109052167091");
        assertThat(tallies(node("haircut", HOP5).get("tainted_received")).get("native")).isEqualByComparingTo("0.004630970645257446");
        assertThat(tallies(node("fifo", HOP5).get("tainted_received"))).isEmpty();
        for (String model : List.of("haircut", "poison", "fifo")) {
            assertThat(reports.get(model).get("model").get("description").asText()).startsWith(model + ":");
        }
        assertThat(reports.get("poison").get("model").get("conserving").asBoolean()).isFalse();
    }

    @Test
    void everyEndpointCarriesAChainOfTransactionsFromTheSeed() {
        JsonNode r = reports.get("haircut");
        Map<String, JsonNode> byTx = new HashMap<>();
        r.get("transfers").forEach(t -> byTx.putIfAbsent(t.get("tx").asText() + t.get("to").asText(), t));
        for (JsonNode e : r.get("endpoints")) {
            JsonNode path = e.get("path");
            assertThat(path).as(e.get("address").asText()).hasSize(e.get("hop").asInt());
        }
        JsonNode deep = null;
        for (JsonNode e : r.get("endpoints")) {
            if (e.get("address").asText().equals("0xf2fa83097ebb54b5204300fd88df7cb1a803276a")) {
                deep = e;
            }
        }
        assertThat(deep).isNotNull();
        assertThat(deep.get("hop").asInt()).isEqualTo(5);
        // walk the chain: each transaction's receiver sends the next one, never earlier in the chain
        String at = SEED;
        long block = 0;
        List<String> hops = List.of(CONSOLIDATION, HOP3, "0xf302572594a68aa8f951fae64ed3ae7da41c72be", HOP5,
                "0xf2fa83097ebb54b5204300fd88df7cb1a803276a");
        for (int i = 0; i < 5; i++) {
            JsonNode t = byTx.get(deep.get("path").get(i).asText() + hops.get(i));
            assertThat(t).as("hop %d", i + 1).isNotNull();
            assertThat(t.get("from").asText()).isEqualTo(at);
            assertThat(t.get("block").asLong()).isGreaterThanOrEqualTo(block);
            at = t.get("to").asText();
            block = t.get("block").asLong();
        }
        assertThat(node("haircut", CONSOLIDATION).get("reached_by").get("tx").asText())
                .isEqualTo("0xdd5cd734d4d67ff5af7e53cdd72c26d4d7d28d08c8f0ff32d12ab3e2a277e4bc");
    }

    @Test
    void graphIsValidGexf13() {
        GexfSchema.assertValid(tmp.resolve("haircut").resolve("graph.gexf"));
    }

    @Test
    void sameInputsGiveByteIdenticalFiles() throws IOException {
        Path again = tmp.resolve("again");
        CliRun r = CliRun.of("trace", "--incident", "bybit-2025", "--model", "haircut", "--hops", "5", "--no-swaps",
                "--fixtures", SharedData.fixtures().toString(), "--out", again.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo(stdout.get("haircut").replace(tmp.resolve("haircut").toString(), again.toString()));
        for (String f : List.of("report.json", "graph.gexf")) {
            assertThat(Files.readAllBytes(again.resolve(f))).as(f).isEqualTo(Files.readAllBytes(tmp.resolve("haircut").resolve(f)));
        }
    }

    /** Receivers of nonzero ETH, stETH, mETH or cmETH from a covered sender, read straight from the fixture CSV. */
    static Set<String> genuineReceivers() throws IOException {
        Set<String> out = new TreeSet<>();
        for (String[] row : rows("transactions.csv")) {
            if (COVERED.contains(row[3]) && !row[5].equals("0")) {
                out.add(row[4]);
            }
        }
        for (String[] row : rows("token_transfers.csv")) {
            String contract = row[0];
            if (COVERED.contains(row[1]) && !row[3].equals("0")
                    && (contract.equals(STETH) || contract.equals(METH) || contract.equals(CMETH))) {
                out.add(row[2]);
            }
        }
        return out;
    }

    static List<String[]> rows(String file) throws IOException {
        List<String> lines = Files.readAllLines(SharedData.fixtures().resolve("incidents/bybit-2025/data").resolve(file));
        return lines.subList(1, lines.size()).stream().map(l -> l.split(",", -1)).toList();
    }
}
