package dev.tracer.trace;

import dev.tracer.assets.AssetVerdict;
import dev.tracer.assets.FakeTokenClassifier;
import dev.tracer.graph.TransferGraph;
import dev.tracer.label.LabelStore;
import dev.tracer.model.Address;
import dev.tracer.model.Asset;
import dev.tracer.model.InvalidInputException;
import dev.tracer.model.TxHash;
import dev.tracer.source.Dataset;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tracing engine: follows stolen funds from seeds through a {@link Dataset} under one
 * {@link TaintModel} and one {@link TracePolicy}.
 *
 * <p>It works in two passes over the part of the graph the seeds can reach, each taking the
 * reached addresses' chronological edge lists in one chain order (the first a k-way merge through
 * a heap, the second a sort of the transfers gathered from the followed addresses), so the cost
 * is O(E' log E') for the E' transfers of the V' reached addresses, not the whole graph:
 * <ol>
 *   <li><b>Reach.</b> Which addresses are followed: an address is reached by a transfer of a
 *       genuine asset of at least the minimum amount from a followed address, after that
 *       address was reached (causality). Its hop is the length of that first path. It is
 *       followed if its outflows are in the data (coverage), it is not in a stop category, its
 *       hop is below the limit and its sender's fan-out cap is not exhausted; otherwise it is
 *       an endpoint, and the reason is kept.
 *   <li><b>Taint.</b> Every followed address that receives taint gets a ledger per asset
 *       (credits and debits in chain order, the balance before the first taint replayed from
 *       its history). Each outflow asks the model which part is tainted; taint to a followed
 *       address enters its ledger, taint to any other address is an endpoint amount. An outflow
 *       larger than the balance first credits the missing amount as an explicit unexplained
 *       inflow (stolen at a seed, of unknown origin elsewhere), so no value is invented or lost.
 * </ol>
 * Seeds count as wholly stolen from the start of the time window. Backward traces run the same
 * engine on the time-reversed graph: a seed's inflows are the funds to explain, and each model's
 * rule is applied in reverse time (poison: every earlier inflow is a source; haircut:
 * proportional; FIFO: the most recent inflows fund the most recent outflows first).
 *
 * <p>Transfers of imitation tokens, zero-value token transfers and unverified tokens carry no
 * value: they never enter a ledger and are reported as poisoning.
 *
 * <p>A large trace hands the work that does not depend on the taint pass's state to the
 * builder's {@link Builder#executor executor}: during the taint pass, the clean replays of the
 * followed addresses up to their reach-pass arrivals and the result parts the reach pass decides
 * (contract calls, poisonings, earlier receivers); after it, the result parts that only read the
 * finished trace. The calling thread does the rest, and takes over any of that work no thread
 * has started. The result does not depend on it.
 *
 * <p>Instances are immutable and thread-safe; each {@link #trace} call has its own state. Its
 * per-address working arrays are sized to the graph once and reused by later traces (cleared
 * where the trace wrote), so a trace's cost depends on the part of the graph it reaches.
 */
public final class Tracer {
    private static final Logger LOG = LoggerFactory.getLogger(Tracer.class);
    /**
     * Touched addresses from which a trace hands work to another thread ({@link Builder#executor}):
     * below, handing it off costs about what it saves.
     */
    static final int SIDE_FROM = 512;

    private final Dataset data;
    private final LabelStore labels;
    private final FakeTokenClassifier classifier;
    private final TaintModel model;
    private final TracePolicy policy;
    private final SwapRule swaps;
    /** Reset working arrays of finished traces, so a trace costs what it touches, not the graph's size. */
    private final java.util.concurrent.ConcurrentLinkedQueue<TraceScratch> scratchPool =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.Set<Address> dust;
    /** Summaries of hubs, made by the first trace that needs them (they depend on nothing a trace changes). */
    private final HubMemo memo;
    /** The ids of the graph's labelled addresses: most addresses have none, and need no label look-up. */
    private final java.util.BitSet labelled = new java.util.BitSet();
    /**
     * Per asset id, set once here (they depend only on the data, the classifier and the policy),
     * so a trace costs nothing per asset of the data, which an export with thousands of tokens
     * would otherwise pay on every trace: the classifier's verdict, whether it carries traced
     * value, and the policy's minimum amount in base units. Never modified.
     */
    private final AssetVerdict[] verdicts;
    private final boolean[] traced;
    private final BigInteger[] minBase;
    /** Which addresses have contract calls or excluded transfers: made by the first trace ({@link #marks()}). */
    private volatile OutflowMarks marks;
    private final Executor sideExecutor;
    private final int sideFrom;

    private Tracer(Builder b) {
        this.sideExecutor = b.sideExecutor;
        this.sideFrom = b.sideFrom;
        this.memo = new HubMemo(b.memoBytes, b.hubDegree);
        this.swaps = b.swaps;
        this.data = b.data;
        this.labels = b.labels;
        this.classifier = b.classifier;
        this.model = b.model;
        this.policy = b.policy;
        this.dust = java.util.Set.copyOf(b.dust);
        for (Address a : labels.addresses()) {
            data.graph().idOf(a).ifPresent(labelled::set);
        }
        TransferGraph g = data.graph();
        this.verdicts = new AssetVerdict[g.assetCount()];
        this.traced = new boolean[g.assetCount()];
        this.minBase = new BigInteger[g.assetCount()];
        for (int i = 0; i < g.assetCount(); i++) {
            Asset a = g.asset(i);
            verdicts[i] = classifier.classify(a);
            traced[i] = verdicts[i].carriesValue() && (policy.assets().isEmpty() || policy.assets().contains(a));
            BigDecimal base = policy.minAmount().movePointRight(a.decimals());
            minBase[i] = base.setScale(0, RoundingMode.CEILING).toBigIntegerExact();
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Traces from {@code seeds}.
     *
     * @throws InvalidInputException when a seed has no transfer in the dataset
     */
    public TraceResult trace(List<Seed> seeds, Direction direction) {
        Objects.requireNonNull(direction, "direction");
        if (seeds.isEmpty()) {
            throw new InvalidInputException("no seed address or transaction given");
        }
        TransferGraph g = data.graph();
        List<Integer> seedAddresses = new ArrayList<>();
        TreeSet<Integer> seedEdges = new TreeSet<>();
        for (Seed s : new TreeSet<>(seeds)) {
            if (s.address().isPresent()) {
                Address a = s.address().get();
                if (!a.chain().equals(data.chain())) { // else it would read as "no transfers", hiding the mix-up
                    throw new InvalidInputException("seed " + a + " is an address on chain " + a.chain()
                            + ", but the data is on chain " + data.chain() + " (" + data.description() + ")");
                }
                int id = g.idOf(a).orElseThrow(() -> new InvalidInputException("seed " + a
                        + " has no transfers in the data (" + data.description() + ", blocks " + data.coverage().range() + ")"));
                seedAddresses.add(id);
            } else {
                TxHash h = s.tx().orElseThrow();
                int before = seedEdges.size();
                for (int e : g.edgesOf(h)) {
                    if (traced[g.assetId(e)] && !g.isZeroAmount(e)) {
                        seedEdges.add(e);
                    }
                }
                if (seedEdges.size() == before) {
                    throw new InvalidInputException("seed transaction " + h + " moves no genuine asset in the data ("
                            + data.description() + ")");
                }
            }
        }
        LOG.debug("tracing {} from {} seed address(es) and {} seed transfer(s) under {}", direction.code(),
                seedAddresses.size(), seedEdges.size(), model.name());
        int[] dustIds = dust.stream().map(g::idOf).filter(java.util.OptionalInt::isPresent)
                .mapToInt(java.util.OptionalInt::getAsInt).sorted().toArray();
        TraceScratch scratch = scratch(g.addressCount());
        try {
            TraceRun run = new TraceRun(data, labels, model, policy, direction, verdicts, traced, minBase, swaps, dustIds,
                    scratch, memo, labelled, marks(), sideExecutor, sideFrom);
            return run.run(new TreeSet<>(seeds), seedAddresses, seedEdges);
        } finally {
            scratch.reset();
            scratchPool.offer(scratch);
        }
    }

    /** The tracer's {@link OutflowMarks}, made on first use: one pass over the transfers, paid by the first trace. */
    private OutflowMarks marks() {
        OutflowMarks m = marks;
        if (m == null) {
            synchronized (this) {
                m = marks;
                if (m == null) {
                    marks = m = new OutflowMarks(data.graph(), verdicts, policy, traced);
                }
            }
        }
        return m;
    }

    /** Working arrays for one trace: reused when a finished trace left some (reset), else new. */
    private TraceScratch scratch(int addresses) {
        TraceScratch s = scratchPool.poll();
        return s != null && s.capacity() == addresses ? s : new TraceScratch(addresses);
    }

    /** Builder for {@link Tracer}. */
    public static final class Builder {
        private Dataset data;
        private LabelStore labels = LabelStore.empty();
        private FakeTokenClassifier classifier;
        private TaintModel model;
        private TracePolicy policy = TracePolicy.builder().build();
        private SwapRule swaps;
        private final java.util.Set<Address> dust = new java.util.HashSet<>();
        private int hubDegree = HubMemo.MIN_DEGREE;
        private long memoBytes = HubMemo.DEFAULT_BYTES;
        private Executor sideExecutor = ForkJoinPool.commonPool();
        private int sideFrom = SIDE_FROM;

        private Builder() {
        }

        /** Addresses with at least this many transfers have their summaries memoised (tests set 0 or a huge value). */
        Builder hubDegree(int degree) {
            this.hubDegree = degree;
            return this;
        }

        /** Most estimated bytes of hub summaries kept (tests set 0: each is made again whenever needed). */
        Builder memoBytes(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("memo bytes must be 0 or more, got " + bytes);
            }
            this.memoBytes = bytes;
            return this;
        }

        /**
         * Where a large trace's work that does not depend on the taint pass's state (clean replays
         * made ahead, the result parts that only read what the trace decided) is done while the
         * tracing thread goes on: the common fork/join pool by default. Whatever the executor, the
         * result is the same; work no thread has started when it is needed is done by the tracing
         * thread. {@code Runnable::run} keeps every trace on its caller's thread.
         */
        public Builder executor(Executor e) {
            this.sideExecutor = Objects.requireNonNull(e, "executor");
            return this;
        }

        /** Touched addresses from which a trace hands work to the executor (tests set 0). */
        Builder sideFrom(int touched) {
            if (touched < 0) {
                throw new IllegalArgumentException("touched addresses must be 0 or more, got " + touched);
            }
            this.sideFrom = touched;
            return this;
        }

        /** Carry taint across swaps that this rule recognises (forward traces); none by default. */
        public Builder swaps(SwapRule rule) {
            this.swaps = Objects.requireNonNull(rule, "swap rule");
            return this;
        }

        /**
         * Vertices (dust-attack outputs) that are never followed: a trace reaching one ends there
         * with {@link EndpointKind#DUST}.
         */
        public Builder dust(java.util.Collection<Address> outputs) {
            for (Address a : outputs) {
                if (a.kind() != Address.Kind.OUTPUT) {
                    throw new IllegalArgumentException("only outputs can be dust, not " + a);
                }
                dust.add(a);
            }
            return this;
        }

        public Builder dataset(Dataset d) {
            this.data = Objects.requireNonNull(d, "dataset");
            return this;
        }

        public Builder labels(LabelStore l) {
            this.labels = Objects.requireNonNull(l, "labels");
            return this;
        }

        public Builder classifier(FakeTokenClassifier c) {
            this.classifier = Objects.requireNonNull(c, "classifier");
            return this;
        }

        public Builder model(TaintModel m) {
            this.model = Objects.requireNonNull(m, "model");
            return this;
        }

        public Builder policy(TracePolicy p) {
            this.policy = Objects.requireNonNull(p, "policy");
            return this;
        }

        public Tracer build() {
            if (data == null) {
                throw new IllegalStateException("Tracer needs a dataset");
            }
            if (classifier == null) {
                throw new IllegalStateException("Tracer needs an asset classifier (FakeTokenClassifier)");
            }
            if (model == null) {
                throw new IllegalStateException("Tracer needs a taint model");
            }
            return new Tracer(this);
        }
    }
}
