package dev.tracer.bitcoin;

import dev.tracer.graph.TransferGraph;
import dev.tracer.label.Label;
import dev.tracer.label.LabelStore;
import dev.tracer.model.Address;
import dev.tracer.model.Chain;
import dev.tracer.model.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Labels are kept per Bitcoin address, but the UTXO graph's vertices are outputs: this gives each
 * output vertex the labels of the address it pays, so a trace stops at an exchange's deposit
 * output ({@code --stop-at}) and reports name the entity. Cost O(vertices).
 */
public final class OutputLabels {
    private OutputLabels() {
    }

    /** {@code labels} plus, for every output vertex of {@code g}, the labels of the address it pays. */
    public static LabelStore project(LabelStore labels, TransferGraph g) {
        if (labels.size() == 0) {
            return labels;
        }
        List<Label> extra = new ArrayList<>();
        for (int i = 0; i < g.addressCount(); i++) {
            Address v = g.address(i);
            if (v.kind() != Address.Kind.OUTPUT || v.owner().isEmpty()) {
                continue;
            }
            Optional<Address> paid = addressOf(v.owner().get());
            paid.ifPresent(a -> labels.labels(a).forEach(l -> extra.add(
                    new Label(v, l.entity(), l.category(), l.source(), l.confidence()))));
        }
        return extra.isEmpty() ? labels : labels.with(extra);
    }

    /** The address in an output's owner text ({@code ADDRESS} or {@code p2pk:ADDRESS}). */
    static Optional<Address> addressOf(String owner) {
        String a = owner.startsWith("p2pk:") ? owner.substring(5) : owner;
        try {
            return Optional.of(Address.parse(Chain.BITCOIN, a));
        } catch (InvalidInputException e) {
            return Optional.empty(); // op_return, multisig:…, nonstandard
        }
    }
}
