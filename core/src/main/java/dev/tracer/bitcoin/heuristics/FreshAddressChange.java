package dev.tracer.bitcoin.heuristics;

import dev.tracer.bitcoin.BtcOutput;
import dev.tracer.bitcoin.BtcTx;
import dev.tracer.bitcoin.Outpoint;
import dev.tracer.bitcoin.TxGraph;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Fresh address (one-time change): wallets create a new address for change, while payees are often
 * paid at addresses they used before. When exactly one output pays an address never paid before
 * (and not one of the inputs' addresses) and every other output's address is known to have been
 * paid before, that output is the change. Needs address history from the {@link TxGraph}; without
 * it the rule says nothing.
 *
 * <p>Source: Meiklejohn, Pomarole, Jordan, Levchenko, McCoy, Voelker and Savage, "A Fistful of
 * Bitcoins: Characterizing Payments Among Men with No Names" (IMC 2013), heuristic 2. Cost
 * O(outputs) history lookups.
 *
 * <p>Known false positives: payees that use a fresh address per payment (most modern wallets and
 * exchanges' deposit addresses), which is why it is only trusted together with another rule.
 */
final class FreshAddressChange implements ChangeHeuristic {

    @Override
    public String name() {
        return "fresh-address";
    }

    @Override
    public Optional<ChangeGuess> guess(BtcTx tx, TxGraph graph) {
        List<BtcOutput> outs = Outputs.spendable(tx);
        if (!Outputs.judgeable(tx) || outs.size() < 2 || outs.stream().anyMatch(o -> o.address().isEmpty())) {
            return Optional.empty();
        }
        Set<String> inputs = Outputs.inputAddresses(tx);
        BtcOutput fresh = null;
        for (BtcOutput o : outs) {
            String a = o.address().orElseThrow();
            Optional<Boolean> first = inputs.contains(a) ? Optional.of(false)
                    : graph.isFirstFunding(a, new Outpoint(tx.txid(), o.index()));
            if (first.isEmpty()) {
                return Optional.empty();
            }
            if (first.get()) {
                if (fresh != null) {
                    return Optional.empty();
                }
                fresh = o;
            }
        }
        return fresh == null ? Optional.empty()
                : Optional.of(new ChangeGuess(fresh.index(), name(), "the only output to an address never paid before"));
    }
}
