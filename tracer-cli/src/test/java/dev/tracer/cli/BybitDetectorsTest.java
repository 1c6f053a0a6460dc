package dev.tracer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracer.testing.SharedData;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The detector issue's must-shows on the bundled Bybit 2025 data (swaps inferred, the default). */
class BybitDetectorsTest {
    static final String SEED = BybitTraceTest.SEED;
    static final String CONSOLIDATION = BybitTraceTest.CONSOLIDATION;
    static final String HOP3 = BybitTraceTest.HOP3;
    static final String HOP5 = BybitTraceTest.HOP5;

    @TempDir
    static Path tmp;
    static JsonNode report;
    static String stdout;

    @BeforeAll
    static void trace() throws IOException {
        CliRun r = CliRun.of("trace", "--incident", "bybit-2025", "--model", "haircut", "--hops", "5",
                "--fixtures", SharedData.fixtures().toString(), "--out", tmp.toString(), "--top", "0");
        assertThat(r.code()).as(r.err()).isZero();
        report = new ObjectMapper().readTree(tmp.resolve("report.json").toFile());
        stdout = r.out();
    }

    static List<JsonNode> flags(String type) {
        List<JsonNode> out = new ArrayList<>();
        report.get("flags").forEach(f -> {
            if (f.get("type").asText().equals(type)) {
                out.add(f);
            }
        });
        return out;
    }

    @Test
    void equalSplitsAtTheSeedAndAtHopThreeAndNowhereElse() {
        Map<String, String> rules = new HashMap<>();
        flags("equal-split").forEach(f -> rules.put(f.get("address").asText(), f.get("rule").asText()));
        assertThat(rules).containsExactlyInAnyOrderEntriesOf(Map.of(SEED, "equal-lots:40x", HOP3, "equal-lots:9x"));
        JsonNode seedSplit = flags("equal-split").stream().filter(f -> f.get("address").asText().equals(SEED)).findFirst().orElseThrow();
        assertThat(seedSplit.get("txs")).hasSize(40);
        seedSplit.get("amounts").forEach(a -> assertThat(a.get("amount").asText()).isEqualTo("10000"));
    }

    @Test
    void dexConversionsAtTheConsolidationCarryTheTaintIntoEth() {
        List<JsonNode> swaps = flags("dex-swap");
        assertThat(swaps).hasSize(1);
        assertThat(swaps.get(0).get("address").asText()).isEqualTo(CONSOLIDATION);
        assertThat(swaps.get(0).get("rule").asText()).startsWith("inferred:").contains("pulled", "router-call:Uniswap");
        BigDecimal converted = BigDecimal.ZERO;
        BigDecimal tainted = BigDecimal.ZERO;
        Set<String> from = new TreeSet<>();
        for (JsonNode c : report.get("conversions")) {
            assertThat(c.get("address").asText()).isEqualTo(CONSOLIDATION);
            assertThat(c.get("asset").asText()).isEqualTo("ethereum:native");
            assertThat(c.get("inferred").asBoolean()).isTrue();
            converted = converted.add(new BigDecimal(c.get("amount").asText()));
            tainted = tainted.add(new BigDecimal(c.get("tainted_amount").asText()));
            c.get("from_assets").forEach(a -> from.add(a.asText()));
        }
        // the ETH it sent beyond the 1 ETH it received, all explained as proceeds of the stETH and mETH swaps
        assertThat(converted).isEqualByComparingTo("98047.8948");
        assertThat(tainted).isEqualByComparingTo("98047.8948");
        assertThat(from).containsExactlyInAnyOrder("ethereum:0xae7ab96520de3a18e5e111b5eaab095312d7fe84",
                "ethereum:0xd5f7838f5c461feff7fe49ea5ebaf7728bb0adfa");
        // face value of the swapped stETH + mETH: 98,375.54791768; the ETH matches it within a fraction of a percent
        BigDecimal faceValue = new BigDecimal("98375.54791768");
        assertThat(converted.divide(faceValue, java.math.MathContext.DECIMAL64).doubleValue()).isBetween(0.99, 1.0);
        assertThat(swaps.get(0).get("summary").asText()).contains("98375.54791768 ETH (99.667%)");
        assertThat(BybitTraceTest.tallies(BybitTraceTest.node(report, HOP3).get("tainted_received")).get("native"))
                .isEqualByComparingTo("98048.7948");
    }

