package dev.tracer.trace;

import dev.tracer.graph.TransferGraph;
import dev.tracer.model.Address;
import dev.tracer.model.BlockRange;
import dev.tracer.model.Coverage;
import dev.tracer.model.InvalidInputException;
import dev.tracer.model.Transfer;
import dev.tracer.source.Dataset;
import dev.tracer.source.SourceException;
import dev.tracer.source.TransferSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Traces over a {@link TransferSource} that is fetched on demand, with the same engine as a
 * loaded dataset: fetch the seeds' transfers, trace, fetch every frontier address the trace
 * would follow (hop below the limit, not stopped), and trace again, until no such frontier is
 * left or the address budget is spent. Each round fetches one layer of addresses concurrently
 * (virtual threads); politeness (rate limits, retries, caching) belongs to the source.
 *
 * <p>Fetched addresses are covered in both directions over the source's range, so the final
 * result is exactly what the engine gives on a dataset holding those addresses' complete
 * ledgers. Rounds are at most the hop limit plus one; each is O(fetched transfers log).
 */
public final class ExpandingTrace {
    private final TransferSource source;
    private final Function<Dataset, Tracer> tracerFor;
    private final int maxAddresses;
    private final Consumer<String> progress;
    private final LongSupplier nanoTime;
    private java.util.function.Predicate<Address> isBridge = a -> false;

    /**
     * @param tracerFor    builds the tracer (labels, classifier, model, policy) for a dataset
     * @param maxAddresses most addresses fetched; the rest stay frontiers and a warning says so
     * @param progress     receives one line per round (for a progress display on stderr)
     */
    public ExpandingTrace(TransferSource source, Function<Dataset, Tracer> tracerFor, int maxAddresses,
                          Consumer<String> progress) {
        this(source, tracerFor, maxAddresses, progress, null);
    }

    /**
     * As above; with {@code nanoTime} (a monotonic clock) each progress line also gives the
     * source's node requests per second since the trace began.
     */
    public ExpandingTrace(TransferSource source, Function<Dataset, Tracer> tracerFor, int maxAddresses,
                          Consumer<String> progress, LongSupplier nanoTime) {
        this.source = Objects.requireNonNull(source, "source");
        this.tracerFor = Objects.requireNonNull(tracerFor, "tracerFor");
        if (maxAddresses < 1) {
            throw new IllegalArgumentException("maxAddresses must be positive");
        }
        this.maxAddresses = maxAddresses;
        this.progress = Objects.requireNonNull(progress, "progress");
        this.nanoTime = nanoTime;
    }

    /**
     * Addresses whose bridge deposits (event logs) are fetched when the trace sends taint to them:
     * the labelled bridges. Only those the final trace reaches are asked for, once each.
     */
    public ExpandingTrace bridges(java.util.function.Predicate<Address> bridge) {
        this.isBridge = Objects.requireNonNull(bridge, "bridge");
        return this;
    }

    /** The result and the dataset of the last round (what detectors and exports need besides the result). */
    public record Outcome(TraceResult result, Dataset dataset) {
    }

    public TraceResult trace(List<Seed> seeds, Direction direction) {
        return traceWithData(seeds, direction).result();
    }

    /** As {@link #trace}, with the dataset the final result was traced on. */
    public Outcome traceWithData(List<Seed> seeds, Direction direction) {
        BlockRange range = source.range();
        Set<Transfer> transfers = new LinkedHashSet<>();
        TreeSet<Address> covered = new TreeSet<>();
        List<Address> toFetch = new ArrayList<>();
        for (Seed s : seeds) {
            if (s.address().isPresent()) {
                toFetch.add(s.address().get());
            } else {
                List<Transfer> in = source.transfersIn(s.tx().orElseThrow());
                if (in.isEmpty()) {
                    throw new InvalidInputException("seed transaction " + s.tx().get() + " not found by " + source.description());
                }
                transfers.addAll(in);
            }
        }
        boolean budgetHit = false;
        TraceResult result;
        Dataset d;
        int round = 0;
        long start = nanoTime == null ? 0 : nanoTime.getAsLong();
        while (true) {
            if (!toFetch.isEmpty()) {
                progress.accept(String.format("round %d: fetching %d address(es), %d fetched so far", round, toFetch.size(),
                        covered.size()));
            }
            fetch(toFetch, range, transfers);
            covered.addAll(toFetch);
            d = new Dataset(source.chain(),
                    new Coverage(source.chain(), range, false, covered, covered),
                    TransferGraph.builder().addAll(transfers).build(), source.description());
            result = tracerFor.apply(d).trace(seeds, direction);
            progress.accept(String.format("round %d: %d addresses fetched, %d transfers, %d reached%s",
                    round++, covered.size(), transfers.size(), result.nodes().size(), rate(start)));
            toFetch = new ArrayList<>();
            for (TraceResult.Node n : result.nodes()) {
                if (n.endpoint().orElse(null) == EndpointKind.FRONTIER && n.hop() < result.policy().maxHops()
                        && !covered.contains(n.address())) {
                    if (covered.size() + toFetch.size() >= maxAddresses) {
                        budgetHit = true;
                        break;
                    }
                    toFetch.add(n.address());
                }
            }
            if (toFetch.isEmpty()) {
                break;
            }
            progress.accept(String.format("frontier: %d address(es) below the hop limit to fetch", toFetch.size()));
        }
        List<dev.tracer.model.BridgeDeposit> deposits = new ArrayList<>();
        for (TraceResult.Node n : result.nodes()) {
            if (!n.received().isEmpty() && isBridge.test(n.address())) {
                deposits.addAll(source.bridgeDeposits(n.address(), range));
            }
        }
        if (!deposits.isEmpty()) {
            d = d.withBridgeDeposits(deposits);
        }
        if (!budgetHit) {
            return new Outcome(result, d);
        }
        return new Outcome(result.withWarning("address budget of " + maxAddresses
                + " reached: some frontiers below the hop limit were not fetched"), d);
    }

    private String rate(long start) {
        if (nanoTime == null) {
            return "";
        }
        long requests = source.stats().nodeRequests();
        double secs = Math.max(1e-3, (nanoTime.getAsLong() - start) / 1e9);
        return String.format(java.util.Locale.ROOT, "; %d node requests (%.1f/s), %d from caches",
                requests, requests / secs, source.stats().memoryHits() + source.stats().diskHits());
    }

    private void fetch(List<Address> addresses, BlockRange range, Set<Transfer> into) {
        if (addresses.isEmpty()) {
            return;
        }
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<List<Transfer>>> futures = new ArrayList<>();
            for (Address a : addresses) {
                futures.add(pool.submit(() -> source.transfersOf(a, range)));
            }
            for (Future<List<Transfer>> f : futures) {
                into.addAll(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException.Unavailable("interrupted while fetching from " + source.description(), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new SourceException.Unavailable(source.description() + ": " + e.getCause(), e.getCause());
        }
    }
}
