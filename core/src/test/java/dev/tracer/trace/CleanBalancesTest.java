package dev.tracer.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracer.graph.TransferGraph;
import dev.tracer.model.Address;
import dev.tracer.model.Asset;
import dev.tracer.model.Chain;
import dev.tracer.model.Transfer;
import dev.tracer.model.TransferKind;
import dev.tracer.model.TxHash;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * {@link CleanBalances} gives the clean balances and shortfalls of a per-asset map of exact
 * {@link BigInteger}s (how hubs' clean histories were replayed before it), over two assets,
 * transfers to the address itself, and amounts around the long boundary and 2^127; and a copy
 * taken mid-replay (a hub's checkpoint) does not move when the replay goes on.
 */
class CleanBalancesTest {
    private static final Address HOLDER = Address.parse(Chain.ETHEREUM, String.format("0x%040x", 1));
    private static final Address OTHER = Address.parse(Chain.ETHEREUM, String.format("0x%040x", 2));
    private static final Asset ETH = Asset.nativeOf(Chain.ETHEREUM);
    private static final Asset TOKEN = Asset.token(Address.parse(Chain.ETHEREUM, String.format("0x%040x", 3)), "TKN", 6, true);

    /** A step of the holder's history: amount, asset (0 ETH, 1 token), and kind (0 in, 1 out, 2 to itself). */
    record Step(BigInteger amount, int asset, int kind) {
    }

    @Provide
    Arbitrary<Step> steps() {
        BigInteger max = BigInteger.valueOf(Long.MAX_VALUE);
        BigInteger two127 = BigInteger.ONE.shiftLeft(127);
        Arbitrary<BigInteger> amount = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.bigIntegers().between(BigInteger.ONE, BigInteger.valueOf(1_000_000))),
                Tuple.of(3, Arbitraries.bigIntegers().between(max.shiftRight(2), max.add(max.shiftRight(2)))),
                Tuple.of(2, Arbitraries.bigIntegers().between(two127.shiftRight(2), two127.add(two127.shiftRight(2)))));
        return Combinators.combine(amount, Arbitraries.integers().between(0, 1), Arbitraries.integers().between(0, 2))
                .as(Step::new);
    }

    @Property(tries = 300)
    void matchesExactPerAssetBalances(@ForAll @Size(max = 50) List<@From("steps") Step> steps,
                                      @ForAll @IntRange(min = 0, max = 50) int copyAt) {
        List<Transfer> ts = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            Address from = s.kind() == 0 ? OTHER : HOLDER;
            Address to = s.kind() == 1 ? OTHER : HOLDER;
            ts.add(new Transfer(Chain.ETHEREUM, TxHash.parse(Chain.ETHEREUM, String.format("0x%064x", i + 1)), 0, 0,
                    from, to, s.asset() == 0 ? ETH : TOKEN, s.amount(), 100 + i, Instant.ofEpochSecond(1_700_000_000L + i),
                    s.asset() == 0 ? TransferKind.NATIVE : TransferKind.TOKEN));
        }
        TransferGraph g = TransferGraph.builder().addAll(ts).build();
        CleanBalances bal = new CleanBalances();
        Map<Integer, BigInteger> want = new HashMap<>();
        CleanBalances copy = null;
        Map<Integer, BigInteger> wantCopy = null;
        for (int e = 0; e < g.edgeCount(); e++) { // edges are in chain order: step e is edge e
            if (e == copyAt) {
                copy = bal.copy();
                wantCopy = new HashMap<>(want);
            }
            Step s = steps.get(e);
            boolean self = s.kind() == 2;
            BigInteger missing = null;
            int asset = g.assetId(e);
            // a transfer to itself is applied once, as an outflow: checked against the balance, not moved
            boolean inflow = s.kind() == 0;
            BigInteger b = want.getOrDefault(asset, BigInteger.ZERO);
            if (inflow) {
                want.put(asset, b.add(s.amount()));
            } else {
                if (b.compareTo(s.amount()) < 0) {
                    missing = s.amount().subtract(b);
                    b = s.amount();
                }
                want.put(asset, self ? b : b.subtract(s.amount()));
            }
            assertThat(bal.apply(g, e, inflow, self)).isEqualTo(missing);
            // the same transfer seen as the inflow of a transfer to itself changes nothing
            if (self) {
                assertThat(bal.apply(g, e, true, true)).isNull();
            }
            assertThat(balances(bal)).isEqualTo(want);
        }
        if (copy != null) {
            assertThat(balances(copy)).isEqualTo(wantCopy);
        }
    }

    private static Map<Integer, BigInteger> balances(CleanBalances bal) {
        Map<Integer, BigInteger> out = new HashMap<>();
        for (int i = 0; i < bal.size(); i++) {
            assertThat(out.put(bal.asset(i), bal.tally(i).value())).as("one entry per asset").isNull();
        }
        return out;
    }
}
