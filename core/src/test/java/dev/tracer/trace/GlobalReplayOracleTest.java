package dev.tracer.trace;

import dev.tracer.model.Address;
import dev.tracer.model.Asset;
import dev.tracer.source.Dataset;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The engine against the independent oracle {@link GlobalReplay}, on the random datasets of
 * {@link TaintConservationPropertiesTest} (up to 12 addresses and 60 transfers of ETH, stETH and an
 * imitation token, amounts up to 2^100): every model, both directions, complete data and data
 * with frontiers, a stop label, hop limits, fan-out caps and minimum amounts that cut, and window
 * starts. Per address and asset the stolen value received, sent and held, and every endpoint's
 * kind and amount, must be equal to the base unit.
 */
class GlobalReplayOracleTest {

    @Provide
    Arbitrary<TaintConservationPropertiesTest.Spec> complete() {
        return TaintConservationPropertiesTest.specs(false, false, true).map(s -> {
            List<Boolean> all = Collections.nCopies(s.n(), true);
            return new TaintConservationPropertiesTest.Spec(s.n(), s.txs(), all, all, s.seed(), s.exchange(), 1000,
                    BigDecimal.ZERO, TracePolicy.DEFAULT_FAN_OUT_CAP, s.forward(), 0);
        });
    }

    /**
     * Coverage as generated, except at the seed and the stop: an address whose outflows
     * (forward; inflows backward) the data lacks is a frontier, which absorbs what reaches it.
     */
    @Provide
    Arbitrary<TaintConservationPropertiesTest.Spec> partial() {
        return TaintConservationPropertiesTest.specs(false, false, true).map(s -> {
            List<Boolean> out = new ArrayList<>(s.outComplete());
            List<Boolean> in = new ArrayList<>(s.inComplete());
            for (int i : new int[] {s.seed(), s.exchange()}) {
                if (i >= 0) {
                    out.set(i, true);
                    in.set(i, true);
                }
            }
            return new TaintConservationPropertiesTest.Spec(s.n(), s.txs(), out, in, s.seed(), s.exchange(), 1000,
                    BigDecimal.ZERO, TracePolicy.DEFAULT_FAN_OUT_CAP, s.forward(), 0);
        });
    }

    @Property(tries = 300)
    void everyModelIsTheGlobalReplayWithFrontiers(@ForAll("partial") TaintConservationPropertiesTest.Spec s) {
        for (TaintModel model : TaintConservationPropertiesTest.MODELS) {
            assertMatchesOracle(s, model);
        }
        reachesOthersIn(50);
        Statistics.label("a frontier absorbed taint").coverage(c -> c.check(true).percentage(p -> p > 20));
    }

    /** Hop limits of 2 to 4 and fan-out caps of 1 to 3, where they cut; with or without minimum amounts. */
    static Arbitrary<TaintConservationPropertiesTest.Spec> cut(boolean minimum) {
        return TaintConservationPropertiesTest.specs(true, false, true).map(s -> new TaintConservationPropertiesTest.Spec(
                s.n(), s.txs(), s.outComplete(), s.inComplete(), s.seed(), s.exchange(), 2 + s.hops() % 3,
                minimum ? s.minAmount() : BigDecimal.ZERO, s.fanOutCap(), s.forward(), 0));
    }

    @Provide
    Arbitrary<TaintConservationPropertiesTest.Spec> cut() {
        return cut(false);
    }

    @Provide
    Arbitrary<TaintConservationPropertiesTest.Spec> cutWithMinimum() {
        return cut(true);
    }

    // the coverage checks are split: minimum amounts cut paths short, so hop limits bind more rarely with them
    @Property(tries = 300)
    void everyModelIsTheGlobalReplayWithHopLimitsAndFanOutCaps(@ForAll("cut") TaintConservationPropertiesTest.Spec s) {
        for (TaintModel model : TaintConservationPropertiesTest.MODELS) {
            assertMatchesOracle(s, model);
        }
        reachesOthersIn(50);
        Statistics.label("a hop limit absorbed taint").coverage(c -> c.check(true).percentage(p -> p > 2));
        Statistics.label("a fan-out cut absorbed taint").coverage(c -> c.check(true).percentage(p -> p > 2));
    }

    @Property(tries = 300)
    void everyModelIsTheGlobalReplayWithMinimumAmounts(@ForAll("cutWithMinimum") TaintConservationPropertiesTest.Spec s) {
        for (TaintModel model : TaintConservationPropertiesTest.MODELS) {
            assertMatchesOracle(s, model);
        }
        reachesOthersIn(30);
        Statistics.label("a below-minimum endpoint absorbed taint").coverage(c -> c.check(true).percentage(p -> p > 10));
    }

    /** The same with a window start: the seed's holdings at the start are what was stolen. */
    @Provide
    Arbitrary<TaintConservationPropertiesTest.Spec> completeWindowed() {
        return TaintConservationPropertiesTest.specs(false, true, false).map(s -> {
            List<Boolean> all = Collections.nCopies(s.n(), true);
            return new TaintConservationPropertiesTest.Spec(s.n(), s.txs(), all, all, s.seed(), s.exchange(), 1000,
                    BigDecimal.ZERO, TracePolicy.DEFAULT_FAN_OUT_CAP, true, s.beforeSince());
        });
    }

