package dev.tracer.model;

import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a dataset holds completely. Within {@link #range()}, the dataset holds every outgoing
 * transfer of the addresses in {@link #completeOutflows()} and every incoming transfer of those in
 * {@link #completeInflows()}; with {@link #everyAddress()} it holds every transfer of every
 * address in the range (a full block export). An address outside this coverage is a frontier: the
 * data ends there, which is not the same as the funds stopping there.
 */
public record Coverage(
        Chain chain,
        BlockRange range,
        boolean everyAddress,
        SortedSet<Address> completeOutflows,
        SortedSet<Address> completeInflows) {

    public Coverage {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(range, "range");
        completeOutflows = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(completeOutflows));
        completeInflows = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(completeInflows));
    }

    /** Coverage of a full export: every address, every transfer, within the range. */
    public static Coverage full(Chain chain, BlockRange range) {
        return new Coverage(chain, range, true, new TreeSet<>(), new TreeSet<>());
    }

    /** Coverage of the complete outflows of the listed addresses. */
    public static Coverage outflowsOf(Chain chain, BlockRange range, Set<Address> senders) {
        return new Coverage(chain, range, false, new TreeSet<>(senders), new TreeSet<>());
    }

    /** True when every outgoing transfer of {@code a} within the range is in the data. */
    public boolean outflowsComplete(Address a) {
        return everyAddress || completeOutflows.contains(a);
    }

    /** True when every incoming transfer of {@code a} within the range is in the data. */
    public boolean inflowsComplete(Address a) {
        return everyAddress || completeInflows.contains(a);
    }
}
