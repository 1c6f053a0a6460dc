package dev.tracer.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import org.junit.jupiter.api.Test;

/**
 * I/O failures in words. Regression: a refused connection to a live node read
 * "I/O error: ConnectException null", since the JDK gives it no message at all.
 */
class SourceExceptionTest {
    @Test
    void aRefusedConnectionSaysSo() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        IOException refused = null;
        try {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port)).build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            refused = e;
        }
        assertThat(refused).isInstanceOf(ConnectException.class);
        assertThat(SourceException.describe(refused, "node")).isEqualTo("cannot connect (is the node running?)");
    }

    @Test
    void otherFailuresGiveTheirTypeAndFirstMessageOnOneLine() {
        assertThat(SourceException.describe(new HttpTimeoutException("request timed out"), "server"))
                .isEqualTo("HttpTimeoutException: request timed out");
        assertThat(SourceException.describe(new IOException(null, new IllegalStateException("line one\nline two")), "node"))
                .isEqualTo("IllegalStateException: line one line two");
        assertThat(SourceException.describe(new IOException(), "node")).isEqualTo("IOException");
        assertThat(SourceException.describe(new ConnectException("Connection refused"), "node"))
                .isEqualTo("ConnectException: Connection refused");
    }
}
