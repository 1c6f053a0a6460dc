package dev.tracer.trace;

import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.IntFunction;

/**
 * An unmodifiable list whose element {@code i} is made from {@code i} the first time it is read,
 * then kept. A {@link TraceResult} holds what the trace found this way: the trace computes ids
 * and amounts, and the values that present them (addresses, hashes, transfers, shares) are made
 * only for the elements a reader reads, so a trace does not pay for values nobody reads.
 *
 * <p>The function must be pure (made from immutable data: the graph, the label store, arrays the
 * trace no longer writes). Reads from several threads are safe: a race can make an element twice,
 * and both are equal; an element's fields are final, so a plain array store publishes it safely
 * (JLS 17.5). O(1) a read, plus the function's cost on the first.
 */
final class IndexedList<T> extends AbstractList<T> implements RandomAccess {
    private final int size;
    private final IntFunction<? extends T> make;
    private final Object[] made;

    IndexedList(int size, IntFunction<? extends T> make) {
        if (size < 0) {
            throw new IllegalArgumentException("size must be 0 or more, got " + size);
        }
        this.size = size;
        this.make = Objects.requireNonNull(make, "make");
        this.made = new Object[size];
    }

    @Override
    @SuppressWarnings("unchecked")
    public T get(int index) {
        Objects.checkIndex(index, size);
        Object v = made[index];
        if (v == null) {
            v = Objects.requireNonNull(make.apply(index), "made a null element");
            made[index] = v;
        }
        return (T) v;
    }

    @Override
    public int size() {
        return size;
    }
}
