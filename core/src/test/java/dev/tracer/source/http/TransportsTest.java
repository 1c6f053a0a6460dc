package dev.tracer.source.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracer.model.InvalidInputException;
import dev.tracer.source.SourceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP decorators, with a fixed clock, a recording sleeper and a local server. */
class TransportsTest {
    static final Clock FROZEN = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);

    /** A server-side script: replies in order, then the last one forever. */
    static HttpTransport scripted(AtomicInteger calls, HttpReply... replies) {
        return call -> replies[Math.min(calls.getAndIncrement(), replies.length - 1)];
    }

    @Test
    void requestsAreSpacedByTheIntervalAcrossCalls() {
        List<Duration> slept = new ArrayList<>();
        PoliteTransport p = new PoliteTransport(c -> HttpReply.of(200, "ok"), Duration.ofMillis(200), 0, Duration.ofSeconds(1),
                FROZEN, slept::add);
        for (int i = 0; i < 3; i++) {
            p.send(HttpCall.get("/x"));
        }
        assertThat(slept).containsExactly(Duration.ofMillis(200), Duration.ofMillis(400));
    }

    @Test
    void a429IsRetriedAfterTheServersRetryAfterThenWithDoublingBackOff() {
        AtomicInteger calls = new AtomicInteger();
        List<Duration> slept = new ArrayList<>();
        HttpTransport server = scripted(calls, new HttpReply(429, "slow down", Optional.of(Duration.ofSeconds(7))),
                HttpReply.of(503, "busy"), HttpReply.of(200, "fine"));
        PoliteTransport p = new PoliteTransport(server, Duration.ZERO, 4, Duration.ofSeconds(1), FROZEN, slept::add);
        assertThat(p.send(HttpCall.get("/tx/1")).body()).isEqualTo("fine");
        assertThat(calls.get()).isEqualTo(3);
        assertThat(slept).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(2));
    }

    @Test
    void stillRateLimitedAfterTheRetriesIsRateLimitedAndStillFailingIsUnavailable() {
        List<Duration> slept = new ArrayList<>();
        PoliteTransport limited = new PoliteTransport(scripted(new AtomicInteger(), HttpReply.of(429, "no")), Duration.ZERO, 2,
                Duration.ofSeconds(1), FROZEN, slept::add);
        assertThatThrownBy(() -> limited.send(HttpCall.get("/tx/1"))).isInstanceOf(SourceException.RateLimited.class)
                .hasMessageContaining("/tx/1").hasMessageContaining("3 attempts");
        assertThat(slept).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        PoliteTransport down = new PoliteTransport(scripted(new AtomicInteger(), HttpReply.of(502, "no")), Duration.ZERO, 0,
                Duration.ofSeconds(1), FROZEN, d -> { });
        assertThatThrownBy(() -> down.send(HttpCall.get("/tx/2"))).isInstanceOf(SourceException.Unavailable.class)
                .hasMessageContaining("HTTP 502");
        // a 404 is an answer, not a failure to retry
        AtomicInteger calls = new AtomicInteger();
        new PoliteTransport(scripted(calls, HttpReply.of(404, "not found")), Duration.ZERO, 3, Duration.ofSeconds(1), FROZEN, d -> { })
                .send(HttpCall.get("/tx/3"));
        assertThat(calls.get()).isEqualTo(1);
    }

    @Test
    void theCacheAnswersRepeatedCacheableCallsAndNeverCachesFailures() {
        AtomicInteger calls = new AtomicInteger();
        CachingTransport c = new CachingTransport(call -> call.path().equals("/bad") ? HttpReply.of(500, "x")
                : HttpReply.of(200, "n" + calls.incrementAndGet()), 2, call -> !call.path().startsWith("/tip"));
        assertThat(c.send(HttpCall.get("/a")).body()).isEqualTo("n1");
        assertThat(c.send(HttpCall.get("/a")).body()).isEqualTo("n1");
        assertThat(c.send(HttpCall.get("/tip")).body()).isEqualTo("n2");
        assertThat(c.send(HttpCall.get("/tip")).body()).isEqualTo("n3");
        c.send(HttpCall.get("/bad"));
        c.send(HttpCall.get("/bad"));
        assertThat(c.hits()).isEqualTo(1);
        c.send(HttpCall.get("/b"));
        c.send(HttpCall.get("/c")); // capacity 2: /a is evicted
        assertThat(c.send(HttpCall.get("/a")).body()).isEqualTo("n6");
    }

    @Test
    void aRecordingIsSortedDeterministicAndRefusesWhatItIsNot(@TempDir Path dir) throws IOException {
        Recording r = new Recording("esplora", Map.of("GET /tx/b", HttpReply.of(200, "B"), "GET /tx/a", HttpReply.of(404, "none")));
        Path f1 = dir.resolve("one.json");
        Path f2 = dir.resolve("two.json");
        r.write(f1);
        Recording.read(f1).write(f2);
        assertThat(Files.readString(f2)).isEqualTo(Files.readString(f1));
        assertThat(Files.readString(f1)).containsSubsequence("GET /tx/a", "GET /tx/b");
        ReplayTransport replay = new ReplayTransport(Recording.read(f1), "one.json");
        assertThat(replay.send(HttpCall.get("/tx/a")).status()).isEqualTo(404);
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"format\": \"something-else\"}");
        assertThatThrownBy(() -> Recording.read(bad)).isInstanceOf(InvalidInputException.class).hasMessageContaining("bad.json");
        assertThatThrownBy(() -> Recording.read(dir.resolve("missing.json"))).isInstanceOf(SourceException.Unavailable.class)
                .hasMessageContaining("missing.json");
    }

    @Test
    void credentialsFromTheUrlOrACookieAreSentAndNeverShown(@TempDir Path dir) throws IOException {
        List<String> auth = new ArrayList<>();
        // a server that keeps the Authorization header it receives
        com.sun.net.httpserver.HttpServer hs = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        hs.createContext("/", ex -> {
            auth.add(ex.getRequestHeaders().getFirst("Authorization"));
            byte[] b = "{}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        hs.start();
        try {
            int port = hs.getAddress().getPort();
            JdkHttpTransport t = JdkHttpTransport.forUrl("--rpc", "http://alice:s%3Acret@127.0.0.1:" + port + "/", Optional.empty(),
                    Duration.ofSeconds(5));
            assertThat(t.description()).isEqualTo("http://127.0.0.1:" + port).doesNotContain("alice");
            t.send(HttpCall.post("/", "{}"));
            Path cookie = dir.resolve(".cookie");
            Files.writeString(cookie, "__cookie__:abc123\n");
            JdkHttpTransport.forUrl("--rpc", "http://127.0.0.1:" + port, Optional.of(cookie), Duration.ofSeconds(5)).send(HttpCall.get("/"));
            assertThat(auth).containsExactly(
                    "Basic " + Base64.getEncoder().encodeToString("alice:s:cret".getBytes(StandardCharsets.UTF_8)),
                    "Basic " + Base64.getEncoder().encodeToString("__cookie__:abc123".getBytes(StandardCharsets.UTF_8)));
            hs.stop(0);
            assertThatThrownBy(() -> t.send(HttpCall.get("/"))).isInstanceOf(SourceException.Unavailable.class)
                    .hasMessageContaining("http://127.0.0.1:" + port).hasMessageNotContaining("cret");
        } finally {
            hs.stop(0);
        }
        assertThatThrownBy(() -> JdkHttpTransport.forUrl("--esplora", "ftp://x", Optional.empty(), Duration.ofSeconds(1)))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("--esplora:");
    }
}
