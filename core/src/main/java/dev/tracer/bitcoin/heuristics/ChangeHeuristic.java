package dev.tracer.bitcoin.heuristics;

import dev.tracer.bitcoin.BtcTx;
import dev.tracer.bitcoin.TxGraph;
import java.util.Optional;

/** One change-detection rule: which output of a payment returns to the payer, if the rule can tell. */
public interface ChangeHeuristic {

    /** The rule's name as it appears in reports. */
    String name();

    /** Its guess, or empty when the rule does not single out one output. */
    Optional<ChangeGuess> guess(BtcTx tx, TxGraph graph);
}
