package dev.tracer.bitcoin.heuristics;

import dev.tracer.bitcoin.Outpoint;
import java.util.List;

/**
 * A run of peel steps, each spending the previous step's larger output.
 *
 * @param steps    in chain order
 * @param position the index in {@code steps} of the transaction the chain was found from
 */
public record PeelChain(List<PeelStep> steps, int position) {

    public PeelChain {
        steps = List.copyOf(steps);
        if (steps.isEmpty() || position < 0 || position >= steps.size()) {
            throw new IllegalArgumentException("a peel chain has steps and the position of one of them");
        }
        for (int i = 1; i < steps.size(); i++) {
            if (!steps.get(i).spent().equals(steps.get(i - 1).next())) {
                throw new IllegalArgumentException("step " + i + " does not spend the previous step's larger output");
            }
        }
    }

    public int length() {
        return steps.size();
    }

    /** Satoshis peeled off along the chain. */
    public long totalPeeled() {
        return steps.stream().mapToLong(PeelStep::peeledValue).sum();
    }

    /** The larger output of the last step: where what was not peeled went on. */
    public Outpoint end() {
        return steps.get(steps.size() - 1).next();
    }
}
