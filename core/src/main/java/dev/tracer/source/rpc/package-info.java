/**
 * Ethereum JSON-RPC plumbing: calls and replies as canonical JSON text, an HTTP transport with
 * batching (paced and retried with the same {@link dev.tracer.source.http.RateLimiter},
 * {@link dev.tracer.source.http.Backoff}, {@link dev.tracer.source.http.Sleeper} and
 * {@link dev.tracer.source.http.BoundedExchange} as every live source), an in-memory (Caffeine)
 * and a persistent on-disk cache, and record/replay of every call a trace
 * needed. {@link dev.tracer.source.rpc.RpcStack} assembles them; the implementations are
 * package-private. Endpoint URLs are shown redacted (no path, query or user info), so API keys
 * never reach logs, reports or error messages.
 */
package dev.tracer.source.rpc;
