package dev.tracer.source.rpc;

import dev.tracer.model.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A node's URL and its redacted form. Providers put API keys in path segments
 * ({@code /v3/KEY}), query parameters ({@code ?apikey=KEY}) or user info; the redacted form keeps
 * only scheme, host and port and shows a path or query as {@code ***}, so it is safe for logs,
 * reports and error messages. {@link #scrub} removes the secret parts from any other text.
 */
final class Endpoint {
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    private final URI uri;
    private final String redacted;

    private Endpoint(URI uri) {
        this.uri = uri;
        StringBuilder b = new StringBuilder().append(uri.getScheme()).append("://").append(uri.getHost());
        if (uri.getPort() >= 0) {
            b.append(':').append(uri.getPort());
        }
        String path = uri.getRawPath();
        if (path != null && !path.isEmpty() && !path.equals("/") || uri.getRawQuery() != null || uri.getRawUserInfo() != null) {
            b.append("/***");
        }
        this.redacted = b.toString();
    }

    /**
     * @throws InvalidInputException naming the option when the text is not an http(s) URL (the
     *         message shows the redacted form only)
     */
    static Endpoint parse(String option, String text) {
        URI u;
        try {
            u = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new InvalidInputException(option + ": malformed URL", e);
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!text.contains("://")) {
            throw new InvalidInputException(option + ": expected an http:// or https:// URL with a host, got one without "
                    + "'://' (write http://HOST:PORT)");
        }
        if (!(scheme.equals("http") || scheme.equals("https"))) {
            // a scheme is letters, digits, + - . (RFC 3986), so it can be shown; the rest may hold a key
            throw new InvalidInputException(option + ": expected an http:// or https:// URL with a host, got scheme '"
                    + scheme + "'");
        }
        if (u.getHost() == null) {
            throw new InvalidInputException(option + ": expected an http:// or https:// URL with a host, got no host");
        }
        return new Endpoint(u);
    }

    URI uri() {
        return uri;
    }

    /** Whether the host is this machine by its text alone: localhost, 127.x.x.x or [::1] (no name is resolved). */
    boolean onThisMachine() {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return host.equals("localhost") || host.equals("[::1]") || IPV4_LOOPBACK.matcher(host).matches();
    }

    String redacted() {
        return redacted;
    }

    /** {@code text} with this URL's path, query and user info (where an API key may sit) replaced by ***. */
    String scrub(String text) {
        if (text == null) {
            return "";
        }
        String t = text.replace(uri.toString(), redacted);
        for (String secret : new String[] {uri.getRawPath(), uri.getRawQuery(), uri.getRawUserInfo(), uri.getPath(), uri.getQuery()}) {
            if (secret != null && secret.length() > 1) {
                t = t.replace(secret, "***");
            }
        }
        return t.replace('\n', ' ').replace('\r', ' ');
    }
}
