package dev.tracer.cli;

import static dev.tracer.cli.BadInputTest.assertOneLineError;

import dev.tracer.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad Bitcoin input: one line naming it, exit 2; an unavailable source, exit 3; nothing written. */
class BitcoinBadInputTest {
    @TempDir
    Path tmp;

    static String blocks() {
        return SharedData.path("bitcoin/blocks/first-100k-blocks.dat").toString();
    }

    @Test
    void badSeeds() {
        assertOneLineError(CliRun.of("trace", "--blocks", blocks(), "--address", "1Q2TWHE3GMdB6BZKafqwxXtWAWgFt5Jvm4"), 2,
                "--address", "1Q2TWHE3GMdB6BZKafqwxXtWAWgFt5Jvm4");
        assertOneLineError(CliRun.of("trace", "--blocks", blocks(), "--address", "0437cd7f:x"), 2, "--address");
        assertOneLineError(CliRun.of("trace", "--blocks", blocks(), "--address", "bc1qqmmc3s46efrdq0jglhf8l8jg0xw37exgne6q3k"), 2,
                "bc1qqmmc3s46efrdq0jglhf8l8jg0xw37exgne6q3k has no outputs in the data");
        assertOneLineError(CliRun.of("trace", "--blocks", blocks(), "--tx", "0xabc"), 2, "--tx");
        assertOneLineError(CliRun.of("trace", "--blocks", blocks()), 2, "no seeds");
        assertOneLineError(CliRun.of("trace", "--blocks", blocks(), "--tx", "ff".repeat(32)), 2, "ff".repeat(32));
    }

    @Test
    void optionsThatDoNotFit() {
        String cb9 = "0437cd7f8525ceed2324359c2d0ba26006d92d856a9c20fa0241106ee5a597c9:0";
        assertOneLineError(CliRun.of("trace", "--chain", "ethereum", "--blocks", blocks(), "--address", cb9), 2, "--chain ethereum");
        assertOneLineError(CliRun.of("trace", "--chain", "bitcoin", "--incident", "bybit-2025",
                "--fixtures", SharedData.fixtures().toString()), 2, "needs a Bitcoin source");
        assertOneLineError(CliRun.of("trace", "--chain", "dogecoin", "--blocks", blocks(), "--address", cb9), 2, "--chain");
        assertOneLineError(CliRun.of("trace", "--chain", "bitcoin", "--rpc", "http://127.0.0.1:9", "--address", cb9), 2, "--block-range");
        assertOneLineError(CliRun.of("trace", "--blocks", blocks(), "--block-range", "9..x", "--address", cb9), 2, "--block-range");
        assertOneLineError(CliRun.of("trace", "--blocks", blocks(), "--block-range", "500..600", "--address", cb9), 2, "outside the blocks read");
        assertOneLineError(CliRun.of("trace", "--blocks", blocks(), "--asset", "ETH", "--address", cb9), 2, "--asset");
        assertOneLineError(CliRun.of("trace", "--esplora", "ftp://example", "--address", cb9), 2, "--esplora");
        assertOneLineError(CliRun.of("trace", "--blocks", blocks(), "--record", tmp.resolve("r.json").toString(), "--address", cb9), 2,
                "--record");
        assertOneLineError(CliRun.of("trace", "--blocks", blocks(), "--max-addresses", "0", "--address", cb9), 2, "--max-addresses");
        assertOneLineError(CliRun.of("trace", "--esplora", "http://127.0.0.1:9", "--rate-limit", "0", "--address", cb9), 2, "--rate-limit");
        assertOneLineError(CliRun.of("trace", "--esplora", "http://127.0.0.1:9", "--block-range", "1..2", "--address", cb9), 2,
                "--block-range applies to --blocks and --rpc");
    }

    @Test
    void unavailableSourcesExit3AndWriteNothing() {
        Path out = tmp.resolve("out");
        String cb9 = "0437cd7f8525ceed2324359c2d0ba26006d92d856a9c20fa0241106ee5a597c9:0";
        assertOneLineError(CliRun.of("trace", "--blocks", "/nonexistent/blk00000.dat", "--address", cb9, "--out", out.toString()), 3,
                "/nonexistent/blk00000.dat");
        assertOneLineError(CliRun.of("trace", "--chain", "bitcoin", "--replay", tmp.resolve("none.json").toString(), "--address", cb9), 3, "none.json");
        assertOneLineError(CliRun.of("trace", "--chain", "bitcoin", "--rpc", "http://127.0.0.1:9/", "--rate-limit", "1000", "--block-range", "1..1",
                "--address", cb9, "--out", out.toString()), 3, "127.0.0.1:9");
        assertOneLineError(CliRun.of("tx", "--file", tmp.resolve("missing.json").toString()), 3, "missing.json");
        assert !Files.exists(out);
    }

    @Test
    void aRequestTheRecordingLacksIsNamed() throws Exception {
        Path rec = tmp.resolve("empty.json");
        Files.writeString(rec, "{\"format\": \"tracer-recording/1\", \"source\": \"esplora\", \"exchanges\": []}");
        assertOneLineError(CliRun.of("tx", "--replay", rec.toString(), "ab".repeat(32)), 3, "empty.json has no response for GET /tx/"
                + "ab".repeat(32));
    }

    @Test
    void badTxInput() throws Exception {
        Path notTx = tmp.resolve("x.json");
        Files.writeString(notTx, "{\"hello\": 1}");
        assertOneLineError(CliRun.of("tx", "--file", notTx.toString()), 2, "x.json", "neither an Esplora");
        assertOneLineError(CliRun.of("tx", "--hex", "zz"), 2, "--hex");
        // regression: a transaction cut short said "(null)"
        assertOneLineError(CliRun.of("tx", "--hex", "0100"), 2, "--hex", "not a serialized Bitcoin transaction (it ends after 2 bytes");
        // regression: a non-coinbase input spending output 0xffffffff was an internal error (integer overflow)
        String spendsHuge = "01000000011632b99d5e40fe3257f203d05c43542a8631ad09f7803b43f891f9892b52370dffffffff4948304502204066ee"
                + "f7b0f0b4869da7b841dbcde2279d0b787d7ea45d4b22ceb4d52474eb430221008ebf879fadadf71d426ed54d12fbb414ae63c8dc66b542ec"
                + "186ec0208f0ae2ac01ffffffff0100f2052a010000001976a914b5cd7aaed869cd5ccb45868e8666e7e934a2373688ac00000000";
        assertOneLineError(CliRun.of("tx", "--hex", spendsHuge), 2, "input 0 spends output 4294967295 of",
                "no transaction has that many outputs");
        assertOneLineError(CliRun.of("tx", "--blocks", blocks()), 2, "TXID");
        assertOneLineError(CliRun.of("tx", "--blocks", blocks(), "ab".repeat(32)), 2, "is not in");
        assertOneLineError(CliRun.of("tx", "--file", TxCommandTest.esplora("dust-attack-555"), "ab".repeat(32)), 2, "holds transaction");
        assertOneLineError(CliRun.of("tx", "--chain", "ethereum", "--file", TxCommandTest.esplora("dust-attack-555")), 2, "does not match");
    }
}
