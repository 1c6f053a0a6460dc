package dev.tracer.bitcoin;

import dev.tracer.model.TxHash;
import java.util.Objects;
import java.util.Optional;

/**
 * The lookups the Bitcoin heuristics need beyond one transaction: other transactions, who spent
 * an output, and whether an output was the first payment to its address. A {@link TxSet} answers
 * from memory; a live source answers by fetching. Answers say "unknown" rather than guess.
 */
public interface TxGraph {

    /** The transaction {@code txid}, if the graph has it. */
    Optional<BtcTx> tx(TxHash txid);

    /** Whether {@code o} is spent, and by which transaction, as far as the graph knows. */
    Spend spender(Outpoint o);

    /**
     * Whether {@code output} is the first output ever paying {@code address} (a fresh address);
     * empty when the graph cannot tell (its data does not reach back to the address's first use).
     */
    Optional<Boolean> isFirstFunding(String address, Outpoint output);

    /** A graph that knows nothing beyond the transaction at hand. */
    static TxGraph none() {
        return new TxGraph() {
            @Override
            public Optional<BtcTx> tx(TxHash txid) {
                return Optional.empty();
            }

            @Override
            public Spend spender(Outpoint o) {
                return Spend.unknown();
            }

            @Override
            public Optional<Boolean> isFirstFunding(String address, Outpoint output) {
                return Optional.empty();
            }
        };
    }

    /**
     * {@code g} answering at most {@code lookups} questions; after that every answer is "unknown"
     * (bounds what a heuristic may fetch from a live source). Thread-safe.
     */
    static TxGraph limited(TxGraph g, int lookups) {
        java.util.concurrent.atomic.AtomicInteger left = new java.util.concurrent.atomic.AtomicInteger(lookups);
        return new TxGraph() {
            @Override
            public Optional<BtcTx> tx(TxHash txid) {
                return left.getAndDecrement() > 0 ? g.tx(txid) : Optional.empty();
            }

            @Override
            public Spend spender(Outpoint o) {
                return left.getAndDecrement() > 0 ? g.spender(o) : Spend.unknown();
            }

            @Override
            public Optional<Boolean> isFirstFunding(String address, Outpoint output) {
                return left.getAndDecrement() > 0 ? g.isFirstFunding(address, output) : Optional.empty();
            }
        };
    }

    /** What is known about an output's spending. */
    record Spend(State state, Optional<TxHash> by) {
        /** Spent (by a known transaction), known unspent, or unknown. */
        public enum State { SPENT, UNSPENT, UNKNOWN }

        public Spend {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(by, "by");
            if ((state == State.SPENT) != by.isPresent()) {
                throw new IllegalArgumentException("a spent output names its spender, and only a spent one");
            }
        }

        public static Spend spentBy(TxHash tx) {
            return new Spend(State.SPENT, Optional.of(tx));
        }

        public static Spend unspent() {
            return new Spend(State.UNSPENT, Optional.empty());
        }

        public static Spend unknown() {
            return new Spend(State.UNKNOWN, Optional.empty());
        }
    }
}
