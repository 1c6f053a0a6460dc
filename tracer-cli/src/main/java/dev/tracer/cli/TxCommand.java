package dev.tracer.cli;

import dev.tracer.assets.AssetRegistry;
import dev.tracer.assets.FakeTokenClassifier;
import dev.tracer.bitcoin.BtcTx;
import dev.tracer.bitcoin.TxGraph;
import dev.tracer.bitcoin.heuristics.TxAnalysis;
import dev.tracer.bitcoin.heuristics.TxAnalyzer;
import dev.tracer.incident.IncidentCatalog;
import dev.tracer.model.Chain;
import dev.tracer.model.InvalidInputException;
import dev.tracer.model.TxHash;
import dev.tracer.source.Dataset;
import dev.tracer.source.bitcoin.BitcoinTxFiles;
import dev.tracer.source.etl.EtlCsvReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tracer tx}: one transaction, decoded, with every flag the detectors raise. */
@Command(name = "tx", mixinStandardHelpOptions = true,
        description = {"Shows one transaction: its inputs and outputs with addresses and values and its fee (Bitcoin), or its"
            + " transfers and token movements (Ethereum); then every flag that fires, one per line (CoinJoin and its type,"
            + " peel-chain step, change guess with the rule, dust, fake tokens)."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.L0, ExitCodes.L1, ExitCodes.L2, ExitCodes.L3, ExitCodes.L5})
final class TxCommand implements Callable<Integer> {
    /** Most lookups the heuristics may make in a live source for one transaction (peel-chain walk, address history). */
    static final int LOOKUP_BUDGET = 200;

    @Spec
    CommandSpec spec;

    @Mixin
    Verbosity verbosity;

    @Parameters(index = "0", arity = "0..1", paramLabel = "TXID", description = "The transaction (optional with --file and --hex).")
    String txid;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    static final class Input {
        @Option(names = "--file", paramLabel = "FILE", description = "Bitcoin: a file holding an Esplora /tx response or a Bitcoin Core verbose getrawtransaction result.")
        Path file;

        @Option(names = "--hex", paramLabel = "HEX", description = "Bitcoin: the raw transaction in hex (inputs' values unknown).")
        String hex;

        @Option(names = "--blocks", paramLabel = "PATH", description = "Bitcoin: blk*.dat files or a Bitcoin Core blocks directory (repeatable).")
        List<Path> blocks;

        @Option(names = "--rpc", paramLabel = "URL", description = "Bitcoin: a Bitcoin Core node's JSON-RPC (needs -txindex=1 for arbitrary transactions).")
        String rpc;

        @Option(names = "--esplora", paramLabel = "URL", description = "Bitcoin: an Esplora REST API (https://mempool.space/api).")
        String esplora;

        @Option(names = "--replay", paramLabel = "FILE", description = "Bitcoin: a recording made with --record.")
        Path replay;

        @Option(names = "--data", paramLabel = "DIR", description = "Ethereum: a directory in the ethereum-etl CSV schema.")
        Path data;

        @Option(names = "--incident", paramLabel = "ID", description = "Ethereum: a catalogued incident's bundled data.")
        String incident;
    }

    @Option(names = "--chain", paramLabel = "CHAIN", description = "ethereum or bitcoin (default: the source's).")
    String chain;

    @Mixin
    BitcoinOptions bitcoinOptions;

    @Option(names = "--record", paramLabel = "FILE", description = "With --rpc or --esplora: write every request and response to FILE, for --replay.")
    java.nio.file.Path record;

    @Option(names = "--rate-limit", paramLabel = "N", defaultValue = "5", description = "Most requests per second to --rpc or --esplora (default: ${DEFAULT-VALUE}); 429, 5xx, timeouts and I/O failures are retried with back-off.")
    double rateLimit;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Option(names = "--tokens", paramLabel = "CSV", description = "Ethereum: more genuine token contracts (chain_id,contract,symbol,decimals).")
    Path tokens;

    @Option(names = "--fixtures", paramLabel = "DIR", description = "The fixtures directory (default: found from the checkout).")
    Path fixtures;

