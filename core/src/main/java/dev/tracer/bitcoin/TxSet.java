package dev.tracer.bitcoin;

import dev.tracer.graph.TransferGraph;
import dev.tracer.model.Address;
import dev.tracer.model.BlockRange;
import dev.tracer.model.Chain;
import dev.tracer.model.Coverage;
import dev.tracer.model.InvalidInputException;
import dev.tracer.model.Transfer;
import dev.tracer.model.TxHash;
import dev.tracer.source.Dataset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An immutable set of confirmed transactions with an index of who spends what, in chain order.
 * It answers {@link TxGraph} lookups and becomes a {@link Dataset} whose coverage is exact per
 * vertex:
 * <ul>
 *   <li>a transaction is complete (both directions) when every input is resolved, since its
 *       inputs, outputs and fee are then all known;
 *   <li>an output is complete forward when its spender is in the set, or when the set holds
 *       every block of its range ({@code completeBlocks}) so an output unspent in the set is
 *       known unspent at the range's end (funds held there);
 *   <li>an output is complete backward when the transaction that created it is in the set.
 * </ul>
 * Everything else is a frontier. Building is O(n log n) in inputs and outputs.
 */
public final class TxSet implements TxGraph {
    private static final Comparator<BtcTx> CHAIN_ORDER = Comparator
            .comparingLong((BtcTx t) -> t.confirmation().orElseThrow().height())
            .thenComparingInt(t -> t.confirmation().orElseThrow().txIndex())
            .thenComparing(BtcTx::txid);

    private final List<BtcTx> txs;
    private final Map<TxHash, BtcTx> byId;
    private final Map<Outpoint, TxHash> spenders;
    private final Map<Outpoint, BtcOutput> prevouts;
    private final TreeMap<String, TreeSet<Outpoint>> byAddress;
    private final Map<String, Outpoint> firstFunding;
    private Map<Address, List<Transfer>> edgesByVertex;
    private final BlockRange range;
    private final boolean completeBlocks;

    private TxSet(List<BtcTx> txs, BlockRange range, boolean completeBlocks) {
        this.txs = txs;
        this.range = range;
        this.completeBlocks = completeBlocks;
        this.byId = new HashMap<>(txs.size() * 2);
        this.spenders = new HashMap<>();
        this.prevouts = new HashMap<>();
        this.byAddress = new TreeMap<>();
        this.firstFunding = new HashMap<>();
        for (BtcTx t : txs) {
            byId.put(t.txid(), t);
            for (BtcOutput o : t.outputs()) {
                Outpoint op = new Outpoint(t.txid(), o.index());
                index(op, o);
                o.address().ifPresent(a -> firstFunding.putIfAbsent(a, op));
            }
        }
        for (BtcTx t : txs) {
            for (BtcInput in : t.inputs()) {
                TxHash other = spenders.putIfAbsent(in.spent(), t.txid());
                if (other != null) {
                    throw new InvalidInputException("output " + in.spent() + " is spent twice, by " + other + " and " + t.txid());
                }
                if (in.prevout().isPresent() && !byId.containsKey(in.spent().txid())) {
                    prevouts.putIfAbsent(in.spent(), in.prevout().get());
                    index(in.spent(), in.prevout().get());
                }
            }
        }
    }

    private void index(Outpoint op, BtcOutput o) {
        o.address().ifPresent(a -> byAddress.computeIfAbsent(a, k -> new TreeSet<>()).add(op));
    }

    /**
     * A set of {@code txs} (duplicates by txid are dropped).
     *
     * @param range          the blocks the set is about
     * @param completeBlocks true when it holds every transaction of every block in {@code range}
     * @throws InvalidInputException when a transaction is unconfirmed or outside the range, or an
     *                               output is spent twice
     */
    public static TxSet of(Collection<BtcTx> txs, BlockRange range, boolean completeBlocks) {
        Objects.requireNonNull(range, "range");
        Map<TxHash, BtcTx> unique = new HashMap<>();
        for (BtcTx t : txs) {
            Confirmation c = t.confirmation().orElseThrow(() -> new InvalidInputException(
                    "transaction " + t.txid() + " is unconfirmed"));
            if (!range.contains(c.height())) {
                throw new InvalidInputException("transaction " + t.txid() + " at block " + c.height()
                        + " is outside the range " + range);
            }
            unique.putIfAbsent(t.txid(), t);
        }
        List<BtcTx> sorted = new ArrayList<>(unique.values());
        sorted.sort(CHAIN_ORDER);
        return new TxSet(List.copyOf(sorted), range, completeBlocks);
    }

