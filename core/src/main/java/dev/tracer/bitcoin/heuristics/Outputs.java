package dev.tracer.bitcoin.heuristics;

import dev.tracer.bitcoin.BtcInput;
import dev.tracer.bitcoin.BtcOutput;
import dev.tracer.bitcoin.BtcTx;
import dev.tracer.bitcoin.ScriptKind;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Small shared counts over a transaction (package-private). */
final class Outputs {
    private Outputs() {
    }

    /** Outputs that carry value to a script someone can spend (no OP_RETURN). */
    static List<BtcOutput> spendable(BtcTx tx) {
        return tx.outputs().stream().filter(o -> o.kind() != ScriptKind.OP_RETURN).toList();
    }

    /** Value → how many spendable outputs have it. */
    static TreeMap<Long, Integer> valueCounts(BtcTx tx) {
        TreeMap<Long, Integer> m = new TreeMap<>();
        spendable(tx).forEach(o -> m.merge(o.value(), 1, Integer::sum));
        return m;
    }

    /** The most common spendable output value (ties: the larger count, then the larger value). */
    static Map.Entry<Long, Integer> mostCommon(BtcTx tx) {
        Map.Entry<Long, Integer> best = null;
        for (Map.Entry<Long, Integer> e : valueCounts(tx).entrySet()) {
            if (best == null || e.getValue() >= best.getValue()) {
                best = e;
            }
        }
        return best;
    }

    /** True for a transaction the heuristics can judge: not a coinbase, every input resolved. */
    static boolean judgeable(BtcTx tx) {
        return !tx.coinbase() && tx.resolved();
    }

    /** Addresses the inputs spend from. */
    static Set<String> inputAddresses(BtcTx tx) {
        Set<String> s = new HashSet<>();
        for (BtcInput i : tx.inputs()) {
            i.prevout().flatMap(BtcOutput::address).ifPresent(s::add);
        }
        return s;
    }

    static boolean allKinds(BtcTx tx, Set<ScriptKind> kinds) {
        return tx.inputs().stream().allMatch(i -> i.prevout().map(o -> kinds.contains(o.kind())).orElse(false))
                && spendable(tx).stream().allMatch(o -> kinds.contains(o.kind()));
    }
}
