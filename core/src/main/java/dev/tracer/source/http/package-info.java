/**
 * HTTP for live sources, behind one small interface so the REST and Bitcoin Core JSON-RPC
 * sources share it: {@link dev.tracer.source.http.HttpTransport} sends an
 * {@link dev.tracer.source.http.HttpCall} and returns an {@link dev.tracer.source.http.HttpReply}.
 * Decorators add what every source needs: {@link dev.tracer.source.http.PoliteTransport} (a
 * request rate and retries with back-off on 429, 5xx, timeouts and I/O failures), {@link dev.tracer.source.http.CachingTransport},
 * {@link dev.tracer.source.http.RecordingTransport} and {@link dev.tracer.source.http.ReplayTransport}
 * (request → response exchanges in a {@link dev.tracer.source.http.Recording} file; a request the
 * recording lacks is an error naming it). The pacing every live source shares, the Ethereum
 * JSON-RPC transport of {@code dev.tracer.source.rpc} included, lives here too:
 * {@link dev.tracer.source.http.RateLimiter} (a token bucket), {@link dev.tracer.source.http.Backoff}
 * (exponential, full jitter, {@code Retry-After} honoured), {@link dev.tracer.source.http.Sleeper}
 * and {@link dev.tracer.source.http.BoundedExchange} (a deadline over the whole exchange, body
 * included). Time, sleeping and jitter are injected; nothing here knows Bitcoin or Ethereum.
 */
package dev.tracer.source.http;
