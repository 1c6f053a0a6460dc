package dev.tracer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracer.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tracer trace} stops at addresses the bundled packs put in a stop category, unless told
 * not to load them. The data is one synthetic transfer from a made-up seed into the real Tornado
 * Cash 10 ETH pool (0x910c…9dbf, a mixer in the GraphSense and Etherscan packs).
 */
class TraceLabelsTest {
    static final String SEED = "0x00000000000000000000000000000000000a11ce";
    static final String POOL = "0x910cbd523d972eb0a6f4cae4618ad62622b39dbf";

    @TempDir
    Path tmp;

    Path data() throws IOException {
        Path d = Files.createDirectories(tmp.resolve("data"));
        Files.writeString(d.resolve("transactions.csv"), "hash,block_number,from_address,to_address,value,block_timestamp\n"
                + "0x" + "ab".repeat(32) + ",100," + SEED + "," + POOL + ",10000000000000000000,1700000000\n");
        return d;
    }

    JsonNode trace(String... extra) throws IOException {
        Path out = tmp.resolve("out" + extra.length);
        String[] args = new String[] {"trace", "--data", data().toString(), "--coverage", "full", "--address", SEED,
            "--fixtures", SharedData.fixtures().toString(), "--out", out.toString()};
        String[] all = java.util.Arrays.copyOf(args, args.length + extra.length);
        System.arraycopy(extra, 0, all, args.length, extra.length);
        CliRun r = CliRun.of(all);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        return new ObjectMapper().readTree(out.resolve("report.json").toFile());
    }

    static JsonNode endpoint(JsonNode report) {
        for (JsonNode e : report.get("endpoints")) {
            if (e.get("address").asText().equals(POOL)) {
                return e;
            }
        }
        throw new AssertionError(POOL + " is no endpoint");
    }

    @Test
    void theBundledMixerLabelStopsTheTrace() throws IOException {
        JsonNode e = endpoint(trace());
        assertThat(e.get("kind").asText()).isEqualTo("stopped");
        assertThat(e.get("label").get("category").asText()).isEqualTo("mixer");
        assertThat(e.get("label").get("entity").asText()).isEqualTo("tornado.cash");
        assertThat(e.get("label").get("confidence").asInt()).isEqualTo(60);
    }

    @Test
    void withoutBundledLabelsTheSameAddressIsJustHeld() throws IOException {
        JsonNode e = endpoint(trace("--no-bundled-labels"));
        assertThat(e.get("kind").asText()).isEqualTo("held");
        assertThat(e.get("label").isNull()).isTrue();
    }
}
