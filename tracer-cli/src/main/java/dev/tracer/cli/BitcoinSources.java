package dev.tracer.cli;

import dev.tracer.bitcoin.TxSet;
import dev.tracer.model.InvalidInputException;
import dev.tracer.source.bitcoin.BlockFiles;
import dev.tracer.source.bitcoin.CoreRpcSource;
import dev.tracer.source.bitcoin.EsploraSource;
import dev.tracer.source.http.CachingTransport;
import dev.tracer.source.http.HttpTransport;
import dev.tracer.source.http.JdkHttpTransport;
import dev.tracer.source.http.PoliteTransport;
import dev.tracer.source.http.Recording;
import dev.tracer.source.http.RecordingTransport;
import dev.tracer.source.http.ReplayTransport;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Builds a Bitcoin source from the command line: block files, a Core node, an Esplora server or a
 * recording of either; the HTTP stack is cache → recorder (with --record) → politeness → HTTP.
 * After the command, {@link #finish()} writes the recording.
 */
final class BitcoinSources {
    static final String ESPLORA = "esplora";
    static final String CORE = "bitcoin-core-rpc";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** Exactly one of these is set. */
    record Given(List<Path> blocks, String rpc, String esplora, Path replay) {
        boolean any() {
            return !blocks.isEmpty() || rpc != null || esplora != null || replay != null;
        }
    }

    private final BitcoinOptions options;
    private RecordingTransport recorder;

    BitcoinSources(BitcoinOptions options) {
        this.options = options;
    }

    /** A loaded set of blocks (block files or a Core node over its range), or an Esplora server to fetch from. */
    sealed interface Source permits Blocks, Esplora, Node {
    }

    record Blocks(TxSet txs, String description) implements Source {
    }

    /** A Core node: traced over its block range, or asked for single transactions. */
    record Node(CoreRpcSource source) implements Source {
    }

    record Esplora(EsploraSource source) implements Source {
    }

    Source open(Given g) {
        if (!g.blocks().isEmpty()) {
            if (options.record != null) {
                throw new InvalidInputException("--record works with --rpc or --esplora, not --blocks");
            }
            TxSet set = BlockFiles.read(g.blocks(), options.range());
            return new Blocks(set, "Bitcoin Core block files " + String.join(", ", g.blocks().stream()
                    .map(p -> p.getFileName().toString()).toList()) + ", blocks " + set.range());
        }
        if (g.rpc() != null) {
            JdkHttpTransport http = JdkHttpTransport.forUrl("--rpc", g.rpc(), Optional.ofNullable(options.rpcCookie), TIMEOUT);
            return node(live(http, CORE, false), http.description());
        }
        if (g.esplora() != null) {
            noRange("--esplora");
            JdkHttpTransport http = JdkHttpTransport.forUrl("--esplora", g.esplora(), Optional.empty(), TIMEOUT);
            return new Esplora(new EsploraSource(live(http, ESPLORA, true), http.description(), Clock.systemUTC()));
        }
        if (options.record != null) {
            throw new InvalidInputException("--record works with --rpc or --esplora, not --replay");
        }
        Recording r = Recording.read(g.replay());
        HttpTransport t = new ReplayTransport(r, g.replay().toString());
        String d = "replay of " + g.replay().getFileName();
        return switch (r.source()) {
            case ESPLORA -> {
                noRange("--replay of an Esplora recording");
                yield new Esplora(new EsploraSource(t, d, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)));
            }
            case CORE -> node(t, d);
            default -> throw new InvalidInputException(g.replay() + ": a recording of an unknown source '" + r.source() + "'");
        };
    }

    private void noRange(String what) {
        if (options.blockRange != null) {
            throw new InvalidInputException("--block-range applies to --blocks and --rpc, not to " + what);
        }
    }

    private Node node(HttpTransport t, String description) {
        return new Node(options.range().map(r -> CoreRpcSource.forRange(t, description, r))
                .orElseGet(() -> CoreRpcSource.forTransactions(t, description)));
    }

    private HttpTransport live(JdkHttpTransport http, String source, boolean cacheable) {
        if (!(options.rate > 0)) {
            throw new InvalidInputException("--rate-limit must be a positive number of requests per second, got " + options.rate);
        }
        HttpTransport t = PoliteTransport.perSecond(http, options.rate);
        if (options.record != null) {
            recorder = new RecordingTransport(t, source);
            t = recorder;
        }
        return cacheable ? new CachingTransport(t, 10_000, c -> true) : t;
    }

    /** Writes the recording, if one was asked for. */
    void finish() {
        if (recorder != null) {
            recorder.recording().write(options.record);
        }
    }
}
