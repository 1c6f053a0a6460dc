package dev.tracer.bitcoin.heuristics;

import dev.tracer.bitcoin.BtcTx;
import dev.tracer.model.TxHash;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Multi-input (common-input-ownership) clustering: the inputs of one transaction are signed by
 * one owner, so their addresses are one entity. Union-find over addresses, with path halving and
 * union by size; each union that joins two different clusters keeps the transaction as evidence.
 * CoinJoins (as {@link CoinJoinDetector} recognises them) are skipped, since their inputs belong to
 * many owners.
 *
 * <p>Source: Nakamoto, "Bitcoin: A Peer-to-Peer Electronic Cash System" (2008), section 10;
 * Reid and Harrigan, "An Analysis of Anonymity in the Bitcoin System" (2011); Meiklejohn et al.,
 * "A Fistful of Bitcoins" (IMC 2013), heuristic 1. Cost O(inputs · α(addresses)).
 *
 * <p>Known false positives: CoinJoins the detector misses (unattributed small ones), PayJoin
 * (BIP 78: the receiver adds an input on purpose), and custodial services signing for many users
 * together. Each wrong merge can join two large clusters, so the evidence is kept to audit them.
 */
public final class MultiInputClustering {
    private final CoinJoinDetector coinJoins;

    public MultiInputClustering(CoinJoinDetector coinJoins) {
        this.coinJoins = Objects.requireNonNull(coinJoins, "coinJoins");
    }

    public Clusters cluster(Iterable<BtcTx> txs) {
        Map<String, Integer> id = new HashMap<>();
        List<String> names = new ArrayList<>();
        List<Integer> parent = new ArrayList<>();
        List<Integer> size = new ArrayList<>();
        List<Merge> merges = new ArrayList<>();
        List<Integer> mergeRoot = new ArrayList<>();
        List<TxHash> skipped = new ArrayList<>();
        for (BtcTx tx : txs) {
            TreeSet<String> addrs = new TreeSet<>(Outputs.inputAddresses(tx));
            if (tx.coinbase() || addrs.size() < 2) {
                continue;
            }
            if (coinJoins.detect(tx).isPresent()) {
                skipped.add(tx.txid());
                continue;
            }
            String first = null;
            for (String a : addrs) {
                id.computeIfAbsent(a, k -> {
                    names.add(k);
                    parent.add(names.size() - 1);
                    size.add(1);
                    return names.size() - 1;
                });
                if (first == null) {
                    first = a;
                    continue;
                }
                int ra = find(parent, id.get(first));
                int rb = find(parent, id.get(a));
                if (ra != rb) {
                    if (size.get(ra) < size.get(rb)) {
                        int t = ra;
                        ra = rb;
                        rb = t;
                    }
                    parent.set(rb, ra);
                    size.set(ra, size.get(ra) + size.get(rb));
                    merges.add(new Merge(first, a, tx.txid()));
                }
            }
        }
        TreeMap<Integer, TreeSet<String>> members = new TreeMap<>();
        for (int i = 0; i < names.size(); i++) {
            members.computeIfAbsent(find(parent, i), k -> new TreeSet<>()).add(names.get(i));
        }
        for (Merge m : merges) {
            mergeRoot.add(find(parent, id.get(m.a())));
        }
        List<Cluster> out = new ArrayList<>();
        members.forEach((root, set) -> {
            if (set.size() > 1) {
                List<Merge> ev = new ArrayList<>();
                for (int i = 0; i < merges.size(); i++) {
                    if (mergeRoot.get(i).equals(root)) {
                        ev.add(merges.get(i));
                    }
                }
                out.add(new Cluster(List.copyOf(set), ev));
            }
        });
        out.sort(Comparator.comparing(c -> c.addresses().get(0)));
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < out.size(); i++) {
            for (String a : out.get(i).addresses()) {
                index.put(a, i);
            }
        }
        return new Clusters(out, skipped, index);
    }

    private static int find(List<Integer> parent, int x) {
        while (parent.get(x) != x) {
            parent.set(x, parent.get(parent.get(x)));
            x = parent.get(x);
        }
        return x;
    }
}
