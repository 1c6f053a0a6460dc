package dev.tracer.label;

import dev.tracer.model.Address;
import dev.tracer.model.Chain;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Labels by address. Several labels for one address are all kept, best first, never
 * overwritten: two sources that disagree are both shown. Immutable; {@link #with} returns a new
 * store.
 *
 * <p>Best first means: highest confidence; on equal confidence the category that comes first in
 * {@link Category}'s declaration order (what an address is before what is said about it); then
 * source, entity and pack by name, so the order never depends on the order files were read in.
 * The tracer decides where to stop by {@link #best}.
 *
 * <p>Label files are in the {@link LabelCsv} format; the bundled packs are listed in
 * {@code fixtures/labels/packs.json} ({@link LabelPacks}).
 */
public final class LabelStore {
    /** The order of {@link #labels(Address)}. */
    public static final Comparator<Label> BEST_FIRST = Comparator.comparingInt(Label::confidence).reversed()
            .thenComparing(Label::category)
            .thenComparing(Label::source)
            .thenComparing(Label::entity)
            .thenComparing(Label::pack)
            .thenComparing(Label::clusterDefiner);
    private static final LabelStore EMPTY = new LabelStore(Map.of());

    private final Map<Address, List<Label>> byAddress;

    private LabelStore(Map<Address, List<Label>> byAddress) {
        this.byAddress = byAddress;
    }

    public static LabelStore empty() {
        return EMPTY;
    }

    /**
     * The label packs bundled under {@code FIXTURES/labels} (see {@link LabelPacks}).
     *
     * @throws dev.tracer.source.SourceException.Unavailable when the index or a pack is missing
     * @throws dev.tracer.model.InvalidInputException        when one is malformed
     */
    public static LabelStore bundled(Path fixtures) {
        return LabelPacks.read(fixtures.resolve(LabelPacks.DIRECTORY)).load();
    }

    /** The bundled labels on {@code chain} only (see {@link LabelPacks#load(Chain)}). */
    public static LabelStore bundled(Path fixtures, Chain chain) {
        return LabelPacks.read(fixtures.resolve(LabelPacks.DIRECTORY)).load(chain);
    }

    /** This store plus {@code labels}; a label equal to one already held is not added twice. */
    public LabelStore with(List<Label> labels) {
        if (labels.isEmpty()) {
            return this;
        }
        Map<Address, LinkedHashSet<Label>> added = new HashMap<>();
        for (Label l : labels) {
            added.computeIfAbsent(l.address(), a -> new LinkedHashSet<>(byAddress.getOrDefault(a, List.of()))).add(l);
        }
        Map<Address, List<Label>> m = new HashMap<>(byAddress);
        added.forEach((a, set) -> {
            List<Label> list = new ArrayList<>(set);
            list.sort(BEST_FIRST);
            m.put(a, List.copyOf(list));
        });
        return new LabelStore(Collections.unmodifiableMap(m));
    }

    /** This store plus the labels of a file in the {@link LabelCsv} format; their pack is the path as given. */
    public LabelStore withCsv(Path csv) {
        return with(LabelCsv.read(csv, csv.toString()));
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

    /** The labelled addresses (unordered, unmodifiable). */
    public java.util.Set<Address> addresses() {
        return java.util.Collections.unmodifiableSet(byAddress.keySet());
    }

    /** Every label, in {@link LabelCsv#FILE_ORDER}. */
    public List<Label> all() {
        List<Label> out = new ArrayList<>(size());
        byAddress.values().forEach(out::addAll);
        out.sort(LabelCsv.FILE_ORDER.thenComparing(Label::pack));
        return out;
    }

    /** Number of labels. */
    public int size() {
        return byAddress.values().stream().mapToInt(List::size).sum();
    }

    /** Number of labelled addresses. */
    public int addressCount() {
        return byAddress.size();
    }
}
