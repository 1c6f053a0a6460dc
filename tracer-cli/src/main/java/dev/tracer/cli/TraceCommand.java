package dev.tracer.cli;

import dev.tracer.assets.AssetRegistry;
import dev.tracer.assets.FakeTokenClassifier;
import dev.tracer.graph.TransferGraph;
import dev.tracer.incident.Incident;
import dev.tracer.incident.IncidentCatalog;
import dev.tracer.label.Category;
import dev.tracer.label.LabelStore;
import dev.tracer.model.Address;
import dev.tracer.model.Asset;
import dev.tracer.model.Chain;
import dev.tracer.model.InvalidInputException;
import dev.tracer.model.TxHash;
import dev.tracer.report.GexfWriter;
import dev.tracer.report.ReportJsonWriter;
import dev.tracer.report.TextSummary;
import dev.tracer.source.Dataset;
import dev.tracer.source.etl.EtlCsvReader;
import dev.tracer.trace.Direction;
import dev.tracer.trace.Seed;
import dev.tracer.trace.TaintModel;
import dev.tracer.trace.TracePolicy;
import dev.tracer.trace.TraceResult;
import dev.tracer.trace.Tracer;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tracer trace}: follow funds from seeds through a bundled incident or a data directory. */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = {"Follows funds from seed addresses or transactions and says where they are now.",
            "Prints a summary on stdout; with --out writes report.json and graph.gexf (GEXF 1.3, for Gephi)."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.L0, ExitCodes.L1, ExitCodes.L2, ExitCodes.L3})
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

        @Option(names = "--blocks", paramLabel = "PATH", description = "Bitcoin: blk*.dat files of a Bitcoin Core data directory, or the directory (repeatable).")
        List<Path> blocks;

        @Option(names = "--rpc", paramLabel = "URL", description = "Bitcoin: a Bitcoin Core node's JSON-RPC (http://user:password@host:8332), with --block-range.")
        String rpc;

        @Option(names = "--esplora", paramLabel = "URL", description = "Bitcoin: an Esplora REST API (https://mempool.space/api, https://blockstream.info/api).")
        String esplora;

        @Option(names = "--replay", paramLabel = "FILE", description = "Bitcoin: a recording made with --record, replayed without the network.")
        Path replay;

        BitcoinSources.Given bitcoin() {
            return new BitcoinSources.Given(blocks == null ? List.of() : List.copyOf(blocks), rpc, esplora, replay);
        }
    }

    @Option(names = "--chain", paramLabel = "CHAIN", description = "ethereum or bitcoin (default: the data's; --blocks, --rpc, --esplora and --replay are Bitcoin sources).")
    String chain;

    @Mixin
    BitcoinOptions bitcoinOptions;

    @Option(names = "--max-fetch", paramLabel = "N", defaultValue = "2000", description = "With --esplora or its --replay: most transactions and outputs fetched (default: ${DEFAULT-VALUE}); beyond, frontiers stay frontiers and a warning says so.")
    int maxFetch;

    @Option(names = {"-a", "--address"}, paramLabel = "ADDR", description = "Seed address (repeatable). With --incident, replaces the incident's seeds. Bitcoin: an address (its outputs become the seeds) or an output TXID:VOUT.")
    List<String> addresses = new ArrayList<>();

    @Option(names = "--tx", paramLabel = "HASH", description = "Seed transaction: its transfers count as stolen (repeatable).")
    List<String> txs = new ArrayList<>();

    @Option(names = "--coverage", paramLabel = "full|seeds", description = "For --data without dataset.json: 'full' if the files are a complete export of their block range, 'seeds' if only the seeds' outflows are complete.")
    String coverage;

    @Option(names = "--model", paramLabel = "MODEL", defaultValue = "haircut", description = "Taint model: poison, haircut or fifo (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--backward", description = "Trace backward: where did the funds at the seeds come from.")
    boolean backward;

    @Option(names = "--hops", paramLabel = "N", defaultValue = "" + TracePolicy.DEFAULT_HOPS, description = "Maximum hops from a seed (default: ${DEFAULT-VALUE}).")
    int hops;

    @Option(names = "--min-amount", paramLabel = "X", defaultValue = "0", description = "Minimum amount, in whole units of each asset, for a transfer to be followed (default: ${DEFAULT-VALUE}).")
    String minAmount;

    @Option(names = "--since", paramLabel = "TIME", description = "Trace transfers at or after this time (2025-02-21 or 2025-02-21T14:00:00Z).")
    String since;

    @Option(names = "--until", paramLabel = "TIME", description = "Trace transfers at or before this time.")
    String until;

    @Option(names = "--asset", paramLabel = "SYMBOL|CONTRACT", description = "Trace only this asset (repeatable): ETH, a genuine token's symbol or its contract.")
    List<String> assets = new ArrayList<>();

    @Option(names = "--stop-at", paramLabel = "CATEGORIES", split = ",", description = "Label categories where a trace stops (default: exchange,bridge,mixer; 'none' for none).")
    List<String> stopAt;

    @Option(names = "--fan-out-cap", paramLabel = "N", defaultValue = "" + TracePolicy.DEFAULT_FAN_OUT_CAP, description = "Most receivers followed from one address (default: ${DEFAULT-VALUE}); the rest are cut and reported.")
    int fanOutCap;

    @Option(names = "--labels", paramLabel = "CSV", description = "Label file (chain,address,entity,category,source,confidence); repeatable.")
    List<Path> labelFiles = new ArrayList<>();

    @Option(names = "--tokens", paramLabel = "CSV", description = "More genuine token contracts (chain_id,contract,symbol,decimals).")
    Path tokens;

    @Option(names = "--out", paramLabel = "DIR", description = "Write report.json and graph.gexf into DIR (all or nothing).")
    Path out;

    @Option(names = "--top", paramLabel = "N", defaultValue = "20", description = "Endpoints listed per asset in the summary, 0 for all (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--fixtures", paramLabel = "DIR", description = "The fixtures directory (default: found from the checkout).")
    Path fixtures;

    @Override
    public Integer call() {
        Optional<Chain> asked = Optional.ofNullable(chain).map(c -> {
            try {
                return Chain.parse(c);
            } catch (InvalidInputException e) {
                throw InvalidInputException.at("--chain", e);
            }
        });
        BitcoinSources.Given given = input.bitcoin();
        if (given.any()) {
            if (asked.isPresent() && asked.get().isEvm()) {
                throw new InvalidInputException("--chain " + asked.get() + ": --blocks, --rpc, --esplora and --replay are Bitcoin"
                        + " sources (live Ethereum tracing comes with the Ethereum JSON-RPC source)");
            }
            return bitcoin(given);
        }
        if (asked.isPresent() && !asked.get().isEvm()) {
            throw new InvalidInputException("--chain bitcoin needs a Bitcoin source: --blocks, --rpc, --esplora or --replay");
        }
        AssetRegistry registry = tokens == null ? AssetRegistry.bundled() : AssetRegistry.bundled().withCsv(tokens);
        EtlCsvReader reader = new EtlCsvReader(registry);
        Dataset dataset;
        List<Seed> seeds = new ArrayList<>();
        if (input.incident != null) {
            Incident inc = IncidentCatalog.read(Fixtures.locate(fixtures).resolve("incidents")).get(input.incident);
            Path dir = inc.data().orElseThrow(() -> new InvalidInputException("incident " + inc.id()
                    + " has no bundled chain data; trace it with --data DIR (or a live source)"));
            dataset = reader.read(dir);
            if (addresses.isEmpty() && txs.isEmpty()) {
                inc.seeds().forEach(s -> seeds.add(Seed.address(s.address())));
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
        LabelStore labels = LabelStore.empty();
        for (Path f : labelFiles) {
            labels = labels.withCsv(f);
        }
        TracePolicy policy = policy(a -> asset(dataset.graph(), registry, a));
        TraceResult result = Tracer.builder()
                .dataset(dataset)
                .labels(labels)
                .classifier(new FakeTokenClassifier(registry))
                .model(TaintModel.named(model))
                .policy(policy)
                .build()
                .trace(seeds, backward ? Direction.BACKWARD : Direction.FORWARD);
        return render(result);
    }

    private int bitcoin(BitcoinSources.Given given) {
        if (maxFetch < 1) {
            throw new InvalidInputException("--max-fetch must be at least 1, got " + maxFetch);
        }
        LabelStore labels = LabelStore.empty();
        for (Path f : labelFiles) {
            labels = labels.withCsv(f);
        }
        TracePolicy policy = policy(a -> {
            if (!a.strip().equalsIgnoreCase("BTC")) {
                throw new InvalidInputException("--asset: '" + a + "' is not a Bitcoin asset (BTC)");
            }
            return Asset.nativeOf(Chain.BITCOIN);
        });
        TaintModel m = TaintModel.named(model);
        BitcoinSources sources = new BitcoinSources(bitcoinOptions);
        BitcoinSources.Source src = sources.open(given);
        TraceResult result = new BitcoinTrace(labels, m, policy, backward ? Direction.BACKWARD : Direction.FORWARD)
                .run(src, addresses, txs, maxFetch, line -> LOG.info(line));
        sources.finish();
        return render(result);
    }

    private int render(TraceResult result) {
        if (out != null) {
            new AtomicOutput()
                    .add("report.json", w -> new ReportJsonWriter().write(result, w))
                    .add("graph.gexf", w -> new GexfWriter().write(result, w))
                    .writeTo(out);
        }
        new TextSummary(top).write(result, spec.commandLine().getOut());
        if (out != null) {
            spec.commandLine().getOut().println("Wrote " + out.resolve("report.json") + " and " + out.resolve("graph.gexf"));
        }
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
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

    private TracePolicy policy(java.util.function.Function<String, Asset> assetOf) {
        TracePolicy.Builder b = TracePolicy.builder().maxHops(hops).fanOutCap(fanOutCap);
        try {
            b.minAmount(new BigDecimal(minAmount.strip()));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("--min-amount: non-numeric amount '" + minAmount + "'", e);
        }
        if (since != null) {
            b.since(time("--since", since, false));
        }
        if (until != null) {
            b.until(time("--until", until, true));
        }
        for (String a : assets) {
            b.asset(assetOf.apply(a));
        }
        if (stopAt != null) {
            Set<Category> cats = EnumSet.noneOf(Category.class);
            for (String c : stopAt) {
                if (!c.equalsIgnoreCase("none")) {
                    try {
                        cats.add(Category.parse(c));
                    } catch (InvalidInputException e) {
                        throw InvalidInputException.at("--stop-at", e);
                    }
                }
            }
            b.stopAt(cats);
        }
        return b.build();
    }

    /** A date (start of day, or end of day for --until) or an ISO instant, in UTC. */
    static Instant time(String option, String text, boolean endOfDay) {
        String t = text.strip();
        try {
            if (t.length() == 10) {
                LocalDate d = LocalDate.parse(t);
                return endOfDay ? d.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusSeconds(1)
                        : d.atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return Instant.parse(t.endsWith("Z") || t.contains("+") ? t : t + "Z");
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(option + ": malformed time '" + text + "' (use 2025-02-21 or 2025-02-21T14:00:00Z)", e);
        }
    }

    private static Asset asset(TransferGraph graph, AssetRegistry registry, String text) {
        String t = text.strip();
        List<Asset> candidates = new ArrayList<>();
        for (int i = 0; i < graph.assetCount(); i++) {
            Asset a = graph.asset(i);
            if (!registry.isKnown(a)) {
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
