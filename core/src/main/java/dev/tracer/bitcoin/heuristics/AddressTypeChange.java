package dev.tracer.bitcoin.heuristics;

import dev.tracer.bitcoin.BtcOutput;
import dev.tracer.bitcoin.BtcTx;
import dev.tracer.bitcoin.ScriptKind;
import dev.tracer.bitcoin.TxGraph;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Address-type match: wallets send change to an address of the type they spend from. When every
 * input is of one type and exactly one output is of that type while the others are not, that
 * output is the change.
 *
 * <p>Source: Möser and Narayanan, "Resurrecting Address Clustering in Bitcoin" (FC 2022), and
 * Nick, "Data-Driven De-Anonymization in Bitcoin" (ETH Zürich, 2015). Cost O(inputs + outputs).
 *
 * <p>Known false positives: wallets whose change type differs from their input type (many
 * upgraded to bech32 change while spending legacy coins), and payments to a merchant that uses the
 * payer's type while the payer's own change goes elsewhere.
 */
final class AddressTypeChange implements ChangeHeuristic {

    @Override
    public String name() {
        return "address-type";
    }

    @Override
    public Optional<ChangeGuess> guess(BtcTx tx, TxGraph graph) {
        List<BtcOutput> outs = Outputs.spendable(tx);
        if (!Outputs.judgeable(tx) || outs.size() < 2) {
            return Optional.empty();
        }
        Set<ScriptKind> in = tx.inputs().stream().map(i -> i.prevout().orElseThrow().kind()).collect(Collectors.toSet());
        if (in.size() != 1) {
            return Optional.empty();
        }
        ScriptKind k = in.iterator().next();
        List<BtcOutput> same = outs.stream().filter(o -> o.kind() == k).toList();
        if (same.size() != 1) {
            return Optional.empty();
        }
        return Optional.of(new ChangeGuess(same.get(0).index(), name(), "the only output of the inputs' type " + k.code()));
    }
}
