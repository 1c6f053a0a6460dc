package dev.tracer.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracer.assets.AssetVerdict;
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
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * {@link OutflowMarks} says exactly which addresses have a contract call (forward) or an
 * excluded transfer (either direction) in the window: what scanning each address's out-list, as
 * the result does, finds. A clear bit that hid a call or an exclusion would drop it from a
 * report, so the property compares every address both ways, with and without a window.
 */
class OutflowMarksTest {
    private static final Asset ETH = Asset.nativeOf(Chain.ETHEREUM);
    private static final List<Asset> TOKENS = List.of(token(3, "USDT"), token(4, "USDT"), token(5, "ODD"));

    private static Asset token(int n, String symbol) {
        return Asset.token(Address.parse(Chain.ETHEREUM, String.format("0x%040x", 0x1000 + n)), symbol, 6, true);
    }

    /** A transfer: sender and receiver (of 6 addresses), asset (0 ETH, 1 genuine, 2 imitation, 3 unverified), zero or not, second. */
    record Step(int from, int to, int asset, boolean zero, int second) {
    }

    @Provide
    Arbitrary<Step> steps() {
        return Combinators.combine(Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 5),
                Arbitraries.integers().between(0, 3), Arbitraries.of(true, false), Arbitraries.integers().between(0, 99))
                .as(Step::new);
    }

    @Property(tries = 300)
    void marksWhatTheScansFind(@ForAll @Size(min = 1, max = 40) List<@From("steps") Step> steps,
                               @ForAll @IntRange(min = -1, max = 99) int since) {
        List<Transfer> ts = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            Asset a = s.asset() == 0 ? ETH : TOKENS.get(s.asset() - 1);
            ts.add(new Transfer(Chain.ETHEREUM, TxHash.parse(Chain.ETHEREUM, String.format("0x%064x", i + 1)), 0, 0,
                    Address.parse(Chain.ETHEREUM, String.format("0x%040x", s.from() + 1)),
                    Address.parse(Chain.ETHEREUM, String.format("0x%040x", s.to() + 1)), a,
                    s.zero() ? BigInteger.ZERO : BigInteger.valueOf(1000 + i), 100 + s.second(),
                    Instant.ofEpochSecond(1_700_000_000L + s.second()), s.asset() == 0 ? TransferKind.NATIVE : TransferKind.TOKEN));
        }
        TransferGraph g = TransferGraph.builder().addAll(ts).build();
        AssetVerdict[] verdicts = new AssetVerdict[g.assetCount()];
        boolean[] traced = new boolean[g.assetCount()];
        for (int i = 0; i < g.assetCount(); i++) {
            Asset a = g.asset(i);
            int k = a.equals(ETH) ? 0 : TOKENS.indexOf(a) + 1;
            AssetVerdict.Kind kind = k == 2 ? AssetVerdict.Kind.IMITATION : k == 3 ? AssetVerdict.Kind.UNVERIFIED
                    : AssetVerdict.Kind.GENUINE;
            verdicts[i] = new AssetVerdict(a, kind, kind == AssetVerdict.Kind.IMITATION ? Optional.of(TOKENS.get(0))
                    : Optional.empty(), kind.name());
            traced[i] = verdicts[i].carriesValue();
        }
        TracePolicy.Builder pb = TracePolicy.builder();
        if (since >= 0) {
            pb.since(Instant.ofEpochSecond(1_700_000_000L + since)); // a window that leaves some transfers out
        }
        TracePolicy policy = pb.build();
        OutflowMarks marks = new OutflowMarks(g, verdicts, policy, traced);
        for (boolean fwd : new boolean[] {true, false}) {
            TravelView view = new TravelView(g, fwd, policy, traced);
            for (int a = 0; a < g.addressCount(); a++) {
                boolean call = false;
                boolean excluded = false;
                for (int k = 0; k < view.outDeg(a); k++) {
                    int e = view.outAt(a, k);
                    if (!view.inWindow(e)) {
                        continue;
                    }
                    call |= g.kind(e) == TransferKind.NATIVE && g.isZeroAmount(e);
                    excluded |= Poisonings.reason(g, verdicts, e) != null;
                }
                assertThat(marks.excludesFrom(a, fwd)).as("exclusions from %s, forward %s", g.address(a), fwd).isEqualTo(excluded);
                if (fwd) {
                    assertThat(marks.callsFrom(a)).as("calls from %s", g.address(a)).isEqualTo(call);
                }
            }
        }
    }
}
