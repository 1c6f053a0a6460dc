package dev.tracer.bitcoin.heuristics;

import dev.tracer.bitcoin.BtcTx;
import java.util.Optional;

/** One CoinJoin recognition rule, on one transaction alone. */
@FunctionalInterface
public interface CoinJoinHeuristic {

    /** The verdict when {@code tx} matches this rule; empty otherwise (also for coinbases and unresolved inputs). */
    Optional<CoinJoinVerdict> test(BtcTx tx);
}
