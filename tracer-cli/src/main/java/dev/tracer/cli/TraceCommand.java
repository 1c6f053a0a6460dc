package dev.tracer.cli;

import dev.tracer.assets.AssetRegistry;
import dev.tracer.assets.FakeTokenClassifier;
import dev.tracer.detect.Detectors;
import dev.tracer.detect.DexSwapContinuity;
import dev.tracer.detect.KnownContracts;
import dev.tracer.graph.TransferGraph;
import dev.tracer.incident.Incident;
import dev.tracer.incident.IncidentCatalog;
import dev.tracer.incident.IncidentTracer;
import dev.tracer.label.Category;
import dev.tracer.label.LabelPacks;
import dev.tracer.label.LabelStore;
import dev.tracer.model.Address;
import dev.tracer.model.Asset;
import dev.tracer.model.Chain;
import dev.tracer.model.InvalidInputException;
import dev.tracer.model.TxHash;
import dev.tracer.report.GexfWriter;
import dev.tracer.report.ReportJsonWriter;
import dev.tracer.report.SafeText;
import dev.tracer.report.TextSummary;
import dev.tracer.source.Dataset;
import dev.tracer.source.SourceException;
import dev.tracer.source.SourceStats;
import dev.tracer.source.evm.EvmRpcSource;
import dev.tracer.source.rpc.RpcStack;
import dev.tracer.source.etl.EtlCsvReader;
import dev.tracer.trace.ExpandingTrace;
import dev.tracer.trace.Seed;
import dev.tracer.trace.TaintModel;
import dev.tracer.trace.TracePolicy;
import dev.tracer.trace.TraceResult;
import dev.tracer.trace.Tracer;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tracer trace}: follow funds from seeds through a bundled incident or a data directory. */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = {"Follows funds from seed addresses or transactions and says where they are now.",
            "Prints a summary on stdout; with --out writes report.json and graph.gexf (GEXF 1.3, for Gephi).",
            "Live sources (--rpc, --replay) also write source.json: node calls made, cache hits, bytes."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.L0, ExitCodes.L1, ExitCodes.L2, ExitCodes.L3, ExitCodes.L5})
