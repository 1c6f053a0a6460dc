package dev.tracer.cli;

import dev.tracer.assets.AssetRegistry;
import dev.tracer.assets.FakeTokenClassifier;
import dev.tracer.bitcoin.Outpoint;
import dev.tracer.bitcoin.OutputLabels;
import dev.tracer.bitcoin.TxSet;
import dev.tracer.bitcoin.UtxoEdges;
import dev.tracer.bitcoin.heuristics.DustAttackDetector;
import dev.tracer.label.LabelStore;
import dev.tracer.model.Address;
import dev.tracer.model.Chain;
import dev.tracer.model.InvalidInputException;
import dev.tracer.model.TxHash;
import dev.tracer.source.Dataset;
import dev.tracer.source.bitcoin.BlockFiles;
import dev.tracer.source.bitcoin.EsploraSource;
import dev.tracer.trace.Direction;
import dev.tracer.trace.ExpandingTrace;
import dev.tracer.trace.Seed;
import dev.tracer.trace.TaintModel;
import dev.tracer.trace.TracePolicy;
import dev.tracer.trace.TraceResult;
import dev.tracer.trace.Tracer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@code tracer trace --chain bitcoin}: seeds (outputs, transactions, addresses expanded to the
 * outputs paying them, dust excluded), a Bitcoin source, and the one engine with dust-attack
 * outputs as endpoints and labels projected onto outputs.
 */
final class BitcoinTrace {
    /** Most transactions an address seed may expand to through Esplora. */
    static final int MAX_ADDRESS_TXS = 1000;

    private final LabelStore labels;
    private final TaintModel model;
    private final TracePolicy policy;
    private final Direction direction;
    private final DustAttackDetector dust = DustAttackDetector.standard();
    private final List<String> warnings = new ArrayList<>();

    BitcoinTrace(LabelStore labels, TaintModel model, TracePolicy policy, Direction direction) {
        this.labels = labels;
        this.model = model;
        this.policy = policy;
        this.direction = direction;
    }

    TraceResult run(BitcoinSources.Source src, List<String> addresses, List<String> txs, int maxFetch, Consumer<String> progress) {
        TraceResult r = switch (src) {
            case BitcoinSources.Blocks b -> overSet(b.txs(), b.description(), addresses, txs, true);
            case BitcoinSources.Node n -> overSet(n.source().load(), n.source().description(), addresses, txs, false);
            case BitcoinSources.Esplora e -> live(e.source(), addresses, txs, maxFetch, progress);
        };
        if (warnings.isEmpty()) {
            return r;
        }
        for (String w : warnings) {
            r = r.withWarning(w);
        }
        return r;
    }

    private TraceResult overSet(TxSet set, String description, List<String> addresses, List<String> txs, boolean files) {
        Set<Outpoint> dustOutputs = dust.dustOutputs(set.transactions());
        List<Seed> seeds = seeds(addresses, txs, a -> set.outputsPaying(a), dustOutputs);
        long unresolved = BlockFiles.unresolvedInputs(set);
        if (files && unresolved > 0) {
            warnings.add(unresolved + " input(s) spend outputs of blocks not read: their transactions are frontiers");
        }
        Dataset d = set.dataset(description);
        return tracer(d, vertices(dustOutputs)).trace(seeds, direction);
    }

    private TraceResult live(EsploraSource src, List<String> addresses, List<String> txs, int maxFetch, Consumer<String> progress) {
        Set<Outpoint> seedDust = new TreeSet<>();
        List<Seed> seeds = seeds(addresses, txs, a -> {
            EsploraSource.AddressHistory h = src.history(a, MAX_ADDRESS_TXS);
            seedDust.addAll(dust.dustOutputs(h.transactions()));
            return h.outputs();
        }, seedDust);
        Function<Dataset, Tracer> tracerFor = d -> tracer(d, vertices(dust.dustOutputs(src.fetched())));
        return new ExpandingTrace(src, tracerFor, maxFetch, progress).trace(seeds, direction);
    }

    private Tracer tracer(Dataset d, Collection<Address> dustVertices) {
        return Tracer.builder().dataset(d).labels(OutputLabels.project(labels, d.graph()))
                .classifier(new FakeTokenClassifier(AssetRegistry.bundled())).model(model).policy(policy)
                .dust(dustVertices).build();
    }

    private static List<Address> vertices(Collection<Outpoint> outs) {
        return outs.stream().map(UtxoEdges::outputVertex).toList();
    }

    /** Outputs ({@code TXID:VOUT}) and addresses (expanded by {@code expand}, dust left out) and transactions. */
    private List<Seed> seeds(List<String> addresses, List<String> txs, Function<String, List<Outpoint>> expand, Set<Outpoint> dustOutputs) {
        List<Seed> seeds = new ArrayList<>();
        for (String a : addresses) {
            if (Outpoint.looksLikeOutpoint(a)) {
                try {
                    seeds.add(Seed.address(UtxoEdges.outputVertex(Outpoint.parse(a))));
                } catch (InvalidInputException e) {
                    throw InvalidInputException.at("--address", e);
                }
                continue;
            }
            Address addr;
            try {
                addr = Address.parse(Chain.BITCOIN, a);
            } catch (InvalidInputException e) {
                throw InvalidInputException.at("--address", e);
            }
            List<Outpoint> outs = expand.apply(addr.value());
            List<Outpoint> kept = outs.stream().filter(o -> !dustOutputs.contains(o)).toList();
            if (kept.size() < outs.size()) {
                warnings.add("address " + addr.value() + ": " + (outs.size() - kept.size())
                        + " dust-attack output(s) not seeded (tiny unsolicited outputs are not the funds)");
            }
            if (kept.isEmpty()) {
                throw new InvalidInputException("--address: " + addr.value() + " has no outputs in the data"
                        + (outs.isEmpty() ? "" : " other than dust"));
            }
            kept.forEach(o -> seeds.add(Seed.address(UtxoEdges.outputVertex(o))));
        }
        for (String t : txs) {
            try {
                seeds.add(Seed.tx(TxHash.parse(Chain.BITCOIN, t)));
            } catch (InvalidInputException e) {
                throw InvalidInputException.at("--tx", e);
            }
        }
        if (seeds.isEmpty()) {
            throw new InvalidInputException("no seeds: give --address (an address or an output TXID:VOUT) or --tx");
        }
        return seeds;
    }

}
