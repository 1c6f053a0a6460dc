package dev.tracer.source.http;

import dev.tracer.model.InvalidInputException;
import dev.tracer.source.SourceException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * The real transport: {@link HttpClient} against one base URL. Credentials come from the URL's
 * user-info ({@code http://user:password@host:8332}) or a Bitcoin Core cookie file and are sent
 * as HTTP basic authentication; {@link #description()} never shows them. The timeout bounds the
 * whole exchange, body included ({@link BoundedExchange}); a timeout or I/O failure is a
 * {@link SourceException.Unavailable} caused by the {@link IOException}, which
 * {@link PoliteTransport} retries.
 */
public final class JdkHttpTransport implements HttpTransport {
    private final HttpClient client;
    private final String base;
    private final Optional<String> authorization;
    private final Duration timeout;
    private final String description;

    private JdkHttpTransport(String base, Optional<String> authorization, Duration timeout, String description) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
        this.base = base;
        this.authorization = authorization;
        this.timeout = timeout;
        this.description = description;
    }

    /**
     * A transport for {@code url} (http or https).
     *
     * @param option     the option that gave the URL, for error messages ({@code --esplora})
     * @param cookieFile a Bitcoin Core {@code .cookie} file ({@code user:password}) for authentication
     * @throws InvalidInputException naming the option when the URL is malformed
     * @throws SourceException.Unavailable when the cookie file cannot be read
     */
    public static JdkHttpTransport forUrl(String option, String url, Optional<Path> cookieFile, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        URI u;
        try {
            u = new URI(url == null ? "" : url.strip());
        } catch (URISyntaxException e) {
            throw new InvalidInputException(option + ": malformed URL '" + url + "'", e);
        }
        if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https")) || u.getHost() == null) {
            throw new InvalidInputException(option + ": expected an http:// or https:// URL, got '" + url + "'");
        }
        Optional<String> credentials = Optional.ofNullable(u.getRawUserInfo()).map(JdkHttpTransport::decode);
        if (cookieFile.isPresent()) {
            try {
                credentials = Optional.of(Files.readString(cookieFile.get(), StandardCharsets.UTF_8).strip());
            } catch (IOException e) {
                throw new SourceException.Unavailable("cannot read the RPC cookie file " + cookieFile.get() + ": " + e.getMessage(), e);
            }
        }
        String path = u.getRawPath() == null ? "" : u.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String shown = u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort()) + path;
        Optional<String> auth = credentials.map(c -> "Basic " + Base64.getEncoder().encodeToString(c.getBytes(StandardCharsets.UTF_8)));
        return new JdkHttpTransport(shown, auth, timeout, shown);
    }

    private static String decode(String userInfo) {
        return java.net.URLDecoder.decode(userInfo, StandardCharsets.UTF_8);
    }

    /** The base URL without credentials. */
    public String description() {
        return description;
    }

    @Override
    public HttpReply send(HttpCall call) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + call.path())).timeout(timeout)
                .header("User-Agent", "tracer/0.1 (+https://github.com/tracer)");
        authorization.ifPresent(a -> b.header("Authorization", a));
        if (call.body().isPresent()) {
            b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(call.body().get()));
        } else {
            b.GET();
        }
        try {
            HttpResponse<byte[]> r = BoundedExchange.send(client, b.build(), timeout);
            Optional<Duration> retryAfter = Backoff.retryAfter(r);
            return new HttpReply(r.statusCode(), r.body() == null ? "" : new String(r.body(), StandardCharsets.UTF_8), retryAfter);
        } catch (IOException e) {
            // the cause is kept: PoliteTransport retries a failure caused by I/O (timeouts included)
            throw new SourceException.Unavailable(description + call.path() + ": " + SourceException.describe(e, "server"), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException.Unavailable("interrupted while asking " + description, e);
        }
    }
}
