package dev.tracer.bitcoin.heuristics;

import dev.tracer.bitcoin.BtcInput;
import dev.tracer.bitcoin.BtcOutput;
import dev.tracer.bitcoin.BtcTx;
import dev.tracer.bitcoin.ScriptKind;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Samourai Whirlpool: 5 inputs and 5 outputs (since 2023 up to 8 of each), every output exactly a
 * pool denomination (0.001, 0.01, 0.05 or 0.5 BTC), every input that denomination or slightly
 * more (new entrants from a Tx0 bring the miner fee; remixers bring exactly the denomination),
 * all P2WPKH.
 *
 * <p>Source: the Whirlpool protocol (Samourai Wallet, "Whirlpool" documentation, 2019) and its
 * analysis in OXT Research, "Understanding Bitcoin Privacy with OXT", part 4 (2021); the shape is
 * also the one used by the am-i-exposed analyser. Cost O(inputs + outputs).
 *
 * <p>Known false positives: essentially none in practice; a batch paying 5 to 8 equal pool-sized
 * amounts from as many inputs of pool size would match. Missed: Whirlpool variants with other
 * pool sizes.
 */
final class WhirlpoolCoinJoin implements CoinJoinHeuristic {
    /** The pool denominations in satoshis. */
    static final List<Long> POOLS = List.of(100_000L, 1_000_000L, 5_000_000L, 50_000_000L);

    @Override
    public Optional<CoinJoinVerdict> test(BtcTx tx) {
        int n = tx.outputs().size();
        if (!Outputs.judgeable(tx) || n < 5 || n > 8 || tx.inputs().size() != n) {
            return Optional.empty();
        }
        long d = tx.outputs().get(0).value();
        if (!POOLS.contains(d) || !tx.outputs().stream().allMatch(o -> o.value() == d)
                || !Outputs.allKinds(tx, Set.of(ScriptKind.P2WPKH))) {
            return Optional.empty();
        }
        for (BtcInput in : tx.inputs()) {
            long v = in.prevout().map(BtcOutput::value).orElse(0L);
            if (v < d || v > 2 * d) {
                return Optional.empty();
            }
        }
        long remixers = tx.inputs().stream().filter(i -> i.prevout().get().value() == d).count();
        return Optional.of(new CoinJoinVerdict(tx.txid(), CoinJoinType.WHIRLPOOL, n, d,
                n + " inputs and " + n + " outputs of exactly " + d + " sat (a Whirlpool pool), all P2WPKH; "
                        + remixers + " remixing input(s) of exactly the pool size", Confidence.HIGH));
    }
}
