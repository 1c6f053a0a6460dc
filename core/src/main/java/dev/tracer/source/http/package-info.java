/**
 * HTTP for live sources, behind one small interface so every source (Esplora REST, Bitcoin Core
 * and Ethereum JSON-RPC) can share it: {@link dev.tracer.source.http.HttpTransport} sends an
 * {@link dev.tracer.source.http.HttpCall} and returns an {@link dev.tracer.source.http.HttpReply}.
 * Decorators add what every source needs: {@link dev.tracer.source.http.PoliteTransport} (a
 * request rate and retries with back-off on 429 and 5xx), {@link dev.tracer.source.http.CachingTransport},
 * {@link dev.tracer.source.http.RecordingTransport} and {@link dev.tracer.source.http.ReplayTransport}
 * (request → response exchanges in a {@link dev.tracer.source.http.Recording} file; a request the
 * recording lacks is an error naming it). Time and sleeping are injected; nothing here knows
 * Bitcoin or Ethereum.
 */
package dev.tracer.source.http;
