package dev.tracer.label;

import dev.tracer.model.Address;
import dev.tracer.model.Chain;
import dev.tracer.model.InvalidInputException;
import dev.tracer.source.CsvRows;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Labels by address. Several labels for one address are all kept, best first (highest
 * confidence, then source name), never overwritten. Immutable; {@link #with} returns a new store.
 *
 * <p>The simple CSV format has columns {@code chain, address, entity, category, source,
 * confidence}.
 */
public final class LabelStore {
    private static final Comparator<Label> BEST_FIRST = Comparator.comparingInt(Label::confidence).reversed()
            .thenComparing(Label::source).thenComparing(Label::entity);
    private static final LabelStore EMPTY = new LabelStore(Map.of());

    private final Map<Address, List<Label>> byAddress;

    private LabelStore(Map<Address, List<Label>> byAddress) {
        this.byAddress = byAddress;
    }

    public static LabelStore empty() {
        return EMPTY;
    }

    /** This store plus {@code labels}. */
    public LabelStore with(List<Label> labels) {
        Map<Address, List<Label>> m = new HashMap<>(byAddress);
        for (Label l : labels) {
            List<Label> list = new ArrayList<>(m.getOrDefault(l.address(), List.of()));
            if (!list.contains(l)) {
                list.add(l);
            }
            list.sort(BEST_FIRST);
            m.put(l.address(), List.copyOf(list));
        }
        return new LabelStore(Collections.unmodifiableMap(m));
    }

    /** This store plus the labels of a simple CSV file. */
    public LabelStore withCsv(Path csv) {
        List<Label> labels = new ArrayList<>();
        CsvRows.read(csv, List.of("chain", "address", "entity", "category", "source", "confidence"),
                row -> labels.add(row.parse(() -> {
                    Chain chain = Chain.parse(row.get("chain"));
                    int confidence;
                    try {
                        confidence = Integer.parseInt(row.get("confidence").strip());
                    } catch (NumberFormatException e) {
                        throw new InvalidInputException("non-numeric confidence '" + row.get("confidence") + "'", e);
                    }
                    return new Label(Address.parse(chain, row.get("address")), row.get("entity").strip(),
                            Category.parse(row.get("category")), row.get("source").strip(), confidence);
                })));
        return with(labels);
    }

    /** All labels of {@code a}, best first. */
    public List<Label> labels(Address a) {
        return byAddress.getOrDefault(a, List.of());
    }

    /** The best label of {@code a}. */
    public Optional<Label> best(Address a) {
        List<Label> l = labels(a);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    public int size() {
        return byAddress.values().stream().mapToInt(List::size).sum();
    }
}
