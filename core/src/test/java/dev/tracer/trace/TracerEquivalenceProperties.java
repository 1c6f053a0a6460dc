package dev.tracer.trace;

import dev.tracer.label.Category;
import dev.tracer.label.Label;
import dev.tracer.label.LabelStore;
import dev.tracer.source.Dataset;
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
