package dev.tracer.bench;

import dev.tracer.assets.AssetRegistry;
import dev.tracer.assets.FakeTokenClassifier;
import dev.tracer.graph.TransferGraph;
import dev.tracer.label.Category;
import dev.tracer.label.LabelStore;
import dev.tracer.model.Address;
import dev.tracer.report.GexfWriter;
import dev.tracer.source.CsvRows;
import dev.tracer.source.Dataset;
import dev.tracer.source.etl.EtlCsvReader;
import dev.tracer.trace.Direction;
import dev.tracer.trace.Seed;
import dev.tracer.trace.TaintModel;
import dev.tracer.trace.TracePolicy;
import dev.tracer.trace.TraceResult;
import dev.tracer.trace.Tracer;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.jgrapht.Graph;

/**
 * Runs the benchmark of {@code docs/performance.md} in one JVM: generates (or reuses) seeded
 * data, then measures ingest, memory, trace and export, each against its baselines, with the
 * measures of one repetition interleaved (their order rotates from one repetition to the next)
 * so that machine noise hits all of them alike. Reports medians over the repetitions and the
 * ratios against the baselines measured in the same run. Warm-up repetitions are run and
 * discarded. Progress goes to the injected consumer; time comes from the injected clocks.
 */
public final class Benchmark {

    /** The parts of the benchmark. */
    public enum Section { INGEST, TRACE, MEMORY, REQUESTS, EXPORT }

