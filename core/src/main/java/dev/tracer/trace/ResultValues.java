package dev.tracer.trace;

import dev.tracer.graph.TransferGraph;
import dev.tracer.label.Label;
import dev.tracer.label.LabelStore;
import dev.tracer.model.Address;
import dev.tracer.model.Asset;
import dev.tracer.model.Transfer;
import dev.tracer.model.TxHash;
import java.math.BigInteger;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Makes the values of a {@link TraceResult} from the ids a trace computed: addresses, transaction
 * hashes, transfers, labels and per-asset tallies. It reads only immutable data (the graph, the
 * label store and the set of labelled ids), never a trace's working arrays, so the lists of a
 * result ({@link IndexedList}) can call it after the trace's arrays went back to the pool.
 * One instance serves one result: it keeps each address and transaction hash it made, so the
 * result's values share them (an address is in its node, its endpoints, its transfers), as the
 * eagerly built results did. Thread-safe: a result may be read from several threads.
 */
final class ResultValues {
    /** The empty tally, shared by every node that has none. */
    static final SortedMap<Asset, BigInteger> NONE = Collections.emptySortedMap();

    private final TransferGraph g;
    private final LabelStore labels;
    private final BitSet labelled;
    private final IdMemo<Address> addresses = new IdMemo<>();
    private final IdMemo<TxHash> hashes = new IdMemo<>(); // by transaction id

    /** {@code labelled}: the ids of the graph's labelled addresses; it must never be modified. */
    ResultValues(TransferGraph g, LabelStore labels, BitSet labelled) {
        this.g = g;
        this.labels = labels;
        this.labelled = labelled;
    }

    Address address(int id) {
        Address a = addresses.get(id);
        return a != null ? a : addresses.keep(id, g.address(id));
    }

    Transfer transfer(int e) {
        Asset a = g.assetOf(e);
        return new Transfer(a.chain(), tx(e), g.txIndex(e), g.position(e), address(g.from(e)), address(g.to(e)), a,
                g.amount(e), g.block(e), g.time(e), g.kind(e));
    }

    TxHash tx(int e) {
        int id = g.txId(e);
        TxHash h = hashes.get(id);
        return h != null ? h : hashes.keep(id, g.tx(e));
    }

    Asset asset(int assetId) {
        return g.asset(assetId);
    }

    /** The best label of address {@code id}, looked up only when it has one. */
    Optional<Label> label(int id) {
        return labelled.get(id) ? labels.best(address(id)) : Optional.empty();
    }

    /** The transfer by which an address was reached, or empty for {@code e < 0}. */
    Optional<Transfer> reachedBy(int e) {
        return e < 0 ? Optional.empty() : Optional.of(transfer(e));
    }

    /** The transaction hashes of transfers {@code edges}, in that order. */
    List<TxHash> txs(int[] edges) {
        TxHash[] p = new TxHash[edges.length];
        for (int i = 0; i < edges.length; i++) {
            p[i] = tx(edges[i]);
        }
        return List.of(p);
    }

    /** The positive entries of {@code t} by asset ({@code t[i]} is of asset id {@code assets[i]}); {@link #NONE} when there are none. */
    SortedMap<Asset, BigInteger> tally(int[] assets, BigInteger[] t) {
        TreeMap<Asset, BigInteger> m = null;
        if (t != null) {
            for (int i = 0; i < t.length; i++) {
                if (t[i] != null && t[i].signum() > 0) {
                    if (m == null) {
                        m = new TreeMap<>();
                    }
                    m.put(g.asset(assets[i]), t[i]);
                }
            }
        }
        return m == null ? NONE : Collections.unmodifiableSortedMap(m);
    }
}
