package dev.tracer.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A local HTTP server on 127.0.0.1 for tests (never a public endpoint): every request goes to a
 * {@link Handler}; requests are logged so tests can count them.
 */
public final class LocalHttp implements AutoCloseable {
    /** Answers one request. */
    @FunctionalInterface
    public interface Handler {
        Reply handle(String method, String path, String body) throws IOException;
    }

    /** A response; {@code retryAfter} in seconds, negative for none. */
    public record Reply(int status, String body, int retryAfter) {
        public static Reply ok(String body) {
            return new Reply(200, body, -1);
        }

        public static Reply of(int status, String body) {
            return new Reply(status, body, -1);
        }
    }

    private final HttpServer server;
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    private LocalHttp(HttpServer server) {
        this.server = server;
    }

    public static LocalHttp start(Handler handler) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        LocalHttp l = new LocalHttp(s);
        s.createContext("/", ex -> {
            try (ex) {
                String body;
                try (InputStream in = ex.getRequestBody()) {
                    body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                String path = ex.getRequestURI().getRawPath();
                l.log.add(ex.getRequestMethod() + " " + path + (body.isEmpty() ? "" : " " + body));
                Reply r;
                try {
                    r = handler.handle(ex.getRequestMethod(), path, body);
                } catch (RuntimeException | IOException e) {
                    r = Reply.of(500, "test server: " + e);
                }
                byte[] b = r.body().getBytes(StandardCharsets.UTF_8);
                if (r.retryAfter() >= 0) {
                    ex.getResponseHeaders().add("Retry-After", Integer.toString(r.retryAfter()));
                }
                ex.sendResponseHeaders(r.status(), b.length == 0 ? -1 : b.length);
                if (b.length > 0) {
                    try (OutputStream out = ex.getResponseBody()) {
                        out.write(b);
                    }
                }
            }
        });
        s.start();
        return l;
    }

    /** {@code http://127.0.0.1:PORT} plus {@code path}. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Requests received so far ({@code GET /tx/…}, {@code POST / {…}}). */
    public List<String> requests() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