    /**
     * @param transfers   size of the generated data
     * @param seed        generator and start-address seed
     * @param repetitions measured repetitions (medians are over these)
     * @param warmups     discarded repetitions before them
     * @param starts      start addresses of the trace benchmark
     * @param dataDir     where the data is generated, or reused when it already holds the same size and seed
     * @param sections    which parts to run
     * @param rpc         a local node (anvil) for the requests section; without one that section is not run
     */
    public record Config(long transfers, long seed, int repetitions, int warmups, int starts, Path dataDir,
                         Set<Section> sections, Optional<String> rpc) {
        public Config {
            Objects.requireNonNull(dataDir, "dataDir");
            Objects.requireNonNull(rpc, "rpc");
            sections = sections.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(sections));
            if (repetitions < 1) {
                throw new dev.tracer.model.InvalidInputException("repetitions must be at least 1, got " + repetitions);
            }
            if (warmups < 0) {
                throw new dev.tracer.model.InvalidInputException("warm-ups must be 0 or more, got " + warmups);
            }
            if (starts < 1) {
                throw new dev.tracer.model.InvalidInputException("starts must be at least 1, got " + starts);
            }
            if (transfers < 1000) {
                throw new dev.tracer.model.InvalidInputException("transfers must be at least 1000, got " + transfers);
            }
            if (transfers > MAX_TRANSFERS) { // a graph indexes its transfers with ints; the heap runs out long before
                throw new dev.tracer.model.InvalidInputException("transfers must be at most " + MAX_TRANSFERS
                        + " (10M already needs a 20 GB heap), got " + transfers);
            }
            rpc.ifPresent(url -> BranchingScenario.requireLocalNode("--rpc", url));
        }
    }

    /** The most transfers a run may ask for. */
    static final long MAX_TRANSFERS = 1_000_000_000L;
    static final String INGEST = "ingest";
    static final String TRACE = "trace";
    static final String MEMORY = "memory";
    static final String REQUESTS = "requests";
    static final String EXPORT = "export";
    private static final int[] HOPS = {4, 6};
    private static final String[] MODELS = {"haircut", "poison"};
    private static final String MARKER = "bench.properties";
    /** Present while data is being generated: a directory holding it is benchmark data cut short. */
    private static final String GENERATING = "bench.generating";
    private static final int REQUEST_FAN_OUT = 3;
    private static final int REQUEST_DEPTH = 3;

    private final Config config;
    private final NanoClock clock;
    private final Clock wallClock;
    private final Consumer<String> progress;
    private final HeapMeter heap = new HeapMeter();
    private final AssetRegistry registry = AssetRegistry.bundled();
    private final List<BenchReport.Row> rows = new ArrayList<>();

    public Benchmark(Config config, NanoClock clock, Clock wallClock, Consumer<String> progress) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** The data directory with the configured size and seed, generated unless it is there already. */
    public Path prepareData() {
        return data().dir();
    }

    /** Runs the configured sections and returns the report. */
    public BenchReport run() {
        TransferDataGenerator.Generated data = data();
        Path dir = data.dir();
        LabelStore labels = LabelStore.empty().withCsv(dir.resolve("labels.csv"));
        Dataset dataset = null;
        Graph<String, JGraphTBaseline.TransferEdge> object = null;
        boolean needGraphs = config.sections().contains(Section.TRACE) || config.sections().contains(Section.EXPORT);
        if (config.sections().contains(Section.INGEST) || config.sections().contains(Section.MEMORY)) {
            Loaded l = ingestAndMemory(dir);
            dataset = l.dataset;
            object = l.object;
        }
        if (needGraphs && dataset == null) {
            dataset = new EtlCsvReader(registry).read(dir);
        }
        if (config.sections().contains(Section.TRACE) && object == null) {
            object = JGraphTBaseline.load(dir);
        }
        List<Integer> starts = needGraphs ? starts(dataset.graph(), labels) : List.of();
        if (config.sections().contains(Section.TRACE)) {
            trace(dataset, object, labels, starts);
        }
        object = null;
        if (config.sections().contains(Section.EXPORT)) {
            export(dataset, labels, starts);
        }
        if (config.sections().contains(Section.REQUESTS)) {
            requests();
        }
        Reference.reachabilityFence(dataset);
        return new BenchReport(header(data), rows);
    }

    // ---- data ----

    /**
     * The data directory's files, reused when its marker says they were generated complete with
     * this size and seed, else generated. The marker is deleted before generating and written,
     * atomically, only after the last file: data cut short by a kill or a full disk is never
     * reused, and an unreadable marker means generating again.
     */
    private TransferDataGenerator.Generated data() {
        Path dir = config.dataDir();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new dev.tracer.model.InvalidInputException("--data-dir " + dir + ": exists and is not a directory");
        }
        Path marker = dir.resolve(MARKER);
        Path generating = dir.resolve(GENERATING);
        String want = "transfers=" + config.transfers() + "\nseed=" + config.seed() + "\ngenerator=1\n";
        TransferDataGenerator gen = new TransferDataGenerator(config.transfers(), config.seed());
        try {
            refuseForeign(dir, marker, generating);
            Optional<TransferDataGenerator.Generated> reused = reusable(dir, marker, want);
            if (reused.isPresent()) {
                progress.accept("reusing " + dir);
                return reused.get();
            }
            Files.createDirectories(dir);
            Files.writeString(generating, "benchmark data being generated; deleted when bench.properties is written\n");
            Files.deleteIfExists(marker);
            progress.accept("generating " + config.transfers() + " transfers (seed " + config.seed() + ") in " + dir);
            long t0 = clock.nanoTime();
            TransferDataGenerator.Generated g = gen.write(dir);
            Path tmp = dir.resolve(MARKER + ".tmp");
            StringBuilder sizes = new StringBuilder();
            for (String f : TransferDataGenerator.FILES) {
                sizes.append("bytes.").append(f).append('=').append(Files.size(dir.resolve(f))).append('\n');
            }
            Files.writeString(tmp, want + "transactions=" + g.transactions() + "\ntoken_transfers=" + g.tokenTransfers()
                    + "\naddresses=" + g.addresses() + "\ngenerated=" + g.transfers() + "\n" + sizes);
            Files.move(tmp, marker, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.deleteIfExists(generating);
            progress.accept(String.format(Locale.ROOT, "generated in %.1f s", seconds(clock.nanoTime() - t0)));
            return g;
        } catch (java.io.IOException e) {
            throw new dev.tracer.source.SourceException.Unavailable(dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Refuses to generate into a directory of other files: the generator writes transactions.csv,
     * token_transfers.csv and dataset.json, which would replace a user's own export of those names.
     * The directory must be new, empty, or benchmark data: it holds the marker of complete data or
     * the stamp written while data was being generated (a run killed then).
     */
    private static void refuseForeign(Path dir, Path marker, Path generating) throws java.io.IOException {
        if (!Files.isDirectory(dir) || Files.exists(marker) || Files.exists(generating)) {
            return;
        }
        try (java.util.stream.Stream<Path> entries = Files.list(dir)) {
            List<String> names = entries.map(p -> p.getFileName().toString()).sorted().limit(4).toList();
            if (!names.isEmpty()) {
                throw new dev.tracer.model.InvalidInputException("--data-dir " + dir + ": holds other files ("
                        + String.join(", ", names.subList(0, Math.min(3, names.size()))) + (names.size() > 3 ? ", …" : "")
                        + ") and no " + MARKER + ", so it is not benchmark data to replace; give a new or empty directory");
            }
        }
    }

    /**
     * The data a complete marker describes, when it is for {@code want}'s size and seed and every
     * file still has the length the marker recorded; empty otherwise. Regression: a file cut short
     * at a row boundary after the data was made was reused, and the run measured fewer transfers
     * than its header said. Markers from before the lengths were recorded mean generating again.
     */
    private Optional<TransferDataGenerator.Generated> reusable(Path dir, Path marker, String want) throws java.io.IOException {
        if (!Files.isRegularFile(marker)) {
            return Optional.empty();
        }
        String text = Files.readString(marker);
        if (!text.startsWith(want)) {
            return Optional.empty();
        }
        String[] lines = text.split("\n");
        try {
            // the generator writes about as many transfers as asked (1,000,016 for 1M)
            TransferDataGenerator.Generated g = new TransferDataGenerator.Generated(dir, Long.parseLong(value(lines, "generated")),
                    Long.parseLong(value(lines, "transactions")), Long.parseLong(value(lines, "token_transfers")),
                    Integer.parseInt(value(lines, "addresses")), List.of(), List.of(), 0, 0);
            for (String f : TransferDataGenerator.FILES) {
                long recorded = Long.parseLong(value(lines, "bytes." + f));
                Path file = dir.resolve(f);
                long now = Files.isRegularFile(file) ? Files.size(file) : -1;
                if (now != recorded) {
                    progress.accept(String.format(Locale.ROOT, "%s %s, the marker says %,d bytes: generating again", file,
                            now < 0 ? "is missing" : String.format(Locale.ROOT, "has %,d bytes", now), recorded));
                    return Optional.empty();
                }
            }
            return Optional.of(g);
        } catch (IllegalStateException | NumberFormatException e) {
            progress.accept(marker + " is incomplete (" + e.getMessage() + "): generating again");
            return Optional.empty();
        }
    }

    private static String value(String[] lines, String key) {
        for (String l : lines) {
            if (l.startsWith(key + "=")) {
                return l.substring(key.length() + 1);
            }
        }
        throw new IllegalStateException("no " + key);
    }

    private List<String> header(TransferDataGenerator.Generated data) {
        Runtime rt = Runtime.getRuntime();
        return List.of(
                String.format(Locale.ROOT, "tracer bench: %,d transfers (%,d transactions, %,d token transfers, ~%,d addresses), seed %d",
                        data.transfers(), data.transactions(), data.tokenTransfers(), data.addresses(), config.seed()),
                String.format(Locale.ROOT, "medians of %d repetitions after %d warm-up%s, measures interleaved; ratios against baselines of the same run",
                        config.repetitions(), config.warmups(), config.warmups() == 1 ? "" : "s"),
                String.format(Locale.ROOT, "machine: %s %s, %d cores, max heap %,d MiB; JDK %s %s; date %s",
                        System.getProperty("os.name"), System.getProperty("os.arch"), rt.availableProcessors(),
                        rt.maxMemory() >> 20, System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                        LocalDate.now(wallClock)));
    }

    // ---- (a) ingest and (c) memory ----

    private record Loaded(Dataset dataset, Graph<String, JGraphTBaseline.TransferEdge> object) {
    }

    private Loaded ingestAndMemory(Path dir) {
        boolean ingest = config.sections().contains(Section.INGEST);
        boolean memory = config.sections().contains(Section.MEMORY);
        double[] parse = new double[config.repetitions()];
        double[] tracer = new double[config.repetitions()];
        double[] jgrapht = new double[config.repetitions()];
        long edges = 0;
        for (int rep = 0; ingest && rep < config.warmups() + config.repetitions(); rep++) {
            int at = rep - config.warmups();
            for (int k = 0; k < 3; k++) {
                int which = (k + rep) % 3;
                heap.usedHeapAfterGc(); // each measure starts from a collected heap holding no graph
                long t0 = clock.nanoTime();
                String what;
                long size;
                if (which == 0) {
                    size = parseOnly(dir);
                    what = "parse only";
                } else if (which == 1) {
                    size = new EtlCsvReader(registry).read(dir).graph().edgeCount();
                    edges = size;
                    what = "tracer";
                } else {
                    size = JGraphTBaseline.load(dir).edgeSet().size();
                    what = "JGraphT";
                }
                double s = seconds(clock.nanoTime() - t0);
                double[] into = which == 0 ? parse : which == 1 ? tracer : jgrapht;
                if (at >= 0) {
                    into[at] = s;
                }
                progress.accept(String.format(Locale.ROOT, "ingest rep %d: %s %.2f s (%,d)", rep, what, s, size));
            }
        }
        // the graphs kept for the trace section, loaded once more with the heap measured around each
        long base = heap.liveBytes();
        long baseDirect = heap.directBytes();
        Dataset dataset = new EtlCsvReader(registry).read(dir);
        long heapGraph = heap.liveBytes() - base;
        long direct = heap.directBytes() - baseDirect;
        edges = dataset.graph().edgeCount();
        Graph<String, JGraphTBaseline.TransferEdge> object = null;
        long heapObject = 0;
        if (memory || config.sections().contains(Section.TRACE)) {
            base = heap.liveBytes();
            object = JGraphTBaseline.load(dir);
            heapObject = heap.liveBytes() - base;
        }
        if (ingest) {
            double rate = edges / Samples.of(tracer).median();
            double parseRate = edges / Samples.of(parse).median();
            double jRate = edges / Samples.of(jgrapht).median();
            rows.add(info(INGEST, "tracer: CSV to TransferGraph", rate, "transfers/s"));
            rows.add(ratio(INGEST, "tracer: CSV to TransferGraph", rate, "transfers/s", "parse only", rate / parseRate, 0.5));
            rows.add(ratio(INGEST, "tracer: CSV to TransferGraph", rate, "transfers/s", "JGraphT load", rate / jRate, 3.0));
            rows.add(info(INGEST, "baseline: parse only (Jackson CSV)", parseRate, "transfers/s"));
            rows.add(info(INGEST, "baseline: JGraphT DirectedWeightedPseudograph", jRate, "transfers/s"));
        }
        if (memory) {
            double perTransfer = (double) heapGraph / edges;
            double perObject = (double) heapObject / edges;
            rows.add(new BenchReport.Row(MEMORY, "tracer: heap per transfer", perTransfer, "bytes", "", Double.NaN, "≤ 48",
                    perTransfer <= 48 ? BenchReport.Verdict.HOLDS : BenchReport.Verdict.MISSED,
                    String.format(Locale.ROOT, "live heap objects (class histogram): %,d bytes for %,d transfers and %,d addresses",
                            heapGraph, edges, dataset.graph().addressCount())));
            rows.add(info(MEMORY, "tracer: off-heap per transfer", (double) direct / edges, "bytes"));
            rows.add(new BenchReport.Row(MEMORY, "baseline: JGraphT heap per transfer", perObject, "bytes", "tracer",
                    perObject / perTransfer, "", BenchReport.Verdict.INFO, ""));
        }
        return new Loaded(dataset, object);
    }

    /**
     * Parses the files the reader reads (every cell of every row, as the reader's parser does) and
     * keeps nothing but a count of the rows: the I/O and parse limit.
     */
    private static long parseOnly(Path dir) {
        long[] rows = {0};
        for (String f : new String[] {"transactions.csv", "token_transfers.csv", "tokens.csv", "traces.csv", "blocks.csv"}) {
            Path p = dir.resolve(f);
            if (Files.exists(p)) {
                CsvRows.read(p, List.of(), row -> rows[0]++);
            }
        }
        return rows[0];
    }

    // ---- (b) trace ----

    /**
     * {@code config.starts()} distinct start addresses, drawn uniformly with the seed among the
     * unlabelled addresses that sent ETH (as a theft address is: an ordinary account, not a hub).
     */
    private List<Integer> starts(TransferGraph g, LabelStore labels) {
        return SideBySideRunner.startAddresses(g, labels, config.seed(), config.starts());
    }

    private void trace(Dataset dataset, Graph<String, JGraphTBaseline.TransferEdge> object, LabelStore labels,
                       List<Integer> starts) {
        TransferGraph g = dataset.graph();
        FakeTokenClassifier classifier = new FakeTokenClassifier(registry);
        boolean[] stop = new boolean[g.addressCount()];
        Set<String> stops = new HashSet<>();
        Set<Category> stopAt = TracePolicy.builder().build().stopAt(); // where the tracer stops by default
        for (int a = 0; a < g.addressCount(); a++) {
            Address addr = g.address(a);
            if (labels.best(addr).map(l -> stopAt.contains(l.category())).orElse(false)) {
                stop[a] = true;
                stops.add(addr.value());
            }
        }
        List<String> names = new ArrayList<>();
        List<LongSupplier[]> runs = new ArrayList<>(); // per measure: one supplier per start, returning edges visited
        List<Runnable> fresh = new ArrayList<>(); // per measure: run before each repetition of it
        for (String model : MODELS) {
            for (int h : HOPS) {
                // a new Tracer for every repetition: what a tracer learns about hubs (its memo) is
                // shared by the 100 traces of one repetition, as in one session, never carried over
                Tracer[] tracer = {null};
                fresh.add(() -> tracer[0] = Tracer.builder().dataset(dataset).labels(labels).classifier(classifier)
                        .model(TaintModel.named(model)).policy(TracePolicy.builder().maxHops(h).build()).build());
                LongSupplier[] s = new LongSupplier[starts.size()];
                for (int i = 0; i < s.length; i++) {
                    Seed seed = Seed.address(g.address(starts.get(i)));
                    s[i] = () -> tracer[0].trace(List.of(seed), Direction.FORWARD).stats().edgesScanned();
                }
                names.add(model + " " + h + " hops");
                runs.add(s);
            }
        }
        for (int h : HOPS) {
            names.add("csr " + h);
            runs.add(fromEachStart(starts, new CsrWalk(g, stop, h, TracePolicy.DEFAULT_FAN_OUT_CAP)::walk));
        }
        for (int h : HOPS) {
            LongSupplier[] s = new LongSupplier[starts.size()];
            for (int i = 0; i < s.length; i++) {
                String a = g.address(starts.get(i)).value();
                s[i] = () -> JGraphTBaseline.walk(object, a, stops, h, TracePolicy.DEFAULT_FAN_OUT_CAP);
            }
            names.add("jgrapht " + h);
            runs.add(s);
        }
        for (int h : HOPS) {
            names.add("chain-order " + h);
            runs.add(fromEachStart(starts, new ChainOrderWalk(g, stop, h, TracePolicy.DEFAULT_FAN_OUT_CAP)::walk));
        }
        int m = runs.size();
        double[][] rate = new double[m][config.repetitions()];
        List<List<Double>> latencies = new ArrayList<>();
        long[] visitedTotal = new long[m];
        for (int i = 0; i < m; i++) {
            latencies.add(new ArrayList<>());
        }
        for (int rep = 0; rep < config.warmups() + config.repetitions(); rep++) {
            int at = rep - config.warmups();
            for (int k = 0; k < m; k++) {
                int which = (k + rep) % m;
                if (which < fresh.size()) {
                    fresh.get(which).run();
                }
                long visited = 0;
                long nanos = 0;
                for (LongSupplier s : runs.get(which)) {
                    long t0 = clock.nanoTime();
                    long v = s.getAsLong();
                    long dt = clock.nanoTime() - t0;
                    visited += v;
                    nanos += dt;
                    if (at >= 0) {
                        latencies.get(which).add(dt / 1e6);
                    }
                }
                if (at >= 0) {
                    rate[which][at] = visited / Math.max(1e-9, seconds(nanos));
                    visitedTotal[which] = visited;
                }
                progress.accept(String.format(Locale.ROOT, "trace rep %d: %s: %.2f s, %,d edges", rep, names.get(which),
                        seconds(nanos), visited));
            }
        }
        // fewer qualifying addresses than asked: the rates stay comparable, but the table must say so
        rows.add(new BenchReport.Row(TRACE, "start addresses", starts.size(), "addresses", "", Double.NaN, "",
                BenchReport.Verdict.INFO, starts.size() < config.starts()
                        ? String.format(Locale.ROOT, "only %,d of the %,d asked were found among the unlabelled addresses"
                                + " that sent ETH", starts.size(), config.starts())
                        : String.format(Locale.ROOT, "drawn with seed %d among the unlabelled addresses that sent ETH",
                                config.seed())));
        int csr = MODELS.length * HOPS.length;
        for (int i = 0; i < csr; i++) {
            int hi = i % HOPS.length;
            String name = names.get(i);
            Samples lat = Samples.of(latencies.get(i).stream().mapToDouble(Double::doubleValue).toArray());
            double r = Samples.of(rate[i]).median();
            double rc = Samples.of(rate[csr + hi]).median();
            double rj = Samples.of(rate[csr + HOPS.length + hi]).median();
            rows.add(info(TRACE, name + ": p50 latency", lat.median(), "ms"));
            rows.add(info(TRACE, name + ": p99 latency", lat.percentile(99), "ms"));
            rows.add(new BenchReport.Row(TRACE, name + ": edges visited per trace", (double) visitedTotal[i] / starts.size(),
                    "edges", "", Double.NaN, "", BenchReport.Verdict.INFO, ""));
            rows.add(ratio(TRACE, name + ": edges visited/s", r, "edges/s", "CSR walk " + HOPS[hi] + " hops", r / rc, 0.5));
            rows.add(ratio(TRACE, name + ": edges visited/s", r, "edges/s", "JGraphT walk " + HOPS[hi] + " hops", r / rj, 10.0));
            double ro = Samples.of(rate[csr + 2 * HOPS.length + hi]).median();
            rows.add(new BenchReport.Row(TRACE, name + ": edges visited/s", r, "edges/s", "chain-order walk " + HOPS[hi] + " hops",
                    r / ro, "", BenchReport.Verdict.INFO, ""));
        }
        for (int hi = 0; hi < HOPS.length; hi++) {
            rows.add(info(TRACE, "baseline: CSR walk " + HOPS[hi] + " hops: edges visited/s",
                    Samples.of(rate[csr + hi]).median(), "edges/s"));
            rows.add(info(TRACE, "baseline: CSR walk " + HOPS[hi] + " hops: edges visited per walk",
                    (double) visitedTotal[csr + hi] / starts.size(), "edges"));
            rows.add(info(TRACE, "baseline: JGraphT walk " + HOPS[hi] + " hops: edges visited/s",
                    Samples.of(rate[csr + HOPS.length + hi]).median(), "edges/s"));
            rows.add(info(TRACE, "baseline: JGraphT walk " + HOPS[hi] + " hops: edges visited per walk",
                    (double) visitedTotal[csr + HOPS.length + hi] / starts.size(), "edges"));
            // diagnostic: the order of work exact taint needs, with no accounting (no target)
            double ro = Samples.of(rate[csr + 2 * HOPS.length + hi]).median();
            rows.add(new BenchReport.Row(TRACE, "baseline: chain-order walk " + HOPS[hi] + " hops: edges visited/s", ro,
                    "edges/s", "CSR walk " + HOPS[hi] + " hops", ro / Samples.of(rate[csr + hi]).median(), "",
                    BenchReport.Verdict.INFO, ""));
            rows.add(info(TRACE, "baseline: chain-order walk " + HOPS[hi] + " hops: edges visited per walk",
                    (double) visitedTotal[csr + 2 * HOPS.length + hi] / starts.size(), "edges"));
        }
        for (int hi = 0; hi < HOPS.length; hi++) {
            double rc = Samples.of(rate[csr + hi]).median();
            double rj = Samples.of(rate[csr + HOPS.length + hi]).median();
            double ro = Samples.of(rate[csr + 2 * HOPS.length + hi]).median();
            rows.addAll(targetBounds(HOPS[hi], rc, rj, ro));
        }
    }

    /**
     * What the two trace targets ask for at {@code hops}, set against the chain-order walk (median
     * edges/s {@code chainOrder}), which takes the transfers an exact time-respecting trace must
     * take, in the order it must take them, and does no accounting: a target above 1× of it cannot
     * be met by any engine that does that walk and anything more. Info rows; no verdict.
     */
    static List<BenchReport.Row> targetBounds(int hops, double csr, double jgrapht, double chainOrder) {
        List<BenchReport.Row> out = new ArrayList<>();
        String versus = "chain-order walk " + hops + " hops";
        double half = 0.5 * csr;
        double ten = 10.0 * jgrapht;
        out.add(new BenchReport.Row(TRACE, "target: 0.5× CSR walk " + hops + " hops", half, "edges/s", versus,
                half / chainOrder, "", BenchReport.Verdict.INFO, bound(half / chainOrder)));
        out.add(new BenchReport.Row(TRACE, "target: 10× JGraphT walk " + hops + " hops", ten, "edges/s", versus,
                ten / chainOrder, "", BenchReport.Verdict.INFO,
                bound(ten / chainOrder) + String.format(Locale.ROOT, "; it is %.2f× the CSR walk itself", ten / csr)));
        return out;
    }

    private static String bound(double ofChainOrder) {
        return ofChainOrder > 1.0
                ? String.format(Locale.ROOT, "asks for %.2f× the speed of the chain-order walk, which does no accounting:"
                        + " out of reach for an exact trace that must take those transfers in chain order", ofChainOrder)
                : String.format(Locale.ROOT, "asks for %.0f%% of the chain-order walk's speed: accounting, replays and"
                        + " evidence at most %.2f× the walk's own cost per edge on top of it", 100 * ofChainOrder,
                        1 / ofChainOrder - 1);
    }

    /** One supplier per start address, each running {@code walk} from it and returning the edges it visited. */
    private static LongSupplier[] fromEachStart(List<Integer> starts, java.util.function.IntToLongFunction walk) {
        LongSupplier[] s = new LongSupplier[starts.size()];
        for (int i = 0; i < s.length; i++) {
            int a = starts.get(i);
            s[i] = () -> walk.applyAsLong(a);
        }
        return s;
    }

    // ---- (d) requests ----

    private void requests() {
        String target = "repeat 0, overlap ≤ 0.55× cold";
        if (config.rpc().isEmpty()) {
            rows.add(new BenchReport.Row(REQUESTS, "live trace node requests", Double.NaN, "requests", "", Double.NaN,
                    target, BenchReport.Verdict.NOT_RUN, "give --rpc URL of a local anvil node to run this section"));
            return;
        }
        RequestBench.Result r = new RequestBench(config.rpc().get(), REQUEST_FAN_OUT, REQUEST_DEPTH, progress).run();
        String scenario = String.format(Locale.ROOT,
                "branching scenario (fan-out %d, depth %d) on %s: the traces reach %d and %d addresses, %d shared",
                REQUEST_FAN_OUT, REQUEST_DEPTH, config.rpc().get(), r.reached1(), r.reached2(), r.shared());
        rows.add(new BenchReport.Row(REQUESTS, "cold live trace", r.cold(), "requests", "", Double.NaN, "", BenchReport.Verdict.INFO,
                scenario));
        rows.add(new BenchReport.Row(REQUESTS, "same trace repeated", r.repeated(), "requests", "", Double.NaN, "= 0",
                verdict(r.repeated() == 0), ""));
        rows.add(new BenchReport.Row(REQUESTS, "50%-overlapping trace", r.overlapping(), "requests", "cold trace",
                r.overlapRatio(), "≤ 0.55×", verdict(r.overlapRatio() <= 0.55), ""));
    }

    // ---- (e) export ----

    private void export(Dataset dataset, LabelStore labels, List<Integer> starts) {
        TransferGraph g = dataset.graph();
        List<Seed> seeds = new ArrayList<>();
        for (int a : starts) {
            seeds.add(Seed.address(g.address(a)));
        }
        long t0 = clock.nanoTime();
        TraceResult result = Tracer.builder().dataset(dataset).labels(labels).classifier(new FakeTokenClassifier(registry))
                .model(TaintModel.named("haircut")).policy(TracePolicy.builder().maxHops(6).build()).build()
                .trace(seeds, Direction.FORWARD);
        int edges = result.transfers().size();
        // a result makes its values when first read: make them all now, so that the export rows
        // time writing and its extra heap, not the trace's value making (whichever writer came first)
        long made = 0;
        for (List<?> l : List.of(result.nodes(), result.transfers(), result.endpoints(), result.unexplained(), result.gaps(),
                result.poisoning(), result.calls())) {
            made += l.stream().filter(java.util.Objects::nonNull).count();
        }
        progress.accept(String.format(Locale.ROOT, "export: traced %d seeds in %.1f s: %,d nodes, %,d edges, %,d values",
                seeds.size(), seconds(clock.nanoTime() - t0), result.nodes().size(), edges, made));
        GexfWriter gexf = new GexfWriter();
        PlainGexfWriter plain = new PlainGexfWriter();
        Graph<String, JGraphTBaseline.TransferEdge> object = JGraphTBaseline.ofResult(result);
        String[] names = {"tracer GexfWriter", "plain XMLStreamWriter", "JGraphT GEXFExporter"};
        double[][] rate = new double[3][config.repetitions()];
        long[] chars = new long[3];
        for (int rep = 0; rep < config.warmups() + config.repetitions(); rep++) {
            int at = rep - config.warmups();
            for (int k = 0; k < 3; k++) {
                int which = (k + rep) % 3;
                CountingWriter out = new CountingWriter();
                long s0 = clock.nanoTime();
                switch (which) {
                    case 0 -> gexf.write(result, out);
                    case 1 -> plain.write(result, out);
                    default -> JGraphTBaseline.exportGexf(object, out);
                }
                double s = seconds(clock.nanoTime() - s0);
                chars[which] = out.chars();
                if (at >= 0) {
                    rate[which][at] = edges / Math.max(1e-9, s);
                }
                progress.accept(String.format(Locale.ROOT, "export rep %d: %s %.2f s, %,d chars", rep, names[which], s, out.chars()));
            }
        }
        object = null;
        // extra heap: the heap retained while each export runs, sampled (after full GCs) about eight times
        long[] extra = new long[3];
        for (int which = 0; which < 3; which++) {
            long base = heap.liveBytes();
            long[] peak = {base};
            CountingWriter probe = new CountingWriter(Math.max(1, chars[which] / 8),
                    () -> peak[0] = Math.max(peak[0], heap.liveBytes()));
            switch (which) {
                case 0 -> gexf.write(result, probe);
                case 1 -> plain.write(result, probe);
                default -> {
                    Graph<String, JGraphTBaseline.TransferEdge> copy = JGraphTBaseline.ofResult(result);
                    JGraphTBaseline.exportGexf(copy, probe);
                    Reference.reachabilityFence(copy);
                }
            }
            extra[which] = Math.max(0, peak[0] - base);
        }
        double r = Samples.of(rate[0]).median();
        double rp = Samples.of(rate[1]).median();
        double rj = Samples.of(rate[2]).median();
        rows.add(new BenchReport.Row(EXPORT, "tracer GexfWriter: edges/s", r, "edges/s", "plain XMLStreamWriter", r / rp,
                "≥ 0.50×", verdict(r / rp >= 0.5), String.format(Locale.ROOT,
                        "a haircut trace of 6 hops from %d seeds: %,d nodes, %,d edges, %,d characters of GEXF",
                        seeds.size(), result.nodes().size(), edges, chars[0])));
        rows.add(new BenchReport.Row(EXPORT, "tracer GexfWriter: edges/s", r, "edges/s", "JGraphT GEXFExporter", r / rj, "",
                BenchReport.Verdict.INFO, ""));
        rows.add(new BenchReport.Row(EXPORT, "tracer GexfWriter: extra heap", extra[0], "bytes", "", Double.NaN,
                "O(result nodes), not O(graph)", BenchReport.Verdict.INFO,
                String.format(Locale.ROOT, "%.1f bytes per exported edge; the graph has %,d transfers",
                        (double) extra[0] / Math.max(1, edges), g.edgeCount())));
        rows.add(info(EXPORT, "baseline: plain XMLStreamWriter: edges/s", rp, "edges/s"));
        rows.add(info(EXPORT, "baseline: plain XMLStreamWriter: extra heap", extra[1], "bytes"));
        rows.add(info(EXPORT, "baseline: JGraphT GEXFExporter: edges/s", rj, "edges/s"));
        rows.add(info(EXPORT, "baseline: JGraphT GEXFExporter: extra heap", extra[2], "bytes"));
        Reference.reachabilityFence(result);
    }

    // ---- helpers ----

    private static BenchReport.Row info(String section, String measure, double value, String unit) {
        return new BenchReport.Row(section, measure, value, unit, "", Double.NaN, "", BenchReport.Verdict.INFO, "");
    }

    private static BenchReport.Row ratio(String section, String measure, double value, String unit, String versus,
                                         double ratio, double atLeast) {
        return new BenchReport.Row(section, measure, value, unit, versus, ratio,
                String.format(Locale.ROOT, "≥ %.2f×", atLeast), verdict(ratio >= atLeast), "");
    }

    private static BenchReport.Verdict verdict(boolean holds) {
        return holds ? BenchReport.Verdict.HOLDS : BenchReport.Verdict.MISSED;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
