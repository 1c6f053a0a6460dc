package dev.tracer.source.rpc;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Answers cacheable calls (those with a {@link RpcCall#cacheKey()}) from memory (a size-bounded
 * Caffeine cache, weighed in characters) and then from an optional {@link DiskCache}; only the
 * misses go to the node, in one {@code send}. Successful answers are stored in both; errors never
 * are. So a repeated trace asks the node only for the calls it has not seen, and an overlapping
 * one only for the new part.
 */
final class CachingTransport implements RpcTransport {
    private final RpcTransport next;
    private final Cache<String, String> memory;
    private final DiskCache disk; // may be null
    private final Counters counters;

    CachingTransport(RpcTransport next, long maxChars, DiskCache disk, Counters counters) {
        this.next = next;
        this.memory = Caffeine.newBuilder().maximumWeight(maxChars)
                .weigher((String k, String v) -> k.length() + v.length()).build();
        this.disk = disk;
        this.counters = counters;
    }

    @Override
    public List<RpcReply> send(List<RpcCall> calls) {
        RpcReply[] out = new RpcReply[calls.size()];
        List<Integer> missIdx = new ArrayList<>();
        List<RpcCall> misses = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            Optional<String> key = calls.get(i).cacheKey();
            if (key.isPresent()) {
                String v = memory.getIfPresent(key.get());
                if (v != null) {
                    counters.memoryHits.incrementAndGet();
                    out[i] = RpcReply.ok(v);
                    continue;
                }
                if (disk != null) {
                    Optional<String> d = disk.get(key.get());
                    if (d.isPresent()) {
                        counters.diskHits.incrementAndGet();
                        memory.put(key.get(), d.get());
                        out[i] = RpcReply.ok(d.get());
                        continue;
                    }
                }
            }
            missIdx.add(i);
            misses.add(calls.get(i));
        }
        if (!misses.isEmpty()) {
            List<RpcReply> got = next.send(misses);
            for (int k = 0; k < misses.size(); k++) {
                RpcReply r = got.get(k);
                out[missIdx.get(k)] = r;
                Optional<String> key = misses.get(k).cacheKey();
                if (key.isPresent() && !r.isError()) {
                    memory.put(key.get(), r.result());
                    if (disk != null) {
                        disk.put(key.get(), r.result());
                    }
                }
            }
        }
        return List.of(out);
    }
}
