package dev.tracer.source.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracer.source.SourceException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The HTTP transport against a local node that misbehaves: it retries, then succeeds or fails clearly. */
class HttpRpcTransportFaultTest {
    private static final String KEY = "/v3/0123456789abcdef0123456789abcdef?apikey=S3CRET";
    private FakeNode node;
    private final List<Long> waits = new ArrayList<>();
    /** A fake clock that only sleeps move: the wall clock of a loaded CI machine cannot change what the limiter does. */
    private final long[] now = {0};

    private void sleep(Duration d) {
        waits.add(d.toNanos());
        now[0] += d.toNanos();
    }

    @BeforeEach
    void start() throws Exception {
        node = new FakeNode();
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private RpcStack stack(int attempts) {
        return RpcStack.live("--rpc", node.url(KEY)).maxAttempts(attempts).timeout(Duration.ofMillis(400))
                .backoff(Duration.ofMillis(100), Duration.ofSeconds(2)).random(new Random(7)).rateLimit(1000)
                .nanoTime(() -> now[0]).sleeper(this::sleep).build();
    }

    private static RpcCall call(String method) {
        return RpcCall.of(method, "[\"0x1\", {\"b\": 2, \"a\": 1}]", Optional.empty());
    }

    @ParameterizedTest
    @EnumSource(FakeNode.Fault.class)
    void retriesThenSucceeds(FakeNode.Fault fault) {
        node.then(fault, fault);
        RpcStack s = stack(4);
        List<RpcReply> r = s.send(List.of(call("eth_a"), call("eth_b")));
        assertThat(r).extracting(RpcReply::result).containsExactly("\"eth_a:[\\\"0x1\\\",{\\\"a\\\":1,\\\"b\\\":2}]\"",
                "\"eth_b:[\\\"0x1\\\",{\\\"a\\\":1,\\\"b\\\":2}]\"");
        assertThat(s.stats().retries()).isEqualTo(2);
        assertThat(s.stats().httpRequests()).isEqualTo(3);
        assertThat(waits).hasSize(2);
        if (fault == FakeNode.Fault.TOO_MANY) {
            assertThat(waits).allMatch(w -> w >= 1_000_000_000L); // Retry-After: 1
        } else {
            assertThat(waits.get(0)).isBetween(0L, 100_000_000L);
            assertThat(waits.get(1)).isBetween(0L, 200_000_000L);
        }
    }

    @Test
    void aNodeThatStaysDownIsUnavailableWithOneRedactedLine() {
        node.alwaysFail = true;
        RpcStack s = stack(3);
        assertThatThrownBy(() -> s.send(List.of(call("eth_getLogs"))))
                .isInstanceOf(SourceException.Unavailable.class)
                .hasMessageContaining("http://127.0.0.1:").hasMessageContaining("/***")
                .hasMessageContaining("after 3 attempts").hasMessageContaining("HTTP 500").hasMessageContaining("eth_getLogs")
                .hasMessageNotContaining("S3CRET").hasMessageNotContaining("0123456789abcdef")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(node.bodies).hasSize(3);
        assertThat(s.endpoint()).doesNotContain("S3CRET").doesNotContain("0123456789abcdef");
    }

    @Test
    void aNodeThatKeepsRateLimitingIsRateLimited() {
        node.then(FakeNode.Fault.TOO_MANY, FakeNode.Fault.TOO_MANY, FakeNode.Fault.RPC_RATE_LIMIT);
        assertThatThrownBy(() -> stack(3).send(List.of(call("eth_call"))))
                .isInstanceOf(SourceException.RateLimited.class).hasMessageContaining("limit exceeded");
    }

    @Test
    void aNodeRefusingBatchesGetsCallsOneByOne() {
        node.refuseBatches = true;
        RpcStack s = stack(2);
        List<RpcReply> r = s.send(List.of(call("eth_a"), call("eth_b"), call("eth_c")));
        assertThat(r).extracting(RpcReply::result).allMatch(x -> x.startsWith("\"eth_"));
        assertThat(r.get(2).result()).startsWith("\"eth_c");
        assertThat(node.bodies).hasSize(4); // one refused batch, then three single calls
        assertThat(node.bodies.subList(1, 4)).allMatch(b -> b.startsWith("{"));
        s.send(List.of(call("eth_d"), call("eth_e")));
        assertThat(node.bodies).hasSize(6); // batching stays off
    }

    @Test
    void anHttpErrorThatIsNotTransientFailsAtOnce() throws Exception {
        RpcStack s = RpcStack.live("--rpc", node.url("/nope")).maxAttempts(5).sleeper(d -> waits.add(d.toNanos())).build();
        node.close();
        assertThatThrownBy(() -> s.send(List.of(call("eth_a")))).isInstanceOf(SourceException.Unavailable.class)
                .hasMessageContaining("after 5 attempts");
    }

    @Test
    void cacheAnswersRepeatedCallsAndCountsThem(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        RpcCall cached = RpcCall.of("eth_getBlockByNumber", "[\"0x5\",false]", Optional.of("chain 1 block 5"));
        RpcStack s = RpcStack.live("--rpc", node.url("")).cacheDir(dir).sleeper(d -> waits.add(d.toNanos())).build();
        s.send(List.of(cached, call("eth_blockNumber")));
        s.send(List.of(cached, call("eth_blockNumber")));
        assertThat(s.stats().nodeRequests()).isEqualTo(3);
        assertThat(s.stats().memoryHits()).isEqualTo(1);
        RpcStack t = RpcStack.live("--rpc", node.url("")).cacheDir(dir).sleeper(d -> waits.add(d.toNanos())).build();
        assertThat(t.send(List.of(cached))).extracting(RpcReply::result).containsExactly("\"eth_getBlockByNumber:[\\\"0x5\\\",false]\"");
        assertThat(t.stats().diskHits()).isEqualTo(1);
        assertThat(t.stats().nodeRequests()).isZero();
    }

    @Test
    void oneHostServingTwoChainsByPathGetsTwoCacheScopes() {
        RpcStack eth = RpcStack.live("--rpc", node.url("/eth/KEY1")).build();
        RpcStack polygon = RpcStack.live("--rpc", node.url("/polygon/KEY1")).build();
        assertThat(eth.endpoint()).isEqualTo(polygon.endpoint()).doesNotContain("KEY1");
        assertThat(eth.endpointKey()).isNotEqualTo(polygon.endpointKey()).doesNotContain("KEY1");
    }
}
