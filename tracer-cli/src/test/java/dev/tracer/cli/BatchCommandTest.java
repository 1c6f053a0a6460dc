package dev.tracer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracer.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tracer batch} over the real catalogue (twice: byte-identical), over a test catalogue with
 * a bad seed, missing data and an incident without data (partial failure, exit 4), and
 * {@code tracer diff} between runs whose label files differ in one label.
 */
class BatchCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();
    /** A frontier address the Bybit trace reaches (hop 1, 10,000 ETH), labelled differently in two runs. */
    static final String RELABELLED = "0x09278b36863be4ccd3d0c22d643e8062d7a11377";

    @TempDir
    static Path tmp;
    static Path runA;
    static CliRun first;

    @BeforeAll
    static void batchOverTheCatalogue() throws IOException {
        runA = tmp.resolve("runA");
        first = BatchRuns.batch("--fixtures", SharedData.fixtures().toString(), "--out", runA.toString());
        assertThat(first.code()).as(first.err()).isZero();
    }

    @Test
    void writesEveryFileOfEveryIncidentAndAManifest() throws IOException {
        // the catalogue documents more thefts than it bundles data for: those are skipped, with the reason
        assertThat(first.out()).containsPattern("bybit-2025 +ok").containsPattern("1 ok, 0 failed, \\d+ skipped")
                .containsPattern("ronin-2022 +skipped +incident ronin-2022 has no bundled chain data");
        assertThat(first.err()).containsPattern("\\d+/\\d+  bybit-2025 ok");
        Path dir = runA.resolve("bybit-2025");
        assertThat(Files.list(dir).map(p -> p.getFileName().toString()).sorted().toList()).containsExactly(
                "edges.csv", "graph.gexf", "graph.graphml", "neo4j-nodes.csv", "neo4j-relationships.csv", "nodes.csv",
                "report.json", "summary.md");
        JsonNode m = JSON.readTree(runA.resolve("manifest.json").toFile());
        assertThat(m.get("format").asText()).isEqualTo("tracer-run/1");
        assertThat(m.get("complete").asBoolean()).isTrue();
        assertThat(m.at("/inputs/tool").asText()).isEqualTo("tracer 0.1.0");
        assertThat(m.at("/inputs/policy/model").asText()).isEqualTo("haircut");
        assertThat(m.at("/inputs/labels/sha256").asText()).hasSize(64);
        assertThat(m.at("/inputs/labels/files").findValuesAsText("name")).contains("packs/packs.json");
        JsonNode data = byId(m.at("/inputs/incidents"), "bybit-2025").get("data");
        assertThat(data.get("files")).extracting(f -> f.get("name").asText())
                .contains("dataset.json", "transactions.csv", "token_transfers.csv");
        assertThat(data.get("sha256").asText()).hasSize(64);
        JsonNode r = byId(m.get("results"), "bybit-2025");
        assertThat(r.get("status").asText()).isEqualTo("ok");
        assertThat(r.at("/blocks/first").asLong()).isEqualTo(21895319L);
        assertThat(r.at("/blocks/last").asLong()).isEqualTo(22192129L);
        assertThat(r.get("files")).hasSize(8);
        for (JsonNode f : r.get("files")) {
            assertThat(f.get("bytes").asLong()).isEqualTo(Files.size(dir.resolve(f.get("name").asText())));
        }
        GexfSchema.assertValid(dir.resolve("graph.gexf"));
        assertThat(Files.readString(dir.resolve("summary.md"))).startsWith("# bybit-2025: Bybit Ethereum cold-wallet theft")
                .contains("| ETH | 400,001 | 98,047.8948 | 498,048.8948 |");
    }

    @Test
    void aSecondRunOfTheSameInputsIsByteIdentical() {
        Path runB = tmp.resolve("again");
        CliRun again = BatchRuns.batch("--fixtures", SharedData.fixtures().toString(), "--out", runB.toString(), "--jobs", "2");
        assertThat(again.code()).as(again.err()).isZero();
        BatchRuns.assertIdentical(runA, runB);
    }

    @Test
    void oneIncidentFailingIsReportedWithItsReasonAndTheOthersComplete() throws IOException {
        Path fixtures = tmp.resolve("partial-fixtures");
        String data = BatchRuns.bybitData().toString();
        BatchRuns.incident(fixtures, "a-good", BatchRuns.SEED, data);
        BatchRuns.incident(fixtures, "b-bad-seed", "0x000000000000000000000000000000000000dEaD", data);
        BatchRuns.incident(fixtures, "c-no-source", BatchRuns.SEED, tmp.resolve("nowhere").toString());
        BatchRuns.incident(fixtures, "d-no-data", BatchRuns.SEED, null);
        Path run = tmp.resolve("partial");
        CliRun r = BatchRuns.batch("--fixtures", fixtures.toString(), "--out", run.toString());
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCodes.PARTIAL);
        assertThat(r.out()).contains("1 ok, 2 failed, 1 skipped");
        assertThat(r.out()).containsPattern("b-bad-seed +failed +seed 0x000000000000000000000000000000000000dead has no transfers")
                .containsPattern("c-no-source +failed .*nowhere")
                .containsPattern("d-no-data +skipped +incident d-no-data has no bundled chain data");
        assertThat(run.resolve("a-good/report.json")).exists();
        assertThat(run.resolve("b-bad-seed")).doesNotExist();
        try (var s = Files.list(run)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly("a-good", "manifest.json");
        }
        JsonNode m = JSON.readTree(run.resolve("manifest.json").toFile());
        List<String> statuses = new ArrayList<>();
        m.get("results").forEach(x -> statuses.add(x.get("id").asText() + "=" + x.get("status").asText()
                + (x.get("problem").isNull() ? "" : "/" + x.get("problem").asText())));
        assertThat(statuses).containsExactly("a-good=ok", "b-bad-seed=failed/bad-input", "c-no-source=failed/unavailable",
                "d-no-data=skipped");
        assertThat(m.at("/summary/failed").asInt()).isEqualTo(2);

        // named explicitly, an incident without data is a failure, not a skip
        CliRun named = BatchRuns.batch("--fixtures", fixtures.toString(), "--out", tmp.resolve("named").toString(),
                "--incident", "d-no-data", "--incident", "a-good");
        assertThat(named.code()).isEqualTo(ExitCodes.PARTIAL);
        assertThat(named.out()).containsPattern("d-no-data +failed");

        // and a catalogue whose incidents all have data, or are skipped, exits 0
        CliRun fine = BatchRuns.batch("--fixtures", fixtures.toString(), "--out", tmp.resolve("fine").toString(),
                "--incident", "a-good");
        assertThat(fine.code()).isZero();
    }

    @Test
    void refusesAUsedRunDirectoryAndAResumeWithOtherInputs() throws IOException {
        CliRun again = BatchRuns.batch("--fixtures", SharedData.fixtures().toString(), "--out", runA.toString());
        assertThat(again.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(again.err()).contains("exists and is not empty; give --resume");
        CliRun other = BatchRuns.batch("--fixtures", SharedData.fixtures().toString(), "--out", runA.toString(), "--resume",
                "--model", "fifo");
        assertThat(other.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(other.err()).contains("was started with other inputs (policy differ)");
        CliRun same = BatchRuns.batch("--fixtures", SharedData.fixtures().toString(), "--out", runA.toString(), "--resume");
        assertThat(same.code()).as(same.err()).isZero();
        assertThat(same.out()).contains("bybit-2025               ok      (finished by the earlier run)")
                .containsPattern("ronin-2022 +skipped");
    }

    /** Regression: a size beyond a long said "malformed size". */
    @Test
    void memorySizesAreParsedAndTooLargeOnesSaySo() {
        org.assertj.core.api.Assertions.assertThat(BatchCommand.size("--memory", "2g")).isEqualTo(2L << 30);
        org.assertj.core.api.Assertions.assertThat(BatchCommand.size("--memory", " 512M ")).isEqualTo(512L << 20);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BatchCommand.size("--memory", "99999999999g"))
                .hasMessage("--memory: size '99999999999g' is too large (at most 2^63 - 1 bytes)");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BatchCommand.size("--memory", "5q"))
                .hasMessage("--memory: malformed size '5q' (use 2g, 512m or bytes)");
    }

    @Test
    void diffBetweenRunsWithOneChangedLabelShowsExactlyThatLabel() throws IOException {
        Path one = tmp.resolve("labels-one.csv");
        Path two = tmp.resolve("labels-two.csv");
        Files.writeString(one, "chain,address,entity,category,source,confidence\nethereum," + RELABELLED
                + ",Entity One,other,analyst notes,70\n");
        Files.writeString(two, "chain,address,entity,category,source,confidence\nethereum," + RELABELLED
                + ",Entity Two,other,analyst notes,70\n");
        Path a = tmp.resolve("label-run-a");
        Path b = tmp.resolve("label-run-b");
        String fx = SharedData.fixtures().toString();
        assertThat(BatchRuns.batch("--fixtures", fx, "--out", a.toString(), "--labels", one.toString()).code()).isZero();
        assertThat(BatchRuns.batch("--fixtures", fx, "--out", b.toString(), "--labels", two.toString()).code()).isZero();

        CliRun text = CliRun.of("diff", a.toString(), b.toString());
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.out()).contains("Inputs that differ:\n  labels: sha256 ")
                .contains("bybit-2025: 1 change\n  label changed   " + RELABELLED
                        + "  \"Entity One\" (other, analyst notes, 70, pack " + one + ") -> \"Entity Two\" (other, analyst notes, 70, pack "
                        + two + ")\n")
                .containsPattern("\n(\\d+) of (\\d+) incident\\(s\\) unchanged\n");
        long incidents = JSON.readTree(a.resolve("manifest.json").toFile()).at("/inputs/incidents").size();
        assertThat(text.out()).contains((incidents - 1) + " of " + incidents + " incident(s) unchanged");
        assertThat(text.out().lines().filter(l -> l.startsWith("  ")).count()).as(text.out()).isEqualTo(2);

        CliRun json = CliRun.of("diff", "--json", a.toString(), b.toString());
        JsonNode d = JSON.readTree(json.out());
        assertThat(d.get("format").asText()).isEqualTo("tracer-diff/1");
        JsonNode inc = byId(d.get("incidents"), "bybit-2025");
        assertThat(inc.get("changes").asInt()).isEqualTo(1);
        assertThat(inc.get("endpoints")).isEmpty();
        assertThat(inc.get("flags")).isEmpty();
        assertThat(inc.at("/frontier/changed").asBoolean()).isFalse();
        assertThat(inc.at("/labels/0/address").asText()).isEqualTo(RELABELLED);
        assertThat(inc.at("/labels/0/before/entity").asText()).isEqualTo("Entity One");
        assertThat(inc.at("/labels/0/after/entity").asText()).isEqualTo("Entity Two");

        CliRun none = CliRun.of("diff", runA.toString(), runA.toString());
        assertThat(none.out()).contains("Inputs: the same").containsPattern("(\\d+) of \\1 incident\\(s\\) unchanged");
    }

    static JsonNode byId(JsonNode array, String id) {
        for (JsonNode n : array) {
            if (n.get("id").asText().equals(id)) {
                return n;
            }
        }
        throw new AssertionError(id + " not in " + array);
    }

    @Test
    void diffShowsEndpointsAndFrontierThatMovedWhenThePolicyChanges() {
        Path hops = tmp.resolve("hops2");
        assertThat(BatchRuns.batch("--fixtures", SharedData.fixtures().toString(), "--out", hops.toString(), "--hops", "2")
                .code()).isZero();
        CliRun text = CliRun.of("diff", runA.toString(), hops.toString());
        assertThat(text.out()).contains("policy: ").contains("endpoint gone").contains("new endpoint")
                .containsPattern("frontier (shrank|grew)");
    }
}
