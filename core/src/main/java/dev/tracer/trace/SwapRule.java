package dev.tracer.trace;

import dev.tracer.graph.TransferGraph;
import dev.tracer.model.Asset;
import java.time.Duration;
import java.util.Optional;

/**
 * Decides which outflows are swaps, so that the engine can carry taint across them: when a
 * followed address sends a tainted asset in a swap-like transfer and, within {@link #window()},
 * must credit an unexplained inflow of another asset of the same unit of account, the engine
 * treats that inflow as the swap's proceeds and taints it in proportion. Implemented by
 * {@link dev.tracer.detect.DexSwapContinuity}.
 */
public interface SwapRule {

    /** The rule that makes transfer {@code edge} from {@code sender} swap-like, or empty. */
    Optional<String> swapLike(TransferGraph g, int edge, int sender);

    /** The unit of account of {@code asset} ("ETH" for ETH, stETH, WETH), or empty if it cannot be matched. */
    Optional<String> unit(Asset asset);

    /** How long after a swap-like outflow its proceeds may appear. */
    Duration window();
}
