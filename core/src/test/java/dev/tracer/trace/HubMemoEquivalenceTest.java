package dev.tracer.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracer.label.LabelStore;
import dev.tracer.source.Dataset;
import java.util.List;

/**
 * The hub summaries of {@link HubMemo} change no result: on the random datasets of
 * {@link TracerEquivalenceProperties} (with policy cuts, time windows, imitation tokens,
 * zero-value calls, both directions, and swaps), a tracer that memoises every address
 * ({@code hubDegree(0)}), traced twice so that the second trace reads the summaries the first
 * made, gives results equal to one that memoises none, and so does one whose memo keeps nothing
 * (a bound of 0 bytes: every summary is dropped once made, as a full memo drops some).
 */
class HubMemoEquivalenceTest extends TracerEquivalenceProperties {

    @Override
    void assertSame(TaintConservationPropertiesTest.Spec s, Dataset d, LabelStore labels, boolean swaps) {
        Direction dir = direction(s);
        List<Seed> seeds = seeds(s);
        for (TaintModel model : TaintConservationPropertiesTest.MODELS) {
            Tracer.Builder every = tracer(s, d, labels, model, swaps).hubDegree(0);
            Tracer.Builder none = tracer(s, d, labels, model, swaps).hubDegree(Integer.MAX_VALUE);
            Tracer memoised = every.build();
            Tracer evicting = every.memoBytes(0).build();
            TraceResult expected = none.build().trace(seeds, dir);
            assertThat(memoised.trace(seeds, dir)).as("%s, summaries made", model.name()).isEqualTo(expected);
            assertThat(memoised.trace(seeds, dir)).as("%s, summaries reused", model.name()).isEqualTo(expected);
            assertThat(evicting.trace(seeds, dir)).as("%s, summaries dropped at once", model.name()).isEqualTo(expected);
            assertThat(evicting.trace(seeds, dir)).as("%s, summaries made again", model.name()).isEqualTo(expected);
        }
    }
}
