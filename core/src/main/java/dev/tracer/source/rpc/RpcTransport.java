package dev.tracer.source.rpc;

import java.util.List;

/**
 * Answers JSON-RPC calls: one reply per call, in order. Transport failures (the node stays
 * unavailable, a recording lacks a call) are {@link dev.tracer.source.SourceException}s; a
 * JSON-RPC error answer is a reply, for the caller to judge.
 */
public interface RpcTransport {
    List<RpcReply> send(List<RpcCall> calls);
}