    @Override
    public Integer call() {
        bitcoinOptions.record = record;
        bitcoinOptions.rate = rateLimit;
        boolean evm = input.data != null || input.incident != null;
        Optional<Chain> asked = Optional.ofNullable(chain).map(c -> {
            try {
                return Chain.parse(c);
            } catch (InvalidInputException e) {
                throw InvalidInputException.at("--chain", e);
            }
        });
        if (asked.isPresent() && asked.get().isEvm() != evm) {
            throw new InvalidInputException("--chain " + asked.get() + " does not match the source: "
                    + (evm ? "--data and --incident are Ethereum data" : "--file, --hex, --blocks, --rpc, --esplora and --replay are"
                    + " Bitcoin sources (an Ethereum transaction from a node needs the Ethereum JSON-RPC source)"));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (evm) {
            evm(out);
        } else {
            bitcoin(out);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private Optional<TxHash> hash(Chain c) {
        try {
            return Optional.ofNullable(txid).map(t -> TxHash.parse(c, t));
        } catch (InvalidInputException e) {
            throw InvalidInputException.at("TXID", e);
        }
    }

    private TxHash required(Chain c) {
        return hash(c).orElseThrow(() -> new InvalidInputException("give the transaction id (TXID)"));
    }

    private void bitcoin(PrintWriter out) {
        Optional<TxHash> wanted = hash(Chain.BITCOIN);
        BtcTx tx;
        TxGraph graph = TxGraph.none();
        BitcoinSources sources = new BitcoinSources(bitcoinOptions);
        if (input.file != null || input.hex != null) {
            tx = input.file != null ? BitcoinTxFiles.read(input.file) : BitcoinTxFiles.fromHex(input.hex);
            if (wanted.isPresent() && !wanted.get().equals(tx.txid())) {
                throw new InvalidInputException((input.file != null ? input.file.toString() : "--hex") + " holds transaction "
                        + tx.txid() + ", not " + wanted.get());
            }
        } else {
            TxHash h = required(Chain.BITCOIN);
            BitcoinSources.Source src = sources.open(new BitcoinSources.Given(input.blocks == null ? List.of() : input.blocks,
                    input.rpc, input.esplora, input.replay));
            switch (src) {
                case BitcoinSources.Blocks b -> {
                    tx = b.txs().tx(h).orElseThrow(() -> new InvalidInputException("transaction " + h + " is not in " + b.description()));
                    graph = b.txs();
                }
                case BitcoinSources.Node n -> {
                    if (bitcoinOptions.range().isPresent()) {
                        graph = n.source().load(); // the range's blocks: the transaction may be there, and its spenders
                    }
                    tx = n.source().transaction(h);
                }
                case BitcoinSources.Esplora e -> {
                    tx = e.source().transaction(h);
                    graph = TxGraph.limited(e.source(), LOOKUP_BUDGET);
                }
            }
        }
        TxAnalysis a = TxAnalyzer.standard().analyze(tx, graph);
        sources.finish();
        if (json) {
            TxRender.bitcoinJson(a, out);
        } else {
            TxRender.bitcoinText(a, out);
        }
    }

    private void evm(PrintWriter out) {
        AssetRegistry registry = tokens == null ? AssetRegistry.bundled() : AssetRegistry.bundled().withCsv(tokens);
        if (bitcoinOptions.record != null || bitcoinOptions.range().isPresent() || bitcoinOptions.rpcCookie != null) {
            throw new InvalidInputException("--record, --block-range and --rpc-cookie are for the Bitcoin sources");
        }
        EtlCsvReader reader = new EtlCsvReader(registry);
        Dataset d;
        if (input.incident != null) {
            var inc = IncidentCatalog.read(Fixtures.locate(fixtures).resolve("incidents")).get(input.incident);
            Path dir = inc.data().orElseThrow(() -> new InvalidInputException("incident " + inc.id() + " has no bundled chain data"));
            d = reader.read(dir);
        } else {
            d = reader.read(input.data, Optional.of(EtlCsvReader.AssumedCoverage.FULL_EXPORT), List.of());
        }
        TxHash h = required(d.chain());
        TxRender.Evm view = TxRender.evm(d, h, new FakeTokenClassifier(registry));
        if (json) {
            TxRender.evmJson(view, out);
        } else {
            TxRender.evmText(view, out);
        }
    }
}
