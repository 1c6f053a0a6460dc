package dev.tracer.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracer.detect.DexSwapContinuity;
import dev.tracer.label.Category;
import dev.tracer.label.Label;
import dev.tracer.label.LabelStore;
import dev.tracer.source.Dataset;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Where a result's side parts (earlier receivers, ledger gaps, poisonings, contract calls) are
 * assembled changes no result: on the random datasets of {@link TaintConservationPropertiesTest}
 * (policy cuts, time windows, imitation tokens, zero-value calls, both directions, swaps), every
 * trace split in two ({@code sideFrom(0)}) gives the result of a trace assembled in one piece on
 * its thread, whether the side parts run on another thread at the same time, first on the caller's
 * thread ({@code Runnable::run}), or last, on the caller's thread again, because the executor never
 * runs them. Each tracer traces twice, so the second trace also reads hub summaries the first made.
 */
class SideAssemblyEquivalenceTest {
    private static final ExecutorService POOL = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "side-assembly-test");
        t.setDaemon(true);
        return t;
    });

    @Provide
    Arbitrary<TaintConservationPropertiesTest.Spec> cut() {
        return TaintConservationPropertiesTest.specs(true, false, true);
    }

    @Provide
    Arbitrary<TaintConservationPropertiesTest.Spec> windowed() {
        return TaintConservationPropertiesTest.specs(false, true, false);
    }

    @Provide
    Arbitrary<TaintConservationPropertiesTest.Spec> forward() {
        return TaintConservationPropertiesTest.specs(false, false, false);
    }

    private static void assertSame(TaintConservationPropertiesTest.Spec s, Dataset d, LabelStore labels, boolean swaps) {
        Direction dir = s.forward() ? Direction.FORWARD : Direction.BACKWARD;
        List<Seed> seeds = List.of(Seed.address(TaintConservationPropertiesTest.address(s.seed())));
        for (TaintModel model : TaintConservationPropertiesTest.MODELS) {
            Tracer.Builder b = Tracer.builder().dataset(d).labels(labels).classifier(TaintConservationPropertiesTest.CLASSIFIER)
                    .model(model).policy(TaintConservationPropertiesTest.policy(s)).hubDegree(s.seed() % 2 == 0 ? 0 : 64);
            if (swaps) {
                b.swaps(new DexSwapContinuity(TaintConservationPropertiesTest.REGISTRY, labels, Duration.ofHours(24)));
            }
            TraceResult expected = b.sideFrom(Integer.MAX_VALUE).build().trace(seeds, dir);
            Tracer concurrent = b.sideFrom(0).executor(POOL).build();
            Tracer first = b.sideFrom(0).executor(Runnable::run).build();
            Tracer last = b.sideFrom(0).executor(task -> { }).build();
            for (int i = 0; i < 2; i++) {
                assertThat(concurrent.trace(seeds, dir)).as("%s, on another thread", model.name()).isEqualTo(expected);
                assertThat(first.trace(seeds, dir)).as("%s, side parts first", model.name()).isEqualTo(expected);
                assertThat(last.trace(seeds, dir)).as("%s, side parts last", model.name()).isEqualTo(expected);
            }
        }
    }

    @Property(tries = 100)
    void sameResultsWithPolicyCuts(@ForAll("cut") TaintConservationPropertiesTest.Spec s) {
        assertSame(s, TaintConservationPropertiesTest.dataset(s, false), TaintConservationPropertiesTest.labels(s), false);
    }

    @Property(tries = 100)
    void sameResultsInAWindow(@ForAll("windowed") TaintConservationPropertiesTest.Spec s) {
        assertSame(s, TaintConservationPropertiesTest.dataset(s, false), TaintConservationPropertiesTest.labels(s), false);
    }

    @Property(tries = 100)
    void sameResultsWithSwaps(@ForAll("forward") TaintConservationPropertiesTest.Spec s) {
        LabelStore labels = LabelStore.empty().with(List.of(new Label(TaintConservationPropertiesTest.address(
                SwapConservationPropertiesTest.dex(s)), "DEX", Category.DEX, "test", 90)));
        assertSame(s, SwapConservationPropertiesTest.dataset(s), labels, true);
    }
}
