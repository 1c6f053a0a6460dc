package dev.tracer.detect;

import dev.tracer.model.Amount;
import dev.tracer.model.Asset;
import dev.tracer.model.Flag;
import dev.tracer.model.TxHash;
import dev.tracer.trace.TraceResult;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reports the conversions {@link DexSwapContinuity} let the engine make: one flag per address,
 * target asset and kind of match, with the swap-like outflows, the transfers that carried the
 * proceeds, the amounts, and the taint carried.
 *
 * <p>Rules: {@code same-tx:RULE} when the proceeds are recorded in the swap's own transaction (an
 * internal ETH transfer or a token transfer back from the DEX): the swap is observed, not guessed,
 * and needs no face-value comparison (the units may differ, USDT → ETH); {@code inferred:RULE}
 * when the proceeds are an unexplained inflow matched at face value within the window (account
 * exports lack them), with how far the values differ. RULE is what made the outflow swap-like.
 * Source: the swap step of the Bybit 2025 laundering; Uniswap V2's atomic swap (tokens in, asset
 * out in one call). Cost: O(C + T) over conversions and traced transfers.
 *
 * <p>Known false positives: a same-transaction inflow from a contract that is not a swap (a
 * refund or a reward paid while the address sent a token to a DEX-labelled or router-called
 * contract) is taken as proceeds.
 */
public final class SwapFlagger implements Detector {

    @Override
    public String name() {
        return "DexSwapContinuity";
    }

    @Override
    public List<Flag> detect(DetectionContext ctx) {
        record Key(dev.tracer.model.Address address, Asset to, boolean inferred) {
        }
        java.util.Map<Key, List<TraceResult.Conversion>> groups = new java.util.TreeMap<>(
                java.util.Comparator.comparing(Key::address).thenComparing(Key::to).thenComparing(Key::inferred));
        for (TraceResult.Conversion c : ctx.result().conversions()) {
            groups.computeIfAbsent(new Key(c.address(), c.toAsset(), c.inferred()), k -> new ArrayList<>()).add(c);
        }
        List<Flag> out = new ArrayList<>();
        groups.forEach((k, list) -> {
            java.math.BigInteger amount = java.math.BigInteger.ZERO;
            java.math.BigInteger taint = java.math.BigInteger.ZERO;
            java.util.LinkedHashSet<TxHash> txs = new java.util.LinkedHashSet<>();
            java.util.TreeSet<String> rules = new java.util.TreeSet<>();
            java.util.TreeSet<String> from = new java.util.TreeSet<>();
            for (TraceResult.Conversion c : list) {
                amount = amount.add(c.amount());
                taint = taint.add(c.taintCarried());
                txs.addAll(c.fromTxs());
                txs.add(c.beforeTx());
                rules.addAll(c.rules());
                c.fromAssets().forEach(a -> from.add(a.symbol()));
            }
            Instant when = ctx.data().graph().time(0);
            if (!k.inferred()) {
                rules.remove("same-tx");
                out.add(new Flag("dex-swap", name(), k.address(), "same-tx:" + String.join(",", rules), 95,
                        "swap in one transaction: " + String.join("+", from) + " out, " + Amount.of(k.to(), amount)
                                + " back in the same transaction; " + Amount.of(k.to(), taint) + " of it carries the taint",
                        List.copyOf(txs), List.of(Amount.of(k.to(), amount)), times(ctx, list, true, when),
                        times(ctx, list, false, when)));
                return;
            }
            java.math.BigInteger offeredOut = offered(ctx, k.address(), k.to());
            String match = offeredOut.signum() == 0 ? "" : String.format("; face value of the swapped %s: %s (%s%%)",
                    String.join("+", from), Amount.of(k.to(), offeredOut),
                    new BigDecimal(amount).multiply(BigDecimal.valueOf(100))
                            .divide(new BigDecimal(offeredOut), new MathContext(5)).toPlainString());
            out.add(new Flag("dex-swap", name(), k.address(), "inferred:" + String.join(",", rules),
                    rules.contains("labelled-dex") ? 85 : 70,
                    "swapped " + String.join("+", from) + " into " + Amount.of(k.to(), amount) + " the data does not show arriving;"
                            + " " + Amount.of(k.to(), taint) + " of it carries the taint" + match,
                    List.copyOf(txs), List.of(Amount.of(k.to(), amount)), times(ctx, list, true, when),
                    times(ctx, list, false, when)));
        });
        return out;
    }

    /** Face value, in the target asset, of every swap-like outflow that fed these conversions. */
    private static java.math.BigInteger offered(DetectionContext ctx, dev.tracer.model.Address a, Asset to) {
        java.util.Set<TxHash> fed = new java.util.HashSet<>();
        ctx.result().conversions().stream().filter(c -> c.inferred() && c.address().equals(a) && c.toAsset().equals(to))
                .forEach(c -> fed.addAll(c.fromTxs()));
        java.math.BigInteger sum = java.math.BigInteger.ZERO;
        for (TraceResult.TracedTransfer t : ctx.result().transfers()) {
            if (t.transfer().from().equals(a) && fed.contains(t.transfer().tx()) && !t.transfer().asset().equals(to)) {
                int d = to.decimals() - t.transfer().asset().decimals();
                java.math.BigInteger v = t.transfer().amount();
                sum = sum.add(d >= 0 ? v.multiply(java.math.BigInteger.TEN.pow(d)) : v.divide(java.math.BigInteger.TEN.pow(-d)));
            }
        }
        return sum;
    }

    private static Instant times(DetectionContext ctx, List<TraceResult.Conversion> list, boolean first, Instant fallback) {
        Instant best = null;
        for (TraceResult.TracedTransfer t : ctx.result().transfers()) {
            for (TraceResult.Conversion c : list) {
                if (c.fromTxs().contains(t.transfer().tx()) || c.beforeTx().equals(t.transfer().tx())) {
                    Instant i = t.transfer().time();
                    if (best == null || (first ? i.isBefore(best) : i.isAfter(best))) {
                        best = i;
                    }
                }
            }
        }
        return best == null ? fallback : best;
    }
}
