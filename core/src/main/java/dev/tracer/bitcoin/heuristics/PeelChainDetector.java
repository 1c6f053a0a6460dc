package dev.tracer.bitcoin.heuristics;

import dev.tracer.bitcoin.BtcOutput;
import dev.tracer.bitcoin.BtcTx;
import dev.tracer.bitcoin.Outpoint;
import dev.tracer.bitcoin.TxGraph;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Peel chains: a run of one-input, two-output transactions where one output is small (peeled off:
 * a payment or an exchange deposit) and the other, larger, is spent by the next such transaction.
 * Launderers and some services move a large sum this way. From any transaction of a chain the
 * detector walks back through the creators of the inputs and forward through the spenders of the
 * larger outputs; it reports chains of at least {@value #MIN_LENGTH} steps, with their length and
 * total peeled.
 *
 * <p>Source: Meiklejohn et al., "A Fistful of Bitcoins: Characterizing Payments Among Men with No
 * Names" (IMC 2013), section 6 (peeling chains). Cost O(L) lookups in the {@link TxGraph} for a
 * chain of L steps (at most {@value #MAX_STEPS} walked each way).
 *
 * <p>Known false positives: exchange and custodial hot wallets paying customers one by one are
 * peel chains too (an entity's own spending, not laundering); a payment larger than its change
 * makes the chain follow the payment. A chain stops where a step's spender is not in the graph.
 */
public final class PeelChainDetector {
    /** Shortest run reported as a chain. */
    public static final int MIN_LENGTH = 3;
    /** Most steps walked in each direction. */
    public static final int MAX_STEPS = 10_000;

    /** {@code tx} as a peel step, when it has the shape: one input, two outputs of different values. */
    public Optional<PeelStep> step(BtcTx tx) {
        if (tx.coinbase() || tx.inputs().size() != 1 || tx.outputs().size() != 2
                || Outputs.spendable(tx).size() != 2 || tx.outputs().get(0).value() == tx.outputs().get(1).value()) {
            return Optional.empty();
        }
        BtcOutput a = tx.outputs().get(0);
        BtcOutput b = tx.outputs().get(1);
        BtcOutput small = a.value() < b.value() ? a : b;
        BtcOutput large = small == a ? b : a;
        return Optional.of(new PeelStep(tx.txid(), tx.inputs().get(0).spent(), new Outpoint(tx.txid(), small.index()),
                small.value(), new Outpoint(tx.txid(), large.index()), large.value()));
    }

    /** The peel chain {@code tx} is part of, if it has at least {@value #MIN_LENGTH} steps. */
    public Optional<PeelChain> chainThrough(BtcTx tx, TxGraph graph) {
        Optional<PeelStep> self = step(tx);
        if (self.isEmpty()) {
            return Optional.empty();
        }
        Deque<PeelStep> steps = new ArrayDeque<>();
        steps.add(self.get());
        for (int i = 0; i < MAX_STEPS; i++) {
            PeelStep first = steps.peekFirst();
            Optional<PeelStep> prev = graph.tx(first.spent().txid()).flatMap(this::step)
                    .filter(p -> p.next().equals(first.spent()));
            if (prev.isEmpty()) {
                break;
            }
            steps.addFirst(prev.get());
        }
        int position = steps.size() - 1;
        for (int i = 0; i < MAX_STEPS; i++) {
            PeelStep last = steps.peekLast();
            TxGraph.Spend s = graph.spender(last.next());
            if (s.state() != TxGraph.Spend.State.SPENT) {
                break;
            }
            Optional<PeelStep> next = graph.tx(s.by().orElseThrow()).flatMap(this::step);
            if (next.isEmpty()) {
                break;
            }
            steps.addLast(next.get());
        }
        return steps.size() >= MIN_LENGTH ? Optional.of(new PeelChain(java.util.List.copyOf(steps), position)) : Optional.empty();
    }
}
