package dev.tracer.source.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracer.model.InvalidInputException;
import dev.tracer.source.SourceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP decorators, with a clock only sleeps move, a recording sleeper and a local server. */
class TransportsTest {
    /** A server-side script: replies in order, then the last one forever. */
    static HttpTransport scripted(AtomicInteger calls, HttpReply... replies) {
        return call -> replies[Math.min(calls.getAndIncrement(), replies.length - 1)];
    }

    /** A polite transport over {@code inner} at {@code perSecond}, on a clock that only its sleeps move. */
    static PoliteTransport polite(HttpTransport inner, double perSecond, int retries, List<Duration> slept) {
        long[] now = {0};
        Sleeper s = d -> {
            slept.add(d);
            now[0] += d.toNanos();
        };
        return new PoliteTransport(inner, new RateLimiter(perSecond, () -> now[0], s), retries,
                new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(8), new Random(5)), s);
    }

    @Test
    void requestsArePacedByTheTokenBucketAcrossCalls() {
        List<Duration> slept = new ArrayList<>();
        PoliteTransport p = polite(c -> HttpReply.of(200, "ok"), 5, 0, slept);
        for (int i = 0; i < 8; i++) {
            p.send(HttpCall.get("/x"));
        }
        // a full bucket of five, then one request every 200 ms
        assertThat(slept).containsExactly(Duration.ofMillis(200), Duration.ofMillis(200), Duration.ofMillis(200));
    }

    @Test
    void a429IsRetriedAfterTheServersRetryAfterThenWithJitteredBackOff() {
        AtomicInteger calls = new AtomicInteger();
        List<Duration> slept = new ArrayList<>();
        HttpTransport server = scripted(calls, new HttpReply(429, "slow down", Optional.of(Duration.ofSeconds(7))),
                HttpReply.of(503, "busy"), HttpReply.of(200, "fine"));
        PoliteTransport p = polite(server, 1000, 4, slept);
        assertThat(p.send(HttpCall.get("/tx/1")).body()).isEqualTo("fine");
        assertThat(calls.get()).isEqualTo(3);
        assertThat(slept).hasSize(2);
        assertThat(slept.get(0)).isEqualTo(Duration.ofSeconds(7));
        assertThat(slept.get(1)).isBetween(Duration.ZERO, Duration.ofSeconds(2)); // retry 2: uniform in [0, 2 s]
    }

    @Test
    void stillRateLimitedAfterTheRetriesIsRateLimitedAndStillFailingIsUnavailable() {
        List<Duration> slept = new ArrayList<>();
        PoliteTransport limited = polite(scripted(new AtomicInteger(), HttpReply.of(429, "no")), 1000, 2, slept);
        assertThatThrownBy(() -> limited.send(HttpCall.get("/tx/1"))).isInstanceOf(SourceException.RateLimited.class)
                .hasMessageContaining("/tx/1").hasMessageContaining("3 attempts");
        assertThat(slept).hasSize(2);
        PoliteTransport down = polite(scripted(new AtomicInteger(), HttpReply.of(502, "no")), 1000, 0, new ArrayList<>());
        assertThatThrownBy(() -> down.send(HttpCall.get("/tx/2"))).isInstanceOf(SourceException.Unavailable.class)
                .hasMessageContaining("HTTP 502");
        // a 404 is an answer, not a failure to retry
        AtomicInteger calls = new AtomicInteger();
        polite(scripted(calls, HttpReply.of(404, "not found")), 1000, 3, new ArrayList<>()).send(HttpCall.get("/tx/3"));
        assertThat(calls.get()).isEqualTo(1);
    }

    @Test
    void anIoFailureIsRetriedAndAnythingElseFailsAtOnce() {
        AtomicInteger calls = new AtomicInteger();
        List<Duration> slept = new ArrayList<>();
        HttpTransport flaky = c -> {
            if (calls.getAndIncrement() < 2) {
                throw new SourceException.Unavailable("http://127.0.0.1:1/tx/1: ConnectException", new java.net.ConnectException());
            }
            return HttpReply.of(200, "up again");
        };
        assertThat(polite(flaky, 1000, 3, slept).send(HttpCall.get("/tx/1")).body()).isEqualTo("up again");
        assertThat(calls.get()).isEqualTo(3);
        assertThat(slept).hasSize(2);
        AtomicInteger down = new AtomicInteger();
        HttpTransport refused = c -> {
            down.incrementAndGet();
            throw new SourceException.Unavailable("http://127.0.0.1:1/tx/1: ConnectException", new java.net.ConnectException());
        };
        assertThatThrownBy(() -> polite(refused, 1000, 2, new ArrayList<>()).send(HttpCall.get("/tx/1")))
                .isInstanceOf(SourceException.Unavailable.class).hasMessageContaining("ConnectException")
                .hasMessageContaining("after 3 attempts");
        assertThat(down.get()).isEqualTo(3);
        // not an I/O failure (a recording that lacks the request, say): no retry
        AtomicInteger once = new AtomicInteger();
        HttpTransport missing = c -> {
            once.incrementAndGet();
            throw new SourceException.Unavailable("not in the recording", null);
        };
        assertThatThrownBy(() -> polite(missing, 1000, 3, new ArrayList<>()).send(HttpCall.get("/tx/9")))
                .hasMessage("not in the recording");
        assertThat(once.get()).isEqualTo(1);
    }

    @Test
    void aRetryAfterInSecondsIsReadAndAnHttpDateLeavesTheBackOffToUs() throws IOException {
        com.sun.net.httpserver.HttpServer hs = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        hs.createContext("/", ex -> {
            ex.getResponseHeaders().add("Retry-After", ex.getRequestURI().getPath().equals("/seconds") ? " 7 "
                    : "Wed, 21 Oct 2015 07:28:00 GMT");
            ex.sendResponseHeaders(429, -1);
            ex.close();
        });
        hs.start();
        try {
            JdkHttpTransport t = JdkHttpTransport.forUrl("--esplora", "http://127.0.0.1:" + hs.getAddress().getPort(), Optional.empty(),
                    Duration.ofSeconds(5));
            HttpReply seconds = t.send(HttpCall.get("/seconds"));
            assertThat(seconds.status()).isEqualTo(429);
            assertThat(seconds.retryAfter()).contains(Duration.ofSeconds(7));
            assertThat(t.send(HttpCall.get("/date")).retryAfter()).isEmpty();
        } finally {
            hs.stop(0);
        }
    }

    /**
     * Regression: the JDK client's request timeout covers only the wait for the headers, so a server
     * that sent its headers and then stalled mid-body hung the Esplora and Bitcoin Core sources.
     */
    @Test
    @org.junit.jupiter.api.Timeout(30)
    void aBodyThatStallsHalfWayTimesOutInsteadOfHanging() throws IOException {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        com.sun.net.httpserver.HttpServer hs = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        hs.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        hs.createContext("/", ex -> {
            ex.sendResponseHeaders(200, 1000);
            ex.getResponseBody().write("{\"txid\": \"".getBytes(StandardCharsets.UTF_8));
            ex.getResponseBody().flush();
            try {
                release.await(); // the other 988 bytes never come
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.close();
        });
        hs.start();
        try {
            JdkHttpTransport t = JdkHttpTransport.forUrl("--esplora", "http://127.0.0.1:" + hs.getAddress().getPort(), Optional.empty(),
                    Duration.ofMillis(300));
            assertThatThrownBy(() -> t.send(HttpCall.get("/tx/1"))).isInstanceOf(SourceException.Unavailable.class)
                    .hasMessageContaining("/tx/1").hasMessageContaining("timed out after 300 ms")
                    .hasCauseInstanceOf(java.net.http.HttpTimeoutException.class);
        } finally {
            release.countDown();
            hs.stop(0);
        }
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
