package dev.tracer.bitcoin.heuristics;

import dev.tracer.bitcoin.BtcTx;
import dev.tracer.bitcoin.ScriptKind;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Wasabi Wallet 1.x (2018–2022, ZeroLink with Chaumian blinded outputs): at least 10 equal
 * outputs at the base denomination of about 0.1 BTC (it drifted between 0.09 and 0.11 BTC with
 * the round's fees), at least as many inputs, all P2WPKH. Higher mixing levels (outputs of about
 * 2, 4… times the base) and the coordinator's fee output come on top.
 *
 * <p>Source: Ficsór, "ZeroLink: The Bitcoin Fungibility Framework" (2017) and Wasabi Wallet 1.x's
 * coordinator parameters; the same shape is used by Möser and Böhme's and by OXT's CoinJoin
 * classifications. Cost O(inputs + outputs).
 *
 * <p>Known false positives: an exchange batch of 10 or more 0.1 BTC withdrawals funded by 10 or
 * more P2WPKH inputs. Missed: rounds with fewer than 10 participants at the base level.
 */
final class WasabiCoinJoin implements CoinJoinHeuristic {
    static final long MIN_BASE = 9_000_000L;
    static final long MAX_BASE = 11_000_000L;
    static final int MIN_EQUAL = 10;

    @Override
    public Optional<CoinJoinVerdict> test(BtcTx tx) {
        if (!Outputs.judgeable(tx) || !Outputs.allKinds(tx, Set.of(ScriptKind.P2WPKH))) {
            return Optional.empty();
        }
        Map.Entry<Long, Integer> common = Outputs.mostCommon(tx);
        long d = common.getKey();
        int k = common.getValue();
        if (k < MIN_EQUAL || d < MIN_BASE || d > MAX_BASE || tx.inputs().size() < k) {
            return Optional.empty();
        }
        return Optional.of(new CoinJoinVerdict(tx.txid(), CoinJoinType.WASABI_1, k, d,
                k + " equal outputs of " + d + " sat (Wasabi 1 base denomination, about 0.1 BTC) from "
                        + tx.inputs().size() + " inputs, all P2WPKH", Confidence.HIGH));
    }
}
