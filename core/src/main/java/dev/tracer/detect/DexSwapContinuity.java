package dev.tracer.detect;

import dev.tracer.assets.AssetRegistry;
import dev.tracer.graph.TransferGraph;
import dev.tracer.label.Category;
import dev.tracer.label.Label;
import dev.tracer.label.LabelStore;
import dev.tracer.model.Address;
import dev.tracer.model.Asset;
import dev.tracer.model.TransferKind;
import dev.tracer.trace.SwapRule;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * DEX swap continuity: which token outflows are swaps, so that the engine carries their taint
 * into the asset that comes back.
 *
 * <p>A genuine token sent by an address is swap-like when one of these rules fires:
 * <ul>
 *   <li>{@code labelled-dex}: the receiver is labelled DEX (a pool, router or aggregator);
 *   <li>{@code router-call}: in the same transaction the sender called a contract other than
 *       the token itself (a router such as Uniswap's Universal Router), shown by the
 *       transaction's own zero-or-more-value native transfer to that contract;
 *   <li>{@code pulled}: the sender did not sign the transaction that moved its tokens (its
 *       outflows are complete and show no transaction of its own there), so an approved
 *       spender pulled them: the settlement pattern of aggregators and solvers after an
 *       {@code approve}.
 * </ul>
 * The engine then takes as the swap's proceeds either an inflow of another asset at the same
 * address in the same transaction (rule {@code same-tx}: recorded proceeds, any unit, e.g. a
 * DEX's internal ETH payment for USDT), or else an unexplained inflow of another asset of the
 * same unit of account (stETH, mETH, WETH → ETH) within {@link #window()}, at face value,
 * reported as an inferred conversion with how well the values agree (account exports lack the
 * DEX's internal payments).
 *
 * <p>Source: the swap step of the Bybit 2025 laundering (stETH/mETH sold through solvers and
 * Uniswap routers for ETH, then moved on), as seen in its outflows; the "token-out /
 * unexplained-inflow" rule of the project's detector issue. Cost: O(d) per outflow for the d
 * transfers of its transaction.
 *
 * <p>Known false positives: a plain {@code transferFrom} by a non-DEX spender (a payment
 * processor, a lending protocol taking collateral) looks {@code pulled}; if the sender then
 * spends ETH the data does not show arriving, that ETH is taken as the proceeds. Known false
 * negatives: inferred swaps into assets of another unit (ETH → USDC) are not matched (no prices).
 */
public final class DexSwapContinuity implements SwapRule {
    public static final Duration DEFAULT_WINDOW = Duration.ofHours(24);

    private final AssetRegistry registry;
    private final LabelStore labels;
    private final Duration window;

    public DexSwapContinuity(AssetRegistry registry, LabelStore labels, Duration window) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.labels = Objects.requireNonNull(labels, "labels");
        this.window = Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new dev.tracer.model.InvalidInputException("swap window must be positive, got " + window);
        }
    }

    @Override
    public Optional<String> swapLike(TransferGraph g, int edge, int sender) {
        if (g.kind(edge) != TransferKind.TOKEN) {
            return Optional.empty();
        }
        Address receiver = g.address(g.to(edge));
        if (isDex(receiver)) {
            return Optional.of("labelled-dex");
        }
        Address token = g.assetOf(edge).contract().orElseThrow();
        boolean signed = false;
        // the sender's own transfers of this transaction sit next to each other in its out-list
        int lo = 0;
        int hi = g.outDegree(sender);
        while (lo < hi) { // first transfer of the sender in this block (out-lists are in chain order)
            int mid = (lo + hi) >>> 1;
            if (g.block(g.outEdge(sender, mid)) < g.block(edge)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        for (int k = lo; k < g.outDegree(sender) && g.block(g.outEdge(sender, k)) == g.block(edge); k++) {
            int e = g.outEdge(sender, k);
            if (!g.sameTx(e, edge)) {
                continue;
            }
            if (g.kind(e) == TransferKind.NATIVE) {
                signed = true;
                Address called = g.address(g.to(e));
                if (!called.equals(token)) {
                    return Optional.of(isDex(called) ? "router-call:" + name(called) : "router-call");
                }
            }
        }
        return signed ? Optional.empty() : Optional.of("pulled");
    }

    private boolean isDex(Address a) {
        return labels.best(a).map(Label::category).orElse(null) == Category.DEX;
    }

    private String name(Address a) {
        return labels.best(a).map(Label::entity).orElse(a.value());
    }

    @Override
    public Optional<String> unit(Asset asset) {
        return registry.unit(asset);
    }

    @Override
    public Duration window() {
        return window;
    }
}
