package dev.tracer.detect;

import dev.tracer.label.Category;
import dev.tracer.label.Label;
import dev.tracer.label.LabelStore;
import dev.tracer.model.Address;
import dev.tracer.model.Amount;
import dev.tracer.model.Asset;
import dev.tracer.model.Flag;
import dev.tracer.model.Transfer;
import dev.tracer.model.TxHash;
import dev.tracer.source.Dataset;
import dev.tracer.trace.TraceResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What a detector reads: the trace result, the dataset it came from, the labels, and which
 * assets carry value.
 */
public record DetectionContext(TraceResult result, Dataset data, LabelStore labels, Predicate<Asset> genuine) {

    public DetectionContext {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(genuine, "genuine");
    }

    /** The best label's category of {@code a}, if labelled. */
    public Optional<Category> category(Address a) {
        return labels.best(a).map(Label::category);
    }

    public String name(Address a) {
        return labels.best(a).map(l -> l.entity() + " (" + a.value() + ")").orElse(a.value());
    }

    /** Addresses the trace followed (seeds included). */
    public List<TraceResult.Node> followed() {
        return result.nodes().stream()
                .filter(n -> n.role() == TraceResult.Role.SEED || n.role() == TraceResult.Role.FOLLOWED).toList();
    }

    /** A flag whose evidence is {@code evidence} (transactions in chain order, amounts as given). */
    static Flag flag(String type, String detector, Address at, String rule, int confidence, String summary,
                     List<Transfer> evidence) {
        List<Transfer> sorted = new ArrayList<>(evidence);
        sorted.sort(Transfer.CHAIN_ORDER);
        LinkedHashSet<TxHash> txs = new LinkedHashSet<>();
        List<Amount> amounts = new ArrayList<>();
        for (Transfer t : sorted) {
            txs.add(t.tx());
            amounts.add(t.value());
        }
        return new Flag(type, detector, at, rule, confidence, summary, List.copyOf(txs), amounts,
                sorted.get(0).time(), sorted.stream().map(Transfer::time).max(Comparator.naturalOrder()).orElseThrow());
    }
}
