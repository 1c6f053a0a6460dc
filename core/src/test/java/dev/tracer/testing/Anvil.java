package dev.tracer.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that runs anvil (the local Ethereum node that the build installs from npm,
 * pinned in {@code core/src/test/evm/package.json}) on 127.0.0.1 on a port the OS picks, for the test
 * class, and stops it after. Inject {@link Anvil.Node} into a test or a {@code @BeforeAll} method.
 * Gas price and base fee are zero, so scenario balances are exact. Only the loopback address
 * is ever used.
 */
public final class Anvil implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
    private static final Pattern LISTENING = Pattern.compile("Listening on 127\\.0\\.0\\.1:(\\d+)");

    /** A running node. */
    public record Node(String url, int port, long chainId) {
    }

    private Process process;
    private Node node;

    /** The anvil binary: the system property tracer.anvil, else tools/evm/node_modules above the working directory. */
    static Path binary() {
        String p = System.getProperty("tracer.anvil");
        if (p != null && Files.isExecutable(Path.of(p))) {
            return Path.of(p);
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path b = d.resolve("core/src/test/evm/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil");
            if (Files.isExecutable(b)) {
                return b;
            }
        }
        throw new IllegalStateException("anvil not found: the build installs it with 'npm ci' in core/src/test/evm "
                + "(run mvn from the checkout's root)");
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        long chainId = 31337;
        ProcessBuilder pb = new ProcessBuilder(List.of(binary().toString(), "--host", "127.0.0.1", "--port", "0",
                "--chain-id", Long.toString(chainId), "--gas-price", "0", "--base-fee", "0", "--accounts", "1"))
                .redirectErrorStream(true);
        process = pb.start();
        Process started = process;
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly, "anvil-stop")); // if the JVM dies first
        BlockingQueue<Integer> port = new ArrayBlockingQueue<>(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        port.offer(Integer.parseInt(m.group(1)));
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "anvil-output");
        reader.setDaemon(true);
        reader.start();
        Integer p = port.poll(60, TimeUnit.SECONDS);
        if (p == null) {
            afterAll(context);
            throw new IllegalStateException("anvil did not start within 60 s");
        }
        node = new Node("http://127.0.0.1:" + p, p, chainId);
        waitUntilAnswering(node.url());
    }

    private static void waitUntilAnswering(String url) throws InterruptedException {
        HttpClient c = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (int i = 0; i < 100; i++) {
            try {
                HttpResponse<String> r = c.send(HttpRequest.newBuilder(URI.create(url))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}"))
                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("result")) {
                    return;
                }
            } catch (IOException e) {
                // not yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("anvil at " + url + " does not answer");
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            process = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext pc, ExtensionContext ec) {
        return pc.getParameter().getType() == Node.class;
    }

    @Override
    public Object resolveParameter(ParameterContext pc, ExtensionContext ec) {
        return node;
    }
}
