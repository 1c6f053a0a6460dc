package dev.tracer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracer.testing.Anvil;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * CI's smoke test of the benchmark: the command runs end to end at a tiny size and prints every
 * row of the table, the requests section against anvil. It asserts nothing about speed; node
 * request counts are counts, and the targets on them are checked.
 */
@ExtendWith(Anvil.class)
class BenchCommandTest {
    @TempDir
    Path tmp;

    /** The test class path has Saxon (through Jing), whose SAX handler JGraphT's exporter cannot drive; use the JDK's, as the CLI does. */
    private static final String TRANSFORMER = "javax.xml.transform.TransformerFactory";

    @Test
    void tinyRunPrintsEveryRow(Anvil.Node node) {
        String before = System.getProperty(TRANSFORMER);
        System.setProperty(TRANSFORMER, "com.sun.org.apache.xalan.internal.xsltc.trax.TransformerFactoryImpl");
        CliRun r;
        try {
            r = run(node.url());
        } finally {
            if (before == null) {
                System.clearProperty(TRANSFORMER);
            } else {
                System.setProperty(TRANSFORMER, before);
            }
        }
        check(r);
        assertThat(r.out()).containsPattern("(?m)^trace +start addresses +5  addresses$");
    }

    private CliRun run(String rpc) {
        return CliRun.of("bench", "--transfers", "20000", "--repetitions", "1", "--warmups", "0", "--starts", "5",
                "--rpc", rpc,
                "--data-dir", tmp.resolve("data").toString());
    }

    private static void check(CliRun r) {
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("tracer bench: 20,0", "machine:", "JDK", "date");
        for (String row : new String[] {
            "ingest    tracer: CSV to TransferGraph", "parse only", "JGraphT load",
            "baseline: parse only (Jackson CSV)", "baseline: JGraphT DirectedWeightedPseudograph",
            "memory    tracer: heap per transfer", "tracer: off-heap per transfer", "baseline: JGraphT heap per transfer",
            "* trace / start addresses: drawn with seed 7 among the unlabelled addresses that sent ETH",
            "haircut 4 hops: p50 latency", "haircut 4 hops: p99 latency", "haircut 6 hops: edges visited/s",
            "poison 4 hops: edges visited/s", "poison 6 hops: edges visited per trace", "CSR walk 6 hops",
            "baseline: JGraphT walk 4 hops: edges visited/s", "target: 0.5× CSR walk 4 hops",
            "target: 10× JGraphT walk 6 hops",
            "requests  cold live trace", "same trace repeated", "50%-overlapping trace", "export    tracer GexfWriter: edges/s", "plain XMLStreamWriter", "JGraphT GEXFExporter",
            "tracer GexfWriter: extra heap"}) {
            assertThat(r.out()).as(row).contains(row);
        }
        assertThat(r.err()).contains("bench: generating 20000 transfers");
        // request counts do not depend on the machine: a repeated trace asks the node nothing
        assertThat(r.out()).containsPattern("same trace repeated +0 +requests += 0 +holds");
        assertThat(r.out()).containsPattern("50%-overlapping trace .* holds");
        // the scenario plays the same chain every time, one mined transaction per block (with
        // automine, a run on a loaded machine once ended at block 119 and a trace reached 79)
        assertThat(r.err()).contains("scenario played up to block 121 (80 and 80 addresses reachable, 40 shared)",
                "requests: cold 405, repeated 0, overlapping 203");
        assertThat(r.out()).contains("the traces reach 81 and 81 addresses, 40 shared");
    }

    /** Regression: a run on reused data printed the size asked for (1,000,000) where the first printed the size made (1,000,016). */
    @Test
    void reusedDataReportsTheSameSizeAsWhenItWasMade() {
        String[] args = {"bench", "--transfers", "3000", "--only", "memory", "--repetitions", "1", "--warmups", "0",
            "--data-dir", tmp.resolve("data").toString()};
        CliRun first = CliRun.of(args);
        CliRun again = CliRun.of(args);
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(first.err()).contains("bench: generating 3000 transfers");
        assertThat(again.err()).contains("reusing");
        String header = first.out().lines().findFirst().orElseThrow();
        // seed 7 makes 3,010 transfers for 3,000 asked
        assertThat(header).startsWith("tracer bench: 3,010 transfers");
        assertThat(again.out().lines().findFirst().orElseThrow()).isEqualTo(header);
    }