    @Property(tries = 200)
    void everyModelIsTheGlobalReplayInAWindow(@ForAll("completeWindowed") TaintConservationPropertiesTest.Spec s) {
        for (TaintModel model : TaintConservationPropertiesTest.MODELS) {
            assertMatchesOracle(s, model);
        }
        reachesOthersIn(20);
    }

    /** The generator must give the oracle something to disagree about: taint beyond the seed. */
    static void reachesOthersIn(int percent) {
        Statistics.label("taint reached another address").coverage(c -> c.check(true).percentage(p -> p > percent));
    }

    @Property(tries = 300)
    void haircutIsTheGlobalReplay(@ForAll("complete") TaintConservationPropertiesTest.Spec s) {
        assertMatchesOracle(s, new HaircutTaint());
        reachesOthersIn(70);
        Statistics.label("a stop absorbed taint").coverage(c -> c.check(true).percentage(p -> p > 10));
    }

    @Property(tries = 300)
    void fifoIsTheGlobalReplay(@ForAll("complete") TaintConservationPropertiesTest.Spec s) {
        assertMatchesOracle(s, new FifoTaint());
        reachesOthersIn(70);
        Statistics.label("a stop absorbed taint").coverage(c -> c.check(true).percentage(p -> p > 10));
    }

    @Property(tries = 300)
    void poisonIsTheGlobalReplay(@ForAll("complete") TaintConservationPropertiesTest.Spec s) {
        assertMatchesOracle(s, new PoisonTaint());
        reachesOthersIn(70);
        Statistics.label("a stop absorbed taint").coverage(c -> c.check(true).percentage(p -> p > 10));
    }

    static void assertMatchesOracle(TaintConservationPropertiesTest.Spec s, TaintModel model) {
        List<GlobalReplay.Move> moves = moves(s);
        Set<Integer> seeds = Set.of(s.seed());
        // the policy's minimum in base units, per asset (every asset here has 18 decimals)
        BigInteger min = s.minAmount().movePointRight(18).setScale(0, java.math.RoundingMode.CEILING).toBigIntegerExact();
        GlobalReplay.Reach reach = GlobalReplay.reach(moves, seeds, a -> false, a -> false, a -> a == s.exchange(),
                a -> s.forward() ? s.outComplete().get(a) : s.inComplete().get(a), m -> m.amount().compareTo(min) >= 0,
                s.hops(), s.fanOutCap());
        GlobalReplay.Found want = GlobalReplay.replay(moves, seeds, reach, s.beforeSince() > 0, model.name());
        Statistics.label("taint reached another address").collect(want.holdings().keySet().stream()
                .anyMatch(k -> k.address() != s.seed()));
        for (EndpointKind kind : LABELS.keySet()) {
            Statistics.label("a " + LABELS.get(kind) + " absorbed taint").collect(want.holdings().entrySet().stream()
                    .anyMatch(e -> want.ends().get(e.getKey().address()) == kind && e.getValue()[0].signum() > 0));
        }
        GlobalReplay.assertMatches(model.name(), trace(s, model), want,
                a -> TaintConservationPropertiesTest.indexOf(s, a), GlobalReplayOracleTest::assetIndex);
    }

    private static final Map<EndpointKind, String> LABELS = Map.of(EndpointKind.STOPPED, "stop",
            EndpointKind.FRONTIER, "frontier", EndpointKind.HOP_LIMIT, "hop limit", EndpointKind.FAN_OUT_CUT, "fan-out cut",
            EndpointKind.BELOW_MINIMUM, "below-minimum endpoint");

    static int assetIndex(Asset a) {
        return List.of(TaintConservationPropertiesTest.ASSETS).indexOf(a);
    }

    /** The spec's transfers in the direction of travel. */
    static List<GlobalReplay.Move> moves(TaintConservationPropertiesTest.Spec s) {
        List<GlobalReplay.Move> out = new ArrayList<>();
        for (int k = 0; k < s.txs().size(); k++) {
            TaintConservationPropertiesTest.Tx t = s.txs().get(k);
            boolean inWindow = s.beforeSince() == 0 || TaintConservationPropertiesTest.inWindow(s, k);
            out.add(s.forward() ? new GlobalReplay.Move(t.from(), t.to(), t.asset(), t.amount(), t.carriesValue(), inWindow)
                    : new GlobalReplay.Move(t.to(), t.from(), t.asset(), t.amount(), t.carriesValue(), inWindow));
        }
        if (!s.forward()) {
            Collections.reverse(out);
        }
        return out;
    }

    static TraceResult trace(TaintConservationPropertiesTest.Spec s, TaintModel model) {
        Dataset d = TaintConservationPropertiesTest.dataset(s, false); // coverage as the spec says
        Address seed = TaintConservationPropertiesTest.address(s.seed());
        return Tracer.builder().dataset(d).labels(TaintConservationPropertiesTest.labels(s))
                .classifier(TaintConservationPropertiesTest.CLASSIFIER).model(model).policy(TaintConservationPropertiesTest.policy(s))
                .build().trace(List.of(Seed.address(seed)), s.forward() ? Direction.FORWARD : Direction.BACKWARD);
    }
}
