package dev.tracer.trace;

import dev.tracer.detect.DexSwapContinuity;
import dev.tracer.label.Category;
import dev.tracer.label.Label;
import dev.tracer.label.LabelStore;
import dev.tracer.source.Dataset;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties that two ways of running the tracer give equal results, on the random datasets of
 * {@link TaintConservationPropertiesTest}: with policy cuts (hop limits, minimum amounts, fan-out
 * caps, stop categories), in a time window, and with swaps through a labelled DEX, in both
 * directions where the datasets have them. A subclass says what it compares ({@link #assertSame}).
 */
abstract class TracerEquivalenceProperties {

    /**
     * Asserts that the ways compared give equal results for the seed of {@code s} on {@code d};
     * {@code swaps}: the dataset has swaps and the tracers should carry taint across them.
     */
    abstract void assertSame(TaintConservationPropertiesTest.Spec s, Dataset d, LabelStore labels, boolean swaps);

    /** The direction {@code s} traces in. */
    static Direction direction(TaintConservationPropertiesTest.Spec s) {
        return s.forward() ? Direction.FORWARD : Direction.BACKWARD;
    }

    /** The seed of {@code s}. */
    static List<Seed> seeds(TaintConservationPropertiesTest.Spec s) {
        return List.of(Seed.address(TaintConservationPropertiesTest.address(s.seed())));
    }

    /**
     * A tracer of {@code model} on {@code d} under the policy of {@code s}, carrying taint across
     * swaps through the labelled DEX when {@code swaps}; the caller sets what it compares.
     */
    static Tracer.Builder tracer(TaintConservationPropertiesTest.Spec s, Dataset d, LabelStore labels, TaintModel model,
                                 boolean swaps) {
        Tracer.Builder b = Tracer.builder().dataset(d).labels(labels).classifier(TaintConservationPropertiesTest.CLASSIFIER)
                .model(model).policy(TaintConservationPropertiesTest.policy(s));
        if (swaps) {
            b.swaps(new DexSwapContinuity(TaintConservationPropertiesTest.REGISTRY, labels, Duration.ofHours(24)));
        }
        return b;
    }

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

    @Property(tries = 200)
    void sameResultsWithPolicyCuts(@ForAll("cut") TaintConservationPropertiesTest.Spec s) {
        assertSame(s, TaintConservationPropertiesTest.dataset(s, false), TaintConservationPropertiesTest.labels(s), false);
    }

    @Property(tries = 200)
    void sameResultsInAWindow(@ForAll("windowed") TaintConservationPropertiesTest.Spec s) {
        assertSame(s, TaintConservationPropertiesTest.dataset(s, false), TaintConservationPropertiesTest.labels(s), false);
    }

    @Property(tries = 200)
    void sameResultsWithSwaps(@ForAll("forward") TaintConservationPropertiesTest.Spec s) {
        LabelStore labels = LabelStore.empty().with(List.of(new Label(TaintConservationPropertiesTest.address(
                SwapConservationPropertiesTest.dex(s)), "DEX", Category.DEX, "test", 90)));
        assertSame(s, SwapConservationPropertiesTest.dataset(s), labels, true);
    }
}