    /** Two builds side by side: this one twice, on a class path made of the test's own. */
    @Test
    void sideBySideTimesTwoBuildsAndSaysWhetherTheyTraceAlike() {
        String cp = System.getProperty("java.class.path");
        CliRun r = CliRun.of("bench", "--transfers", "3000", "--repetitions", "2", "--starts", "5",
                "--data-dir", tmp.resolve("data").toString(), "--side-by-side", cp, cp);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("rep 0: old [0-9.]+ s, new [0-9.]+ s, new/old [0-9.]+, edges ([0-9,]+) and \\1")
                .contains("rep 1: ", "over 2 repetitions; both builds visited the same edges");
        assertThat(r.err()).contains("bench: loading the old build", "bench: loading the new build");
        CliRun bad = CliRun.of("bench", "--transfers", "3000", "--data-dir", tmp.resolve("data").toString(),
                "--side-by-side", tmp.resolve("missing.jar").toString(), cp);
        assertThat(bad.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(bad.err()).contains("--side-by-side: no such jar or directory: " + tmp.resolve("missing.jar"));
    }

    /** Regression: the scenario was played on any node, and a malformed URL ended as an internal error. */
    @Test
    void aNodeElsewhereIsRefusedBeforeAnythingIsGenerated() {
        Path data = tmp.resolve("data");
        CliRun r = CliRun.of("bench", "--transfers", "3000", "--only", "requests", "--rpc", "http://8.8.8.8:8545",
                "--data-dir", data.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("tracer: --rpc: the requests section funds accounts and sends transactions, so it runs"
                + " only on a local node (localhost, 127.x.x.x or [::1]), not on 8.8.8.8").doesNotContain("\tat ");
        assertThat(data).doesNotExist();
        CliRun malformed = CliRun.of("bench", "--transfers", "3000", "--only", "requests", "--rpc", "notaurl",
                "--data-dir", data.toString());
        assertThat(malformed.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(malformed.err()).contains("tracer: --rpc: expected an http:// or https:// URL with a host").doesNotContain("\tat ");
    }

    @Test
    void aLocalNodeThatIsDownIsUnavailable() throws java.io.IOException {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        CliRun r = CliRun.of("bench", "--transfers", "3000", "--only", "requests", "--rpc", "http://127.0.0.1:" + port,
                "--data-dir", tmp.resolve("data").toString());
        assertThat(r.code()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(r.err()).contains("tracer: http://127.0.0.1:" + port + ": evm_setAutomine: ").doesNotContain("\tat ");
    }

    /** Regression: asking for more start addresses than the data has ran on fewer without saying so. */
    @Test
    void fewerStartAddressesThanAskedAreReported() {
        CliRun r = CliRun.of("bench", "--transfers", "3000", "--only", "trace", "--starts", "100000", "--repetitions", "1",
                "--warmups", "0", "--data-dir", tmp.resolve("data").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("\\* trace / start addresses: only [0-9,]+ of the 100,000 asked were found among"
                + " the unlabelled addresses that sent ETH");
    }

    /**
     * Regression: --data-dir naming a directory of the user's own export had its transactions.csv,
     * token_transfers.csv and dataset.json overwritten with synthetic data. Only a new or empty
     * directory, or benchmark data (complete, or cut short by a kill while generating), is written.
     */
    @Test
    void aDirectoryOfOtherFilesIsNotOverwritten() throws java.io.IOException {
        Path export = java.nio.file.Files.createDirectories(tmp.resolve("my-export"));
        java.nio.file.Files.writeString(export.resolve("transactions.csv"), "my real export\n");
        CliRun r = CliRun.of("bench", "--transfers", "1000", "--only", "ingest", "--repetitions", "1", "--warmups", "0",
                "--data-dir", export.toString());
        BadInputTest.assertOneLineError(r, 2, "--data-dir " + export + ": holds other files (transactions.csv) and no"
                + " bench.properties, so it is not benchmark data to replace; give a new or empty directory");
        assertThat(export.resolve("transactions.csv")).hasContent("my real export");
        // data cut short by a kill while generating is benchmark data: generated again
        Path killed = java.nio.file.Files.createDirectories(tmp.resolve("killed"));
        java.nio.file.Files.writeString(killed.resolve("bench.generating"), "");
        java.nio.file.Files.writeString(killed.resolve("transactions.csv"), "hash,block_number\n0x");
        CliRun again = CliRun.of("bench", "--transfers", "1000", "--only", "ingest", "--repetitions", "1", "--warmups", "0",
                "--data-dir", killed.toString());
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(killed.resolve("bench.properties")).exists();
        assertThat(killed.resolve("bench.generating")).doesNotExist();
    }

    @Test
    void badSizeIsBadInput() {
        CliRun r = CliRun.of("bench", "--transfers", "10", "--data-dir", tmp.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("tracer: transfers must be at least 1000");
        // regression: 99999999999 was an internal error (a negative array size in the generator)
        CliRun huge = CliRun.of("bench", "--transfers", "99999999999", "--data-dir", tmp.toString());
        assertThat(huge.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(huge.err()).isEqualTo("tracer: transfers must be at most 1000000000 (10M already needs a 20 GB heap),"
                + " got 99999999999\n");
        // a file given as the data directory said "FILE: FILE/bench.properties: Not a directory", exit 3
        Path file = tmp.resolve("a-file");
        org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> java.nio.file.Files.writeString(file, "x"));
        CliRun notDir = CliRun.of("bench", "--transfers", "1000", "--data-dir", file.toString());
        assertThat(notDir.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(notDir.err()).isEqualTo("tracer: --data-dir " + file + ": exists and is not a directory\n");
    }
}
