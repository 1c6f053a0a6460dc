package dev.tracer.trace;

import dev.tracer.model.Address;
import dev.tracer.model.TxHash;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a trace starts: an address whose holdings count wholly as stolen (forward) or as the
 * funds to explain (backward), or a transaction whose transfers are the theft.
 */
public record Seed(Optional<Address> address, Optional<TxHash> tx) implements Comparable<Seed> {

    public Seed {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(tx, "tx");
        if (address.isPresent() == tx.isPresent()) {
            throw new IllegalArgumentException("a seed is an address or a transaction");
        }
    }

    public static Seed address(Address a) {
        return new Seed(Optional.of(a), Optional.empty());
    }

    public static Seed tx(TxHash h) {
        return new Seed(Optional.empty(), Optional.of(h));
    }

    @Override
    public int compareTo(Seed o) {
        return toString().compareTo(o.toString());
    }

    @Override
    public String toString() {
        return address.map(Address::value).orElseGet(() -> tx.orElseThrow().value());
    }
}
