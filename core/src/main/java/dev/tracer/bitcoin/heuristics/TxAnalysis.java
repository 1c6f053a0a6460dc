package dev.tracer.bitcoin.heuristics;

import dev.tracer.bitcoin.BtcTx;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every heuristic's result on one transaction.
 *
 * @param tx            the transaction
 * @param coinJoin      its CoinJoin verdict, if it is one
 * @param change        the change rules' verdict
 * @param peelStep      the transaction as a peel step, if it has the shape
 * @param peelChain     the peel chain it belongs to, if the graph shows one
 * @param dust          its dust outputs, if it sends dust
 * @param linkedInputs  the input addresses the multi-input heuristic puts under one owner (empty
 *                      for one address, a coinbase or a CoinJoin)
 */
public record TxAnalysis(BtcTx tx, Optional<CoinJoinVerdict> coinJoin, ChangeVerdict change, Optional<PeelStep> peelStep,
                         Optional<PeelChain> peelChain, Optional<DustVerdict> dust, List<String> linkedInputs) {

    public TxAnalysis {
        Objects.requireNonNull(tx, "tx");
        Objects.requireNonNull(coinJoin, "coinJoin");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(peelStep, "peelStep");
        Objects.requireNonNull(peelChain, "peelChain");
        Objects.requireNonNull(dust, "dust");
        linkedInputs = List.copyOf(linkedInputs);
    }
}
