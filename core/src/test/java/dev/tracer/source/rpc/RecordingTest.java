package dev.tracer.source.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracer.source.SourceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Record and replay: one deterministic file per distinct call; a call not recorded is an error naming it. */
class RecordingTest {
    @TempDir
    Path dir;

    private static List<String> files(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void recordsEveryCallAndReplaysItWithoutANode() throws Exception {
        RpcCall a = RpcCall.of("eth_getLogs", "[{\"toBlock\":\"0x2\",\"fromBlock\":\"0x1\"}]", Optional.empty());
        RpcCall b = RpcCall.of("eth_chainId", "[]", Optional.empty());
        List<RpcReply> live;
        try (FakeNode node = new FakeNode()) {
            RpcStack rec = RpcStack.live("--rpc", node.url("")).record(dir.resolve("r1")).build();
            live = rec.send(List.of(a, b));
            // same calls in another order and batch: same files, same bytes
            RpcStack rec2 = RpcStack.live("--rpc", node.url("")).record(dir.resolve("r2")).build();
            rec2.send(List.of(b));
            rec2.send(List.of(a));
        }
        assertThat(files(dir.resolve("r1"))).hasSize(2).isEqualTo(files(dir.resolve("r2")));
        for (String f : files(dir.resolve("r1"))) {
            assertThat(Files.readString(dir.resolve("r1").resolve(f))).isEqualTo(Files.readString(dir.resolve("r2").resolve(f)));
        }
        RpcStack replay = RpcStack.replay(dir.resolve("r1")).build();
        RpcCall sameAsA = RpcCall.of("eth_getLogs", "[{\"fromBlock\":\"0x1\",\"toBlock\":\"0x2\"}]", Optional.empty());
        assertThat(replay.send(List.of(b, sameAsA))).containsExactly(live.get(1), live.get(0));
        assertThat(replay.stats().replayed()).isEqualTo(2);
        assertThat(replay.stats().nodeRequests()).isZero();
        RpcCall missing = RpcCall.of("eth_getLogs", "[{\"fromBlock\":\"0x3\"}]", Optional.empty());
        assertThatThrownBy(() -> replay.send(List.of(missing))).isInstanceOf(SourceException.Unavailable.class)
                .hasMessageContaining("has no answer for eth_getLogs [{\"fromBlock\":\"0x3\"}]");
    }

    @Test
    void errorsAreRecordedToo() throws Exception {
        try (FakeNode node = new FakeNode()) {
            node.then(FakeNode.Fault.RPC_RATE_LIMIT);
            RpcStack rec = RpcStack.live("--rpc", node.url("")).record(dir).maxAttempts(1).build();
            RpcCall c = RpcCall.of("trace_filter", "[]", Optional.empty());
            assertThatThrownBy(() -> rec.send(List.of(c))).isInstanceOf(SourceException.RateLimited.class);
        }
        assertThat(files(dir)).isEmpty(); // a call that never got an answer is not recorded
    }

    /** Regression: a Bitcoin recording (a file) given for an EVM replay was "no such directory". */
    @Test
    void aFileIsNotAnEvmRecordingAndAMissingDirectoryIsUnavailable() throws Exception {
        Path file = Files.writeString(dir.resolve("bitcoin-recording.json"), "{}\n");
        assertThatThrownBy(() -> Recording.player(file, new Counters())).isInstanceOf(dev.tracer.model.InvalidInputException.class)
                .hasMessage("recording " + file + ": a file, but a recording of an EVM node is a directory"
                        + " (a Bitcoin recording is a file: give --chain bitcoin)");
        assertThatThrownBy(() -> Recording.player(dir.resolve("none"), new Counters())).isInstanceOf(SourceException.Unavailable.class)
                .hasMessage("recording " + dir.resolve("none") + ": no such directory");
    }
}