    /** Every transaction, in chain order. */
    public List<BtcTx> transactions() {
        return txs;
    }

    public BlockRange range() {
        return range;
    }

    /** True when the set holds every transaction of every block in its range. */
    public boolean completeBlocks() {
        return completeBlocks;
    }

    @Override
    public Optional<BtcTx> tx(TxHash txid) {
        return Optional.ofNullable(byId.get(txid));
    }

    @Override
    public Spend spender(Outpoint o) {
        TxHash by = spenders.get(o);
        if (by != null) {
            return Spend.spentBy(by);
        }
        BtcTx creator = byId.get(o.txid());
        if (completeBlocks && creator != null && o.vout() < creator.outputs().size()) {
            return Spend.unspent();
        }
        return Spend.unknown();
    }

    /** The output {@code o}, if the set created it or resolved it as a spent input. */
    public Optional<BtcOutput> output(Outpoint o) {
        BtcTx creator = byId.get(o.txid());
        if (creator != null) {
            return creator.output(o.vout());
        }
        return Optional.ofNullable(prevouts.get(o));
    }

    /** Every output in the set paying {@code address} (created here or spent here), in order. */
    public List<Outpoint> outputsPaying(String address) {
        return List.copyOf(byAddress.getOrDefault(address, new TreeSet<>()));
    }

    /**
     * Known only when the set holds every block from genesis: then the first output paying the
     * address in chain order is the first ever.
     */
    @Override
    public Optional<Boolean> isFirstFunding(String address, Outpoint output) {
        if (!completeBlocks || range.first() != 0) {
            return Optional.empty();
        }
        return Optional.of(output.equals(firstFunding.get(address)));
    }

    /** Every edge of every transaction, in chain order. */
    public List<Transfer> transfers() {
        List<Transfer> out = new ArrayList<>();
        for (BtcTx t : txs) {
            out.addAll(UtxoEdges.of(t));
        }
        return out;
    }

    /** Every edge into or out of {@code vertex} (a transaction, an output or the fee sink), in chain order. */
    public List<Transfer> transfersOf(Address vertex) {
        return edgeIndex().getOrDefault(vertex, List.of());
    }

    /** Every edge of transaction {@code txid}; empty when the set does not hold it. */
    public List<Transfer> transfersIn(TxHash txid) {
        BtcTx t = byId.get(txid);
        return t == null ? List.of() : UtxoEdges.of(t);
    }

    private synchronized Map<Address, List<Transfer>> edgeIndex() {
        if (edgesByVertex == null) {
            Map<Address, List<Transfer>> m = new HashMap<>();
            for (Transfer t : transfers()) {
                m.computeIfAbsent(t.from(), k -> new ArrayList<>()).add(t);
                if (!t.to().equals(t.from())) {
                    m.computeIfAbsent(t.to(), k -> new ArrayList<>()).add(t);
                }
            }
            m.replaceAll((k, v) -> List.copyOf(v));
            edgesByVertex = m;
        }
        return edgesByVertex;
    }

    /** The set as a dataset for the engine, with the per-vertex coverage described above. */
    public Dataset dataset(String description) {
        TreeSet<Address> outflows = new TreeSet<>();
        TreeSet<Address> inflows = new TreeSet<>();
        for (BtcTx t : txs) {
            if (t.resolved()) {
                outflows.add(UtxoEdges.txVertex(t.txid()));
                inflows.add(UtxoEdges.txVertex(t.txid()));
            }
            for (BtcOutput o : t.outputs()) {
                Outpoint op = new Outpoint(t.txid(), o.index());
                Address v = UtxoEdges.outputVertex(t.txid(), o);
                inflows.add(v);
                if (spender(op).state() != Spend.State.UNKNOWN) {
                    outflows.add(v);
                }
            }
        }
        prevouts.forEach((op, o) -> outflows.add(UtxoEdges.outputVertex(op.txid(), o)));
        Coverage coverage = new Coverage(Chain.BITCOIN, range, false, outflows, inflows);
        return new Dataset(Chain.BITCOIN, coverage, TransferGraph.builder().addAll(transfers()).build(), description);
    }
}
