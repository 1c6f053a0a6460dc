package dev.tracer.bitcoin.heuristics;

import dev.tracer.bitcoin.BtcTx;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Tries CoinJoin heuristics from the most specific to the most generic and returns the first
 * verdict. Cost: the sum of the heuristics' costs.
 */
public final class CoinJoinDetector {
    private final List<CoinJoinHeuristic> heuristics;

    public CoinJoinDetector(List<CoinJoinHeuristic> heuristics) {
        this.heuristics = List.copyOf(Objects.requireNonNull(heuristics, "heuristics"));
    }

    /** Whirlpool, Wasabi 1, WabiSabi, JoinMarket, then the generic equal-output rule. */
    public static CoinJoinDetector standard() {
        return new CoinJoinDetector(List.of(new WhirlpoolCoinJoin(), new WasabiCoinJoin(), new WabiSabiCoinJoin(),
                new JoinMarketCoinJoin(), new EqualOutputCoinJoin()));
    }

    public Optional<CoinJoinVerdict> detect(BtcTx tx) {
        for (CoinJoinHeuristic h : heuristics) {
            Optional<CoinJoinVerdict> v = h.test(tx);
            if (v.isPresent()) {
                return v;
            }
        }
        return Optional.empty();
    }
}