final class TraceCommand implements Callable<Integer> {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TraceCommand.class);

    @Spec
    CommandSpec spec;

    @Mixin
    Verbosity verbosity;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    static final class Input {
        @Option(names = "--incident", paramLabel = "ID", description = "A catalogued incident (see 'tracer incidents'): its seeds and bundled data.")
        String incident;

        @Option(names = "--data", paramLabel = "DIR", description = "A directory in the ethereum-etl CSV schema (transactions.csv, token_transfers.csv, traces.csv, tokens.csv, blocks.csv, dataset.json).")
        Path data;

        @Option(names = "--rpc", paramLabel = "URL", description = "Trace live from an EVM JSON-RPC node (trace_filter on Erigon, Nethermind, Reth, anvil; a block scan on geth). An API key in the URL is never shown.")
        String rpc;

        @Option(names = "--replay", paramLabel = "PATH", description = "Trace from a recording made with --record: every node call is answered from it, no network; a call not in it is an error naming it (EVM: a directory; Bitcoin: a file).")
        Path replay;

        @Option(names = "--blocks", paramLabel = "PATH", description = "Bitcoin: blk*.dat files of a Bitcoin Core data directory, or the directory (repeatable).")
        List<Path> blocks;

        @Option(names = "--esplora", paramLabel = "URL", description = "Bitcoin: an Esplora REST API (the API of mempool.space and blockstream.info).")
        String esplora;

        /** The Bitcoin sources given: --rpc and --replay count only with --chain bitcoin. */
        BitcoinSources.Given bitcoin(boolean bitcoinChain) {
            return new BitcoinSources.Given(blocks == null ? List.of() : List.copyOf(blocks),
                    bitcoinChain ? rpc : null, esplora, bitcoinChain ? replay : null);
        }
    }

    @Mixin
    BitcoinOptions bitcoinOptions;

    @Mixin
    PolicyOptions policyOptions;

    @Option(names = "--chain", paramLabel = "CHAIN", description = "ethereum, bitcoin or an EVM chain id such as 137. With --rpc or --replay it says which node it is (EVM nodes are checked against eth_chainId); --blocks and --esplora are Bitcoin.")
    String chain;

    @Option(names = "--record", paramLabel = "DIR", description = "With --rpc: write every node call the trace needed and its answer into DIR (one file per call) for --replay.")
    Path record;

    @Option(names = "--cache", paramLabel = "DIR", description = "With --rpc: a persistent cache of node answers; a repeated or overlapping trace asks the node only for what it has not seen.")
    Path cache;

    @Option(names = "--rate-limit", paramLabel = "N", defaultValue = "10", description = "With --rpc: most node calls per second (default: ${DEFAULT-VALUE}); batches count per call.")
    double rateLimit;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "5", description = "With --rpc: retries of a call after HTTP 429, 5xx, a timeout or a bad answer, with exponential backoff and jitter (default: ${DEFAULT-VALUE}); then exit 3.")
    int retries;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30", description = "With --rpc: seconds to wait for one answer (default: ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    @Option(names = "--from-block", paramLabel = "N", defaultValue = "0", description = "With --rpc/--replay: first block to fetch (default: ${DEFAULT-VALUE}).")
    long fromBlock;

    @Option(names = "--to-block", paramLabel = "N", description = "With --rpc/--replay: last block to fetch (default: the node's head). Pinning it makes a repeated trace need no node call at all.")
    Long toBlock;

    @Option(names = "--max-addresses", paramLabel = "N", defaultValue = "10000", description = "With --rpc/--replay: most addresses fetched (default: ${DEFAULT-VALUE}); the rest stay frontiers and a warning says so.")
    int maxAddresses;

    @Option(names = {"-q", "--quiet"}, description = "No progress lines on stderr (live traces print them by default).")
    boolean quiet;

    @Option(names = {"-a", "--address"}, paramLabel = "ADDR", description = "Seed address (repeatable). With --incident, replaces the incident's seeds. Bitcoin: an address (its outputs become the seeds) or an output TXID:VOUT.")
    List<String> addresses = new ArrayList<>();

    @Option(names = "--tx", paramLabel = "HASH", description = "Seed transaction: its transfers count as stolen (repeatable).")
    List<String> txs = new ArrayList<>();

    @Option(names = "--coverage", paramLabel = "full|seeds", description = "For --data without dataset.json: 'full' if the files are a complete export of their block range, 'seeds' if only the seeds' outflows are complete.")
    String coverage;

    @Option(names = "--asset", paramLabel = "SYMBOL|CONTRACT", description = "Trace only this asset (repeatable): ETH, a genuine token's symbol or its contract.")
    List<String> assets = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Write report.json and graph.gexf into DIR (all or nothing).")
    Path out;

    @Option(names = "--top", paramLabel = "N", defaultValue = "20", description = "Endpoints listed per asset in the summary, 0 for all (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--fixtures", paramLabel = "DIR", description = "The fixtures directory (default: found from the checkout).")
    Path fixtures;

    @Override
    public Integer call() {
        if (top < 0) { // checked before any data is read: the summary comes after the trace and the files
            throw new InvalidInputException("--top must be 0 (all) or more, got " + top);
        }
        AtomicOutput.requireDirectoryTarget(out); // likewise: the files are written after the trace
        Optional<Chain> asked = Optional.ofNullable(chain).map(c -> {
            try {
                return Chain.parse(c);
            } catch (InvalidInputException e) {
                throw InvalidInputException.at("--chain", e);
            }
        });
        BitcoinSources.Given given = input.bitcoin(asked.map(c -> !c.isEvm()).orElse(false));
        if (given.any()) {
            if (asked.isPresent() && asked.get().isEvm()) {
                throw new InvalidInputException("--chain " + asked.get() + ": --blocks and --esplora are Bitcoin sources");
            }
            return bitcoin(given);
        }
        if (asked.isPresent() && !asked.get().isEvm()) {
            throw new InvalidInputException("--chain bitcoin needs a Bitcoin source: --blocks, --rpc, --esplora or --replay");
        }
        AssetRegistry registry = policyOptions.tokens == null ? AssetRegistry.bundled() : AssetRegistry.bundled().withCsv(policyOptions.tokens);
        if (input.rpc != null || input.replay != null) {
            return live(registry);
        }
        for (Object[] o : new Object[][] {{"--chain", chain}, {"--record", record}, {"--cache", cache}, {"--to-block", toBlock},
            {"--from-block", fromBlock == 0 ? null : fromBlock}}) {
            if (o[1] != null) {
                throw new InvalidInputException(o[0] + " needs --rpc (or --replay)");
            }
        }
        EtlCsvReader reader = new EtlCsvReader(registry);
        Dataset dataset;
        List<Seed> seeds = new ArrayList<>();
        if (input.incident != null) {
            Incident inc = IncidentCatalog.read(Fixtures.locate(fixtures).resolve("incidents")).get(input.incident);
            dataset = IncidentTracer.bundledData(inc, reader);
            if (addresses.isEmpty() && txs.isEmpty()) {
                seeds.addAll(IncidentTracer.seeds(inc));
            }
        } else {
            Optional<EtlCsvReader.AssumedCoverage> assumed = Optional.ofNullable(coverage).map(TraceCommand::coverage);
            List<Address> seedAddrs = addresses.stream().map(a -> parseAddress(Chain.ETHEREUM, a)).toList();
            dataset = reader.read(input.data, assumed, seedAddrs);
        }
        Chain chain = dataset.chain();
        for (String a : addresses) {
            seeds.add(Seed.address(parseAddress(chain, a)));
        }
        for (String t : txs) {
            seeds.add(Seed.tx(parseTx(chain, t)));
        }
        if (seeds.isEmpty()) {
            throw new InvalidInputException("no seeds: give --address or --tx");
        }
        LabelStore labels = KnownContracts.addTo(policyOptions.noBundledLabels ? LabelStore.empty() : bundledLabels(chain), registry);
        for (Path f : policyOptions.labelFiles) {
            labels = labels.withCsv(f);
        }
        TracePolicy policy = policy(assetsIn(dataset.graph()), registry);
        IncidentTracer.Builder tracer = IncidentTracer.builder()
                .registry(registry)
                .labels(labels)
                .model(policyOptions.taintModel())
                .policy(policy)
                .direction(policyOptions.direction());
        if (policyOptions.noSwaps) {
            tracer.noSwaps();
        } else {
            tracer.swaps(policyOptions.swaps().orElseThrow());
        }
        TraceResult result = tracer.build().trace(dataset, seeds);
        return render(result, null);
    }

    /** --rpc / --replay: the live EVM source through the expanding trace. */
    private Integer live(AssetRegistry registry) {
        PrintWriter err = spec.commandLine().getErr();
        Consumer<String> progress = quiet ? s -> { } : s -> {
            err.println("tracer: " + s);
            err.flush();
        };
        RpcStack.Builder sb = input.rpc != null ? RpcStack.live("--rpc", input.rpc) : RpcStack.replay(input.replay);
        if (input.rpc != null) {
            if (retries < 0 || retries > 100) {
                throw new InvalidInputException("--retries must be between 0 and 100, got " + retries);
            }
            if (!(timeoutSeconds > 0) || timeoutSeconds > 3600) {
                throw new InvalidInputException("--timeout must be between 0 and 3600 seconds, got " + timeoutSeconds);
            }
            sb.rateLimit(rateLimit).maxAttempts(retries + 1)
                    .timeout(java.time.Duration.ofMillis(Math.max(1, Math.round(timeoutSeconds * 1000))));
            if (cache != null) {
                sb.cacheDir(cache);
            }
            if (record != null) {
                sb.record(record);
            }
        } else if (record != null || cache != null) {
            throw new InvalidInputException((record != null ? "--record" : "--cache") + " cannot be used with --replay");
        }
        if (maxAddresses < 1) {
            throw new InvalidInputException("--max-addresses must be at least 1, got " + maxAddresses);
        }
        RpcStack stack = sb.build();
        EvmRpcSource.Builder eb = EvmRpcSource.builder(stack).fromBlock(fromBlock).progress(progress);
        if (chain != null) {
            try {
                eb.chain(Chain.parse(chain));
            } catch (InvalidInputException e) {
                throw InvalidInputException.at("--chain", e);
            }
        }
        if (toBlock != null) {
            eb.toBlock(toBlock);
        }
        EvmRpcSource source = eb.build();
        Chain c = source.chain();
        progress.accept(source.description() + " at " + stack.endpoint());
        List<Seed> seeds = new ArrayList<>();
        for (String a : addresses) {
            seeds.add(Seed.address(parseAddress(c, a)));
        }
        for (String t : txs) {
            seeds.add(Seed.tx(parseTx(c, t)));
        }
        if (seeds.isEmpty()) {
            throw new InvalidInputException("no seeds: give --address or --tx");
        }
        LabelStore labels = KnownContracts.addTo(policyOptions.noBundledLabels ? LabelStore.empty() : bundledLabels(c), registry);
        for (Path f : policyOptions.labelFiles) {
            labels = labels.withCsv(f);
        }
        List<Asset> known = new ArrayList<>();
        known.add(Asset.nativeOf(c));
        known.addAll(registry.tokens(c));
        TracePolicy policy = policy(known, registry);
        LabelStore l = labels;
        FakeTokenClassifier classifier = new FakeTokenClassifier(registry);
        TaintModel taint = policyOptions.taintModel();
        DexSwapContinuity swaps = policyOptions.swaps().map(w -> new DexSwapContinuity(registry, l, w)).orElse(null);
        ExpandingTrace.Outcome traced = new ExpandingTrace(source, d -> {
            Tracer.Builder t = Tracer.builder().dataset(d).labels(l).classifier(classifier).model(taint).policy(policy);
            if (swaps != null) {
                t.swaps(swaps);
            }
            return t.build();
        }, maxAddresses, progress, System::nanoTime)
                .bridges(a -> l.labels(a).stream().anyMatch(x -> x.category() == dev.tracer.label.Category.BRIDGE))
                .traceWithData(seeds, policyOptions.direction());
        TraceResult result = Detectors.standard().apply(traced.result(), traced.dataset(), l, classifier);
        SourceStats stats = source.stats();
        progress.accept("node calls: " + stats.summary());
        return render(result, new SourceReport(source.description(), stack.endpoint(), stats));
    }

    /** What a live source did, written beside the report as source.json (it depends on the caches' state). */
    private record SourceReport(String description, String endpoint, SourceStats stats) {
        void write(java.io.Writer w) throws java.io.IOException {
            w.write("{\n  \"source\": " + quote(description) + ",\n  \"endpoint\": " + quote(endpoint) + ",\n"
                    + "  \"calls\": " + stats.calls() + ",\n  \"node_requests\": " + stats.nodeRequests() + ",\n"
                    + "  \"http_requests\": " + stats.httpRequests() + ",\n  \"retries\": " + stats.retries() + ",\n"
                    + "  \"memory_cache_hits\": " + stats.memoryHits() + ",\n  \"disk_cache_hits\": " + stats.diskHits() + ",\n"
                    + "  \"replayed\": " + stats.replayed() + ",\n  \"bytes_sent\": " + stats.bytesSent() + ",\n"
                    + "  \"bytes_received\": " + stats.bytesReceived() + "\n}\n");
        }

        private static String quote(String s) {
            StringBuilder b = new StringBuilder("\"");
            for (char ch : s.toCharArray()) {
                if (ch == '"' || ch == '\\') {
                    b.append('\\').append(ch);
                } else if (ch < 0x20) {
                    b.append(String.format("\\u%04x", (int) ch));
                } else {
                    b.append(ch);
                }
            }
            return b.append('"').toString();
        }
    }

    private int bitcoin(BitcoinSources.Given given) {
        if (maxAddresses < 1) {
            throw new InvalidInputException("--max-addresses must be at least 1, got " + maxAddresses);
        }
        if (cache != null) {
            throw new InvalidInputException("--cache is for EVM nodes; Bitcoin sources cache in memory and record with --record");
        }
        bitcoinOptions.record = record;
        bitcoinOptions.rate = rateLimit;
        LabelStore labels = LabelStore.empty();
        for (Path f : policyOptions.labelFiles) {
            labels = labels.withCsv(f);
        }
        TracePolicy policy = policy(List.of(Asset.nativeOf(Chain.BITCOIN)), AssetRegistry.bundled());
        BitcoinSources sources = new BitcoinSources(bitcoinOptions);
        BitcoinSources.Source src = sources.open(given);
        PrintWriter err = spec.commandLine().getErr();
        TraceResult result = new BitcoinTrace(labels, policyOptions.taintModel(), policy, policyOptions.direction())
                .run(src, addresses, txs, maxAddresses, line -> {
                    if (!quiet) {
                        err.println("tracer: " + line);
                        err.flush();
                    }
                });
        sources.finish();
        return render(result, null);
    }

    private Integer render(TraceResult result, SourceReport source) {
        PrintWriter o = spec.commandLine().getOut();
        if (out != null) {
            AtomicOutput ao = new AtomicOutput()
                    .add("report.json", w -> new ReportJsonWriter().write(result, w))
                    .add("graph.gexf", w -> new GexfWriter().write(result, w));
            if (source != null) {
                ao.add("source.json", source::write);
            }
            ao.writeTo(out);
        }
        new TextSummary(top).write(result, o);
        if (source != null) {
            o.println();
            o.println("Source: " + SafeText.line(source.description()) + " at " + SafeText.line(source.endpoint()));
            o.println("Node calls: " + source.stats().summary());
        }
        if (out != null) {
            o.println("Wrote " + out.resolve("report.json") + " and " + out.resolve("graph.gexf")
                    + (source != null ? " and " + out.resolve("source.json") : ""));
        }
        o.flush();
        return ExitCodes.OK;
    }

    /**
     * The bundled label packs' labels on the traced chain; when there are none to be found (the
     * jar run outside a checkout without --fixtures), a warning on stderr and no labels rather
     * than a failed trace.
     */
    private LabelStore bundledLabels(Chain chain) {
        Path dir;
        try {
            dir = Fixtures.locate(fixtures);
        } catch (SourceException.Unavailable e) {
            warnNoLabels(e.getMessage());
            return LabelStore.empty();
        }
        if (!Files.isRegularFile(dir.resolve(LabelPacks.DIRECTORY).resolve(LabelPacks.INDEX))) {
            warnNoLabels(dir.resolve(LabelPacks.DIRECTORY).resolve(LabelPacks.INDEX) + ": no such file");
            return LabelStore.empty();
        }
        return LabelStore.bundled(dir, chain);
    }

    private void warnNoLabels(String why) {
        spec.commandLine().getErr().println("tracer: warning: no bundled label packs (" + why
                + "); tracing without them (--no-bundled-labels silences this)");
    }

    private static EtlCsvReader.AssumedCoverage coverage(String s) {
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "full" -> EtlCsvReader.AssumedCoverage.FULL_EXPORT;
            case "seeds" -> EtlCsvReader.AssumedCoverage.SEEDS_ONLY;
            default -> throw new InvalidInputException("--coverage must be 'full' or 'seeds', got '" + s + "'");
        };
    }

    private static Address parseAddress(Chain chain, String s) {
        try {
            return Address.parse(chain, s);
        } catch (InvalidInputException e) {
            throw InvalidInputException.at("--address", e);
        }
    }

    private static TxHash parseTx(Chain chain, String s) {
        try {
            return TxHash.parse(chain, s);
        } catch (InvalidInputException e) {
            throw InvalidInputException.at("--tx", e);
        }
    }

    private static List<Asset> assetsIn(TransferGraph graph) {
        List<Asset> out = new ArrayList<>();
        for (int i = 0; i < graph.assetCount(); i++) {
            out.add(graph.asset(i));
        }
        return out;
    }

    private TracePolicy policy(List<Asset> available, AssetRegistry registry) {
        TracePolicy.Builder b = policyOptions.policy();
        for (String a : assets) {
            b.asset(asset(available, registry, a));
        }
        return b.build();
    }

    private static Asset asset(List<Asset> available, AssetRegistry registry, String text) {
        String t = text.strip();
        List<Asset> candidates = new ArrayList<>();
        for (Asset a : available) {
            if (!a.isNative() && !registry.isKnown(a)) {
                continue;
            }
            boolean match = a.symbol().equalsIgnoreCase(t)
                    || a.contract().map(c -> c.value().equalsIgnoreCase(t)).orElse(false);
            if (match) {
                candidates.add(a);
            }
        }
        if (candidates.size() != 1) {
            throw new InvalidInputException("--asset: '" + text + "' " + (candidates.isEmpty()
                    ? "is not a genuine asset in the data" : "is ambiguous; give the contract address"));
        }
        return candidates.get(0);
    }
}
