package dev.tracer.source.rpc;

import dev.tracer.model.InvalidInputException;
import dev.tracer.source.SourceStats;
import dev.tracer.source.http.Backoff;
import dev.tracer.source.http.RateLimiter;
import dev.tracer.source.http.Sleeper;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.LongSupplier;

/**
 * The JSON-RPC transport a live source talks through, assembled in one order:
 * <pre>
 *   live:   count → [record DIR] → cache (memory, [disk DIR]) → rate limit, batch, retry → HTTP
 *   replay: count → recording DIR (no network, no cache)
 * </pre>
 * Recording sits above the cache so that it holds every call the trace needed, even those a
 * warm cache answered; replay goes through the same source code above this transport. Build
 * with {@link #live} or {@link #replay}; immutable after {@code build()}, thread-safe.
 */
public final class RpcStack implements RpcTransport {
    private final RpcTransport top;
    private final Counters counters;
    private final String endpoint;
    private final String endpointKey;

    private RpcStack(RpcTransport top, Counters counters, String endpoint, String endpointKey) {
        this.top = top;
        this.counters = counters;
        this.endpoint = endpoint;
        this.endpointKey = endpointKey;
    }

    /** A stack for the node at {@code url} ({@code option} names the CLI option in error messages). */
    public static Builder live(String option, String url) {
        return new Builder(Endpoint.parse(option, Objects.requireNonNull(url, "url")), null);
    }

    /**
     * The URL of a node on this machine, for callers that change the node's chain (the request
     * benchmark plays a scenario on it): host {@code localhost}, an IPv4 address in 127.0.0.0/8
     * or {@code [::1]}, judged by the text alone, so the check contacts nothing.
     *
     * @param why what the caller does on the node, for the message
     * @throws InvalidInputException naming {@code option} when {@code url} is no http(s) URL or
     *         names another host (the message shows the host, never a path, query or user info)
     */
    public static URI localNode(String option, String url, String why) {
        Endpoint e = Endpoint.parse(option, Objects.requireNonNull(url, "url"));
        if (!e.onThisMachine()) {
            throw new InvalidInputException(option + ": " + why + ", so it runs only on a local node (localhost, 127.x.x.x"
                    + " or [::1]), not on " + e.uri().getHost());
        }
        return e.uri();
    }

    /** A stack that answers only from the recording in {@code dir}. */
    public static Builder replay(Path dir) {
        return new Builder(null, Objects.requireNonNull(dir, "dir"));
    }

    @Override
    public List<RpcReply> send(List<RpcCall> calls) {
        counters.calls.addAndGet(calls.size());
        return top.send(calls);
    }

    public SourceStats stats() {
        return counters.snapshot();
    }

    /** The node's URL redacted (no path, query or user info), or "recording DIR". */
    public String endpoint() {
        return endpoint;
    }

    /**
     * A key for the whole URL, path and query included (providers serve several chains on one
     * host, told apart by the path): SHA-256 of the URL, so the URL itself is never stored.
     */
    public String endpointKey() {
        return endpointKey;
    }

    /** Builder; each setter validates at once. */
    public static final class Builder {
        private final Endpoint live;
        private final Path replay;
        private double rateLimit = 10;
        private Path cacheDir;
        private Path recordDir;
        private int batchSize = 50;
        private int maxAttempts = 6;
        private Duration timeout = Duration.ofSeconds(30);
        private Duration backoffBase = Backoff.DEFAULT_BASE;
        private Duration backoffCap = Backoff.DEFAULT_CAP;
        private long memoryChars = 64L << 20;
        private Random random = new Random(1);
        private LongSupplier nanoTime = System::nanoTime;
        private Sleeper sleeper = Sleeper.system();

        private Builder(Endpoint live, Path replay) {
            this.live = live;
            this.replay = replay;
        }

        /** Calls per second sent to the node (default 10). */
        public Builder rateLimit(double perSecond) {
            if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
                throw new InvalidInputException("--rate-limit must be a positive number of requests per second, got " + perSecond);
            }
            this.rateLimit = perSecond;
            return this;
        }

        /** A persistent cache directory (created if missing); none by default. */
        public Builder cacheDir(Path dir) {
            this.cacheDir = dir;
            return this;
        }

        /** Record every call and its answer into {@code dir}. */
        public Builder record(Path dir) {
            this.recordDir = dir;
            return this;
        }

        /** Most calls in one HTTP request (default 50; 1 turns batching off). */
        public Builder batchSize(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("batch size must be at least 1, got " + n);
            }
            this.batchSize = n;
            return this;
        }

        /** Tries per call before the node counts as unavailable (default 6). */
        public Builder maxAttempts(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("attempts must be at least 1, got " + n);
            }
            this.maxAttempts = n;
            return this;
        }

        /** Per-request timeout (default 30 s). */
        public Builder timeout(Duration d) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("timeout must be positive, got " + d);
            }
            this.timeout = d;
            return this;
        }

        /** Backoff before retry k: uniform in [0, min(cap, base·2^(k-1))] (defaults 250 ms and 8 s). */
        public Builder backoff(Duration base, Duration cap) {
            if (base.isNegative() || cap.compareTo(base) < 0) {
                throw new IllegalArgumentException("bad backoff " + base + ".." + cap);
            }
            this.backoffBase = base;
            this.backoffCap = cap;
            return this;
        }

        /** Bound of the in-memory cache, in characters of keys and answers (default 64 Mi). */
        public Builder memoryCacheChars(long chars) {
            if (chars < 0) {
                throw new IllegalArgumentException("memory cache size must be zero or more");
            }
            this.memoryChars = chars;
            return this;
        }

        /** The jitter's random source (seeded for reproducible tests). */
        public Builder random(Random r) {
            this.random = Objects.requireNonNull(r, "random");
            return this;
        }

        /** The clock the rate limiter reads, in nanoseconds. */
        public Builder nanoTime(LongSupplier clock) {
            this.nanoTime = Objects.requireNonNull(clock, "nanoTime");
            return this;
        }

        /** How the transport waits (backoff, rate limit). */
        public Builder sleeper(Sleeper s) {
            this.sleeper = Objects.requireNonNull(s, "sleeper");
            return this;
        }

        public RpcStack build() {
            Counters counters = new Counters();
            if (replay != null) {
                if (recordDir != null) {
                    throw new InvalidInputException("--record and --replay cannot be used together");
                }
                return new RpcStack(Recording.player(replay, counters), counters, "recording " + replay, "recording");
            }
            RpcTransport t = new HttpRpcTransport(live, timeout, batchSize, maxAttempts,
                    new RateLimiter(rateLimit, nanoTime, sleeper),
                    new Backoff(backoffBase, backoffCap, random), sleeper, counters);
            t = new CachingTransport(t, memoryChars, cacheDir == null ? null : new DiskCache(cacheDir), counters);
            if (recordDir != null) {
                t = Recording.recorder(t, recordDir);
            }
            return new RpcStack(t, counters, live.redacted(), Json.sha256(live.uri().toString()));
        }
    }
}
