/**
 * JSON-RPC plumbing shared by live sources: calls and replies as canonical JSON text, an HTTP
 * transport with batching, a rate limiter and retries with exponential backoff and jitter, an
 * in-memory (Caffeine) and a persistent on-disk cache, and record/replay of every call a trace
 * needed. {@link dev.tracer.source.rpc.RpcStack} assembles them; the implementations are
 * package-private. Endpoint URLs are shown redacted (no path, query or user info), so API keys
 * never reach logs, reports or error messages.
 */
package dev.tracer.source.rpc;
