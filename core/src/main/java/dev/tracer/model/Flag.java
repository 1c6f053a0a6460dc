package dev.tracer.model;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A laundering pattern a detector found, with its evidence.
 *
 * @param type       what it is ({@code equal-split}, {@code consolidation}, {@code dex-swap}, …)
 * @param detector   the class that found it
 * @param address    where it happened
 * @param rule       which rule fired, as the detector documents it
 * @param confidence 0–100
 * @param summary    one line an investigator reads
 * @param txs        the transactions that show it, in chain order
 * @param amounts    the amounts involved
 * @param first      time of the first evidence transaction
 * @param last       time of the last
 */
public record Flag(String type, String detector, Address address, String rule, int confidence, String summary,
                   List<TxHash> txs, List<Amount> amounts, Instant first, Instant last) implements Comparable<Flag> {

    private static final Comparator<Flag> ORDER = Comparator.comparing(Flag::address).thenComparing(Flag::type)
            .thenComparing(Flag::first).thenComparing(Flag::rule).thenComparing(Flag::summary);

    public Flag {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(detector, "detector");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        if (confidence < 0 || confidence > 100) {
            throw new IllegalArgumentException("confidence " + confidence + " outside 0..100");
        }
        if (txs.isEmpty()) {
            throw new IllegalArgumentException("a flag needs evidence: at least one transaction");
        }
        txs = List.copyOf(txs);
        amounts = List.copyOf(amounts);
    }

    @Override
    public int compareTo(Flag o) {
        return ORDER.compare(this, o);
    }
}
