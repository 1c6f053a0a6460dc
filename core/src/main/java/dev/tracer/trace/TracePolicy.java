package dev.tracer.trace;

import dev.tracer.label.Category;
import dev.tracer.model.Asset;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * How far and how a trace goes. Immutable; build with {@link #builder()}.
 *
 * @param maxHops       transfers from a seed after which an address is not followed further
 * @param minAmount     in whole units of each asset: a transfer carrying less taint moves it but
 *                      does not start following its receiver (reported as below minimum)
 * @param since         only transfers at or after this time are traced (the seed's balance then
 *                      counts as stolen)
 * @param until         only transfers at or before this time are traced
 * @param assets        assets to trace; empty means every genuine asset
 * @param stopAt        categories where a trace ends (reported as the endpoint)
 * @param fanOutCap     most distinct receivers followed from one address; later ones are cut
 *                      and reported
 */
public record TracePolicy(
        int maxHops,
        BigDecimal minAmount,
        Optional<Instant> since,
        Optional<Instant> until,
        SortedSet<Asset> assets,
        Set<Category> stopAt,
        int fanOutCap) {

    public static final int DEFAULT_HOPS = 5;
    public static final int DEFAULT_FAN_OUT_CAP = 1000;

    public TracePolicy {
        Objects.requireNonNull(minAmount, "minAmount");
        assets = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(assets));
        stopAt = Set.copyOf(stopAt);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The builder. Every setter validates at once and names what is wrong. */
    public static final class Builder {
        private static final int MAX_WHOLE_DIGITS = 78;
        private static final int MAX_DECIMALS = 255;
        private int maxHops = DEFAULT_HOPS;
        private BigDecimal minAmount = BigDecimal.ZERO;
        private Instant since;
        private Instant until;
        private final TreeSet<Asset> assets = new TreeSet<>();
        private Set<Category> stopAt = EnumSet.of(Category.EXCHANGE, Category.BRIDGE, Category.MIXER, Category.DEX,
                Category.TOKEN_CONTRACT);
        private int fanOutCap = DEFAULT_FAN_OUT_CAP;

        private Builder() {
        }

        public Builder maxHops(int hops) {
            if (hops < 1 || hops > 1000) {
                throw new dev.tracer.model.InvalidInputException("hops must be between 1 and 1000, got " + hops);
            }
            this.maxHops = hops;
            return this;
        }

        public Builder minAmount(BigDecimal min) {
            if (min == null || min.signum() < 0) {
                throw new dev.tracer.model.InvalidInputException("minimum amount must be zero or more, got " + min);
            }
            // Bounds, checked from the digits without expanding the number (1e999999999 would take
            // minutes to convert to base units): 10^78 whole units is above 2^256 base units of any
            // asset, and no asset has more than 255 decimals (ERC-20's decimals is a uint8).
            if (min.signum() > 0 && min.precision() - min.scale() > MAX_WHOLE_DIGITS) {
                throw new dev.tracer.model.InvalidInputException("minimum amount must be below 10^" + MAX_WHOLE_DIGITS
                        + " (above any on-chain amount), got " + min.round(new java.math.MathContext(3)));
            }
            if (min.stripTrailingZeros().scale() > MAX_DECIMALS) {
                throw new dev.tracer.model.InvalidInputException("minimum amount must have at most " + MAX_DECIMALS
                        + " decimal places (no asset has finer units), got " + min.round(new java.math.MathContext(3)));
            }
            this.minAmount = min.signum() == 0 ? BigDecimal.ZERO : min;
            return this;
        }

        public Builder since(Instant t) {
            this.since = t;
            return this;
        }

        public Builder until(Instant t) {
            this.until = t;
            return this;
        }

        public Builder asset(Asset a) {
            assets.add(Objects.requireNonNull(a, "asset"));
            return this;
        }

        public Builder stopAt(Set<Category> categories) {
            this.stopAt = EnumSet.noneOf(Category.class);
            this.stopAt.addAll(categories);
            return this;
        }

        public Builder fanOutCap(int cap) {
            if (cap < 1) {
                throw new dev.tracer.model.InvalidInputException("fan-out cap must be at least 1, got " + cap);
            }
            this.fanOutCap = cap;
            return this;
        }

        public TracePolicy build() {
            if (since != null && until != null && until.isBefore(since)) {
                throw new dev.tracer.model.InvalidInputException("--until " + until + " is before --since " + since);
            }
            return new TracePolicy(maxHops, minAmount, Optional.ofNullable(since), Optional.ofNullable(until),
                    assets, stopAt, fanOutCap);
        }
    }
}
