package dev.tracer.source.http;

/**
 * Sends one request and returns the response, whatever its status. Implementations are
 * thread-safe; a transport that cannot reach its server throws
 * {@link dev.tracer.source.SourceException.Unavailable}.
 */
@FunctionalInterface
public interface HttpTransport {

    HttpReply send(HttpCall call);
}
