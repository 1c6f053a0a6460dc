package dev.tracer.bitcoin.heuristics;

import dev.tracer.bitcoin.BtcOutput;
import dev.tracer.bitcoin.BtcTx;
import dev.tracer.bitcoin.ScriptKind;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * WabiSabi (Wasabi Wallet 2.x since 2022 and other WabiSabi coordinators): many inputs and many
 * outputs, all P2WPKH or P2TR, most outputs at Wasabi 2's standard denominations (powers of 2,
 * of 3 and twice them, 1, 2 and 5 times powers of 10, in satoshis, from 5,000 sat), several of
 * them equal. At least 20 inputs and 20 outputs, and at least 60% of the outputs standard.
 *
 * <p>Source: Ficsór, Kogman, Ontivero and Seres, "WabiSabi: Centrally Coordinated CoinJoins with
 * Variable Amounts" (2021), and Wasabi Wallet 2's denomination set. Cost O(outputs log outputs).
 *
 * <p>Known false positives: large batched transactions of other services that happen to pay
 * mostly standard amounts from 20+ segwit inputs. Missed: rounds below 20 inputs (small
 * coordinators after June 2024 run some).
 */
final class WabiSabiCoinJoin implements CoinJoinHeuristic {
    static final int MIN_INPUTS = 20;
    static final int MIN_OUTPUTS = 20;
    static final long MIN_DENOMINATION = 5_000L;
    private static final TreeSet<Long> STANDARD = denominations();

    private static TreeSet<Long> denominations() {
        TreeSet<Long> s = new TreeSet<>();
        long max = BtcOutput.MAX_MONEY;
        for (long p = 1; p <= max; p *= 2) {
            s.add(p);
            s.add(3 * p);
        }
        for (long p = 1; p <= max; p *= 3) {
            s.add(p);
            s.add(2 * p);
        }
        for (long p = 1; p <= max; p *= 10) {
            s.add(p);
            s.add(2 * p);
            s.add(5 * p);
        }
        s.removeIf(v -> v < MIN_DENOMINATION);
        return s;
    }

    /** True for a Wasabi 2 standard denomination. */
    static boolean standard(long sats) {
        return STANDARD.contains(sats);
    }

    @Override
    public Optional<CoinJoinVerdict> test(BtcTx tx) {
        if (!Outputs.judgeable(tx) || tx.inputs().size() < MIN_INPUTS || tx.outputs().size() < MIN_OUTPUTS
                || !Outputs.allKinds(tx, Set.of(ScriptKind.P2WPKH, ScriptKind.P2TR))) {
            return Optional.empty();
        }
        long std = tx.outputs().stream().filter(o -> standard(o.value())).count();
        Map.Entry<Long, Integer> common = Outputs.mostCommon(tx);
        if (std * 10 < tx.outputs().size() * 6L || common.getValue() < 2) {
            return Optional.empty();
        }
        return Optional.of(new CoinJoinVerdict(tx.txid(), CoinJoinType.WABISABI, common.getValue(), common.getKey(),
                tx.inputs().size() + " inputs, " + std + " of " + tx.outputs().size()
                        + " outputs at WabiSabi standard denominations, all P2WPKH/P2TR",
                tx.inputs().size() >= 50 ? Confidence.HIGH : Confidence.MEDIUM));
    }
}
