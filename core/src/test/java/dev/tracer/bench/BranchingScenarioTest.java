package dev.tracer.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.tracer.model.InvalidInputException;
import dev.tracer.source.SourceException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The request benchmark's scenario refuses any node but a local one, and a node that answers
 * badly stops it with one line naming the node and the call. Regression test: a non-loopback
 * URL was contacted, a malformed one failed with an internal error, and a reply without a result
 * with a NullPointerException. The scenario played on a real anvil is covered by the CLI's
 * {@code BenchCommandTest}.
 */
class BranchingScenarioTest {
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8545", "http://localhost:8545", "http://LOCALHOST", "http://[::1]:8545",
        "https://127.1.2.3:9", " http://127.0.0.1:8545/ "})
    void takesLocalNodes(String url) {
        assertThat(BranchingScenario.requireLocalNode("--rpc", url).getHost()).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://8.8.8.8:1", "http://example.com:8545", "http://127.0.0.1.example.com",
        "http://128.0.0.1:8545", "http://[::2]:8545", "http://0.0.0.0:8545"})
    void refusesNodesElsewhere(String url) {
        assertThatThrownBy(() -> BranchingScenario.requireLocalNode("--rpc", url))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("--rpc: the requests section funds accounts and sends transactions")
                .hasMessageContaining("only on a local node");
    }

    @Test
    void refusedMessageShowsNoKey() {
        assertThatThrownBy(() -> BranchingScenario.requireLocalNode("--rpc", "https://user:S3CRET@node.example.com/v3/KEY?apikey=K2"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageEndingWith("not on node.example.com")
                .hasMessageNotContaining("S3CRET").hasMessageNotContaining("KEY").hasMessageNotContaining("K2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"notaurl", "ftp://127.0.0.1:21", "127.0.0.1:8545", "http://", "http://127.0.0.1:8545/a b"})
    void refusesWhatIsNoHttpUrl(String url) {
        assertThatThrownBy(() -> BranchingScenario.requireLocalNode("--rpc", url))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("--rpc: ");
    }

    @Test
    void aClosedPortIsUnavailable() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        assertOneLine(assertThatThrownBy(() -> new BranchingScenario("http://127.0.0.1:" + port, 2, 1, 1).play())
                .isInstanceOf(SourceException.Unavailable.class)
                .hasMessage("http://127.0.0.1:" + port + ": evm_setAutomine: cannot connect (is the node running?)"));
    }

    @ParameterizedTest(name = "HTTP {0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
        429 | {}                        | RateLimited | HTTP 429 (rate limited)
        502 | <html>bad gateway</html>  | Unavailable | HTTP 502
        200 | <html> not json </html>   | Unavailable | the reply is not JSON
        200 | [1,2]                     | Unavailable | the reply is not a JSON-RPC object
        200 | {"jsonrpc":"2.0","id":1}  | Unavailable | the reply has neither result nor error
        """)
    void aBadReplyStopsTheScenarioWithOneLine(int status, String body, String kind, String says) throws IOException {
        String url = serve(status, request -> body);
        assertOneLine(assertThatThrownBy(() -> new BranchingScenario(url, 2, 1, 1).play())
                .isInstanceOf(kind.equals("RateLimited") ? SourceException.RateLimited.class : SourceException.Unavailable.class)
                .hasMessage(url + ": evm_setAutomine: " + says));
    }

    @Test
    void aNodeWithoutAnvilsCallsFailsNamingTheCallAndRestoresAutomining() throws IOException {
        List<String> methods = new CopyOnWriteArrayList<>();
        String url = serve(request -> {
            String method = request.replaceAll(".*\"method\":\"([^\"]+)\".*", "$1");
            methods.add(method);
            return method.equals("evm_setAutomine")
                    ? "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":null}"
                    : "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32601,\"message\":\"method not found\"}}";
        });
        assertOneLine(assertThatThrownBy(() -> new BranchingScenario(url, 2, 1, 1).play())
                .isInstanceOf(SourceException.Unavailable.class)
                .hasMessageStartingWith(url + ": anvil_setBalance failed: ")
                .hasMessageContaining("method not found"));
        assertThat(methods).containsExactly("evm_setAutomine", "anvil_setBalance", "evm_setAutomine");
    }

    @Test
    void aFailedRestoreDoesNotHideTheFirstFailure() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        String url = serve(request -> calls.incrementAndGet() == 1
                ? "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":null}"
                : "{\"jsonrpc\":\"2.0\",\"id\":1}");
        assertThatThrownBy(() -> new BranchingScenario(url, 2, 1, 1).play())
                .isInstanceOf(SourceException.Unavailable.class)
                .hasMessage(url + ": anvil_setBalance: the reply has neither result nor error")
                .satisfies(e -> assertThat(e.getSuppressed()).singleElement().extracting(Throwable::getMessage)
                        .isEqualTo(url + ": evm_setAutomine: the reply has neither result nor error"));
        assertThat(calls).hasValue(3);
    }

    private static void assertOneLine(org.assertj.core.api.AbstractThrowableAssert<?, ?> a) {
        a.satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\r"));
    }

    private String serve(UnaryOperator<String> reply) throws IOException {
        return serve(200, reply);
    }

    /** A local HTTP server that answers every request with {@code status} and the reply to its body. */
    private String serve(int status, UnaryOperator<String> reply) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            String request = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            byte[] b = reply.apply(request).getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, b.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(b);
            }
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
