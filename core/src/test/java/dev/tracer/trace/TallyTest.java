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
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * {@link Tally} gives what exact {@link BigInteger} arithmetic gives, on amounts around the
 * long boundary and around 2^127 (where it switches between its wide and big paths, both ways).
 */
class TallyTest {
    private static final Asset ETH = Asset.nativeOf(Chain.ETHEREUM);

    /** A step: an amount, and what to do with it (0 add, 1 draw, 2 draw keeping). */
    record Step(BigInteger amount, int op) {
    }

    @Provide
    Arbitrary<Step> steps() {
        BigInteger max = BigInteger.valueOf(Long.MAX_VALUE);
        Arbitrary<BigInteger> near = Arbitraries.bigIntegers().between(max.shiftRight(2), max.add(max.shiftRight(2)));
        Arbitrary<BigInteger> small = Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.valueOf(1_000_000));
        Arbitrary<BigInteger> huge = Arbitraries.bigIntegers().between(max, BigInteger.ONE.shiftLeft(200))
                .map(v -> v.multiply(BigInteger.TEN.pow(3)));
        // around 2^127, where it switches between its wide and big paths
        BigInteger two127 = BigInteger.ONE.shiftLeft(127);
        Arbitrary<BigInteger> near127 = Arbitraries.bigIntegers().between(two127.shiftRight(2), two127.add(two127.shiftRight(2)));
        Arbitrary<BigInteger> amount = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, small), net.jqwik.api.Tuple.of(4, near), net.jqwik.api.Tuple.of(1, huge),
                net.jqwik.api.Tuple.of(3, near127));
        return net.jqwik.api.Combinators.combine(amount, Arbitraries.integers().between(0, 2)).as(Step::new);
    }

    @Property(tries = 300)
    void matchesExactArithmetic(@ForAll @Size(max = 60) List<@From("steps") Step> steps) {
        List<Transfer> ts = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            ts.add(new Transfer(Chain.ETHEREUM, TxHash.parse(Chain.ETHEREUM, String.format("0x%064x", i + 1)), 0, 0,
                    Address.parse(Chain.ETHEREUM, String.format("0x%040x", 1)),
                    Address.parse(Chain.ETHEREUM, String.format("0x%040x", 2)), ETH, steps.get(i).amount(),
                    100 + i, Instant.ofEpochSecond(1_700_000_000L + i), TransferKind.NATIVE));
        }
        TransferGraph g = TransferGraph.builder().addAll(ts).build();
        Tally t = new Tally();
        BigInteger want = BigInteger.ZERO;
        for (int e = 0; e < g.edgeCount(); e++) { // edges are in chain order: step e is edge e
            BigInteger amt = steps.get(e).amount();
            assertThat(g.amount(e)).isEqualTo(amt);
            int op = steps.get(e).op();
            if (op == 0) {
                t.add(g, e);
                want = want.add(amt);
            } else {
                BigInteger missing = want.compareTo(amt) < 0 ? amt.subtract(want) : null;
                want = want.max(amt);
                if (op == 1) {
                    want = want.subtract(amt);
                }
                assertThat(t.draw(g, e, op == 2)).isEqualTo(missing);
            }
            assertThat(t.value()).isEqualTo(want);
            assertThat(t.signum()).isEqualTo(want.signum());
            assertThat(t.cleanDraw().amount()).isEqualTo(want);
            assertThat(t.cleanDraw().tainted()).isZero();
        }
    }
}
