package dev.tracer.source.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One HTTP exchange with a deadline over the whole of it, body included. {@link HttpRequest#timeout()}
 * covers only the wait for the response headers: a server that sends its headers and then lets the
 * body trickle, or stop half-way, would hang {@link HttpClient#send} for good. Here the exchange
 * runs asynchronously and is cancelled when the deadline passes. Every live source sends through
 * it ({@link JdkHttpTransport}, the Ethereum JSON-RPC transport).
 */
public final class BoundedExchange {
    private BoundedExchange() {
    }

    /**
     * Sends {@code request} and reads the whole body within {@code timeout}.
     *
     * @throws HttpTimeoutException when the deadline passed (the exchange is cancelled)
     * @throws IOException          on any other I/O failure (refused, reset, truncated)
 * @throws RuntimeException     as the client threw it (a request it refuses to send)
     */
    public static HttpResponse<byte[]> send(HttpClient client, HttpRequest request, Duration timeout)
            throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<byte[]>> pending = client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            return pending.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            HttpTimeoutException t = new HttpTimeoutException("timed out after " + timeout.toMillis() + " ms");
            t.initCause(e);
            throw t;
        } catch (InterruptedException e) {
            pending.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof HttpTimeoutException) {
                HttpTimeoutException t = new HttpTimeoutException("timed out after " + timeout.toMillis() + " ms");
                t.initCause(c);
                throw t;
            }
            if (c instanceof IOException io) {
                throw io;
            }
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IOException(String.valueOf(c), c);
        }
    }
}
