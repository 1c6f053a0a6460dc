package dev.tracer.model;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * A native coin or a token contract on one chain. Identity is chain plus contract (none for the
 * native coin); symbol and decimals are metadata as the data or the contract reported them, and
 * may be attacker-chosen text (a fake token can call itself "ЕТН").
 */
public final class Asset implements Comparable<Asset> {
    private static final Comparator<Asset> ORDER = Comparator
            .comparing((Asset a) -> a.chain.name())
            .thenComparing(a -> a.contract == null ? "" : a.contract.value());

    private final Chain chain;
    private final Address contract; // null for the native coin
    private final String symbol;
    private final int decimals;
    private final boolean decimalsKnown;
    private final String id; // made once: reports write it with every amount

    private Asset(Chain chain, Address contract, String symbol, int decimals, boolean decimalsKnown) {
        this.chain = chain;
        this.contract = contract;
        this.symbol = symbol;
        this.decimals = decimals;
        this.decimalsKnown = decimalsKnown;
        this.id = chain.name() + ":" + (contract == null ? "native" : contract.value());
    }

    /** The chain's native coin (ETH, BTC). */
    public static Asset nativeOf(Chain chain) {
        Objects.requireNonNull(chain, "chain");
        return new Asset(chain, null, chain.nativeSymbol(), chain.nativeDecimals(), true);
    }

    /**
     * A token contract.
     *
     * @param decimalsKnown false when the data did not say and {@code decimals} is the ERC-20 default
     */
    public static Asset token(Address contract, String symbol, int decimals, boolean decimalsKnown) {
        Objects.requireNonNull(contract, "contract");
        if (decimals < 0 || decimals > 77) {
            throw new InvalidInputException("token " + contract + ": decimals out of range: " + decimals);
        }
        return new Asset(contract.chain(), contract, symbol == null ? "" : symbol, decimals, decimalsKnown);
    }

    public Chain chain() {
        return chain;
    }

    public boolean isNative() {
        return contract == null;
    }

    public Optional<Address> contract() {
        return Optional.ofNullable(contract);
    }

    public String symbol() {
        return symbol;
    }

    public int decimals() {
        return decimals;
    }

    public boolean decimalsKnown() {
        return decimalsKnown;
    }

    /** A stable identifier: {@code ethereum:native} or {@code ethereum:0x…contract}. */
    public String id() {
        return id;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Asset a && a.chain.equals(chain) && Objects.equals(a.contract, contract);
    }

    @Override
    public int hashCode() {
        return chain.hashCode() * 31 + Objects.hashCode(contract);
    }

    @Override
    public int compareTo(Asset o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return contract == null ? symbol : symbol + "(" + contract.abbreviated(4) + ")";
    }
}
