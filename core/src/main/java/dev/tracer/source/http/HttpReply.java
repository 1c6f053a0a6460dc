package dev.tracer.source.http;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A response.
 *
 * @param status     the HTTP status
 * @param body       the body as text
 * @param retryAfter the server's {@code Retry-After}, if it sent one
 */
public record HttpReply(int status, String body, Optional<Duration> retryAfter) {

    public HttpReply {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("bad HTTP status " + status);
        }
    }

    public static HttpReply of(int status, String body) {
        return new HttpReply(status, body, Optional.empty());
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** Worth retrying: rate limited or a server-side failure. */
    public boolean transientFailure() {
        return status == 429 || status == 502 || status == 503 || status == 504;
    }
}
