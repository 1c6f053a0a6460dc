package dev.tracer.source;

/**
 * What a fetched-on-demand source did to answer a trace: the calls the trace needed and where
 * their answers came from. {@code nodeRequests} counts the calls sent to the node (a batch of
 * ten is ten calls in {@code httpRequests} = 1); a repeated trace with a warm disk cache shows
 * zero. Counts depend on the cache's state, so they are reported beside the trace, never inside
 * the deterministic report.json.
 *
 * @param calls         calls the trace asked for (answered from anywhere)
 * @param memoryHits    answered from the in-memory cache
 * @param diskHits      answered from the persistent on-disk cache
 * @param replayed      answered from a recording (--replay)
 * @param nodeRequests  calls sent to the node
 * @param httpRequests  HTTP requests to the node (batches count once)
 * @param retries       HTTP requests or calls repeated after a rate limit, a 5xx, a timeout or a bad body
 * @param bytesSent     request bytes sent to the node
 * @param bytesReceived response bytes received from the node
 */
public record SourceStats(long calls, long memoryHits, long diskHits, long replayed, long nodeRequests,
                          long httpRequests, long retries, long bytesSent, long bytesReceived) {

    /** A source that fetches nothing (a loaded dataset). */
    public static final SourceStats NONE = new SourceStats(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** One line for logs and the summary. */
    public String summary() {
        return String.format("%d calls: %d to the node in %d HTTP requests (%d retries, %,d bytes received), "
                        + "%d from the memory cache, %d from the disk cache, %d from the recording",
                calls, nodeRequests, httpRequests, retries, bytesReceived, memoryHits, diskHits, replayed);
    }
}
