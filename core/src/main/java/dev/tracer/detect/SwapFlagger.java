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
 * Reports the conversions {@link DexSwapContinuity} let the engine make: one flag per address
 * and target asset, with the swap-like outflows, the outflows that needed the proceeds, the
 * amounts, how far the values differ at face value, and whether taint was carried. Every
 * conversion inferred from an account export is marked {@code inferred}.
 */
public final class SwapFlagger implements Detector {

    @Override
    public String name() {
        return "DexSwapContinuity";
    }

    @Override
    public List<Flag> detect(DetectionContext ctx) {
        record Key(dev.tracer.model.Address address, Asset to) {
        }
        java.util.Map<Key, List<TraceResult.Conversion>> groups = new java.util.TreeMap<>(
                java.util.Comparator.comparing(Key::address).thenComparing(Key::to));
        for (TraceResult.Conversion c : ctx.result().conversions()) {
            groups.computeIfAbsent(new Key(c.address(), c.toAsset()), k -> new ArrayList<>()).add(c);
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
            java.math.BigInteger offeredOut = offered(ctx, k.address(), k.to());
            String match = offeredOut.signum() == 0 ? "" : String.format("; face value of the swapped %s: %s (%s%%)",
                    String.join("+", from), Amount.of(k.to(), offeredOut),
                    new BigDecimal(amount).multiply(BigDecimal.valueOf(100))
                            .divide(new BigDecimal(offeredOut), new MathContext(5)).toPlainString());
            Instant when = ctx.data().graph().time(0);
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
        ctx.result().conversions().stream().filter(c -> c.address().equals(a) && c.toAsset().equals(to))
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
