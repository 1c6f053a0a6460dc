/**
 * Bitcoin heuristics, one per class, each named after the heuristic, behind a small interface,
 * with its source, its cost and its known false positives in its javadoc:
 * <ul>
 *   <li>CoinJoin detection ({@link dev.tracer.bitcoin.heuristics.CoinJoinHeuristic}):
 *       {@link dev.tracer.bitcoin.heuristics.WhirlpoolCoinJoin},
 *       {@link dev.tracer.bitcoin.heuristics.WasabiCoinJoin},
 *       {@link dev.tracer.bitcoin.heuristics.WabiSabiCoinJoin},
 *       {@link dev.tracer.bitcoin.heuristics.JoinMarketCoinJoin},
 *       {@link dev.tracer.bitcoin.heuristics.EqualOutputCoinJoin}, tried in that order by
 *       {@link dev.tracer.bitcoin.heuristics.CoinJoinDetector};
 *   <li>change detection ({@link dev.tracer.bitcoin.heuristics.ChangeHeuristic}):
 *       {@link dev.tracer.bitcoin.heuristics.AddressTypeChange},
 *       {@link dev.tracer.bitcoin.heuristics.RoundAmountChange},
 *       {@link dev.tracer.bitcoin.heuristics.OptimalChange},
 *       {@link dev.tracer.bitcoin.heuristics.FreshAddressChange}, combined by
 *       {@link dev.tracer.bitcoin.heuristics.ChangeDetector}, which only calls a result usable
 *       when two rules agree and none disagrees;
 *   <li>{@link dev.tracer.bitcoin.heuristics.MultiInputClustering} (union-find, CoinJoins
 *       skipped, the merging transaction kept as evidence);
 *   <li>{@link dev.tracer.bitcoin.heuristics.PeelChainDetector};
 *   <li>{@link dev.tracer.bitcoin.heuristics.DustAttackDetector}, whose outputs a trace does not
 *       follow.
 * </ul>
 * Results are records of this package ({@link dev.tracer.bitcoin.heuristics.CoinJoinVerdict},
 * {@link dev.tracer.bitcoin.heuristics.ChangeVerdict}, …) that say which rule fired, with
 * evidence and a {@link dev.tracer.bitcoin.heuristics.Confidence};
 * {@link dev.tracer.bitcoin.heuristics.TxAnalyzer} runs them all on one transaction.
 */
package dev.tracer.bitcoin.heuristics;
