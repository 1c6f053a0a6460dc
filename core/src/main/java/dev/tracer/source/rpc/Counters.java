package dev.tracer.source.rpc;

import dev.tracer.source.SourceStats;
import java.util.concurrent.atomic.AtomicLong;

/** Thread-safe counters behind {@link SourceStats}. */
final class Counters {
    final AtomicLong calls = new AtomicLong();
    final AtomicLong memoryHits = new AtomicLong();
    final AtomicLong diskHits = new AtomicLong();
    final AtomicLong replayed = new AtomicLong();
    final AtomicLong nodeRequests = new AtomicLong();
    final AtomicLong httpRequests = new AtomicLong();
    final AtomicLong retries = new AtomicLong();
    final AtomicLong bytesSent = new AtomicLong();
    final AtomicLong bytesReceived = new AtomicLong();

    SourceStats snapshot() {
        return new SourceStats(calls.get(), memoryHits.get(), diskHits.get(), replayed.get(), nodeRequests.get(),
                httpRequests.get(), retries.get(), bytesSent.get(), bytesReceived.get());
    }
}