    @Test
    void everyAssetStillBalancesWithSwapsCounted() {
        Map<String, BigDecimal> endpoints = new HashMap<>();
        report.get("endpoints").forEach(e -> endpoints.merge(e.get("asset").asText(), new BigDecimal(e.get("amount").asText()), BigDecimal::add));
        Map<String, BigDecimal> expected = new HashMap<>();
        report.get("seed_amounts").forEach(s -> expected.merge(s.get("asset").asText(), new BigDecimal(s.get("amount").asText()), BigDecimal::add));
        report.get("converted_in").forEach(s -> expected.merge(s.get("asset").asText(), new BigDecimal(s.get("amount").asText()), BigDecimal::add));
        assertThat(endpoints.keySet()).isEqualTo(expected.keySet());
        expected.forEach((a, v) -> assertThat(endpoints.get(a)).as(a).isEqualByComparingTo(v));
        BigDecimal swappedSteth = BigDecimal.ZERO;
        for (JsonNode e : report.get("endpoints")) {
            if (e.get("kind").asText().equals("swapped") && e.get("symbol").asText().equals("stETH")) {
                swappedSteth = swappedSteth.add(new BigDecimal(e.get("amount").asText()));
            }
        }
        assertThat(swappedSteth).isEqualByComparingTo("90047.8948");
    }

    @Test
    void routersAndTheLidoContractAreRecognisedNotHolders() {
        Map<String, String> called = new HashMap<>();
        report.get("contract_calls").forEach(c -> {
            if (!c.get("label").isNull()) {
                called.put(c.get("contract").asText(), c.get("label").get("category").asText());
            }
        });
        assertThat(called).containsEntry("0x3fc91a3afd70395cd496c647d5a6cc9d4b2b7fad", "dex")
                .containsEntry("0x66a9893cc07d91d95644aedd05d03f95e1dba8af", "dex")
                .containsEntry("0xae7ab96520de3a18e5e111b5eaab095312d7fe84", "token_contract");
        Set<String> holders = new TreeSet<>();
        report.get("endpoints").forEach(e -> holders.add(e.get("address").asText()));
        assertThat(holders).doesNotContainAnyElementsOf(called.keySet());
        assertThat(stdout).contains("called 0xae7ab96520de3a18e5e111b5eaab095312d7fe84 [stETH token contract, token_contract]");
    }

    @Test
    void everyFakeTokenAndLookAlikeRowIsExcludedAndReported() {
        Set<String> poisoned = new TreeSet<>();
        report.get("poisoning").get("addresses").forEach(a -> poisoned.add(a.get("address").asText()));
        Set<String> flagged = new TreeSet<>();
        int lookalikes = 0;
        for (JsonNode f : flags("address-poisoning")) {
            flagged.add(f.get("address").asText());
            if (f.get("rule").asText().equals("lookalike-address")) {
                lookalikes++;
            }
        }
        assertThat(flagged).isEqualTo(poisoned).hasSize(271);
        assertThat(lookalikes).isEqualTo(113);
        int rows = 0;
        for (JsonNode f : flags("address-poisoning")) {
            rows += f.get("amounts").size();
        }
        assertThat(rows).isEqualTo(report.get("poisoning").get("transfers").size()).isEqualTo(574);
    }

    @Test
    void consolidationAtHopFiveIsFlagged() {
        List<JsonNode> at = flags("consolidation").stream().filter(f -> f.get("address").asText().equals(HOP5)).toList();
        assertThat(at).hasSize(1);
        assertThat(at.get(0).get("rule").asText()).contains("fan-in:outside-funds");
        assertThat(at.get(0).get("summary").asText()).contains("1197.89243369944117 ETH");
    }

    @Test
    void flagsAreInTheGexfToo() throws IOException {
        GexfSchema.assertValid(tmp.resolve("graph.gexf"));
        String gexf = java.nio.file.Files.readString(tmp.resolve("graph.gexf"));
        assertThat(gexf).contains("<attvalue for=\"flags\" value=\"equal-split\"/>")
                .contains("consolidation, dex-swap, rapid-pass-through");
    }
}
