package dev.tracer.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracer.label.LabelStore;
import dev.tracer.source.Dataset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Where a trace's handed-off work is done changes no result: the clean replays made ahead, the
 * result parts pass 1 decides (contract calls, poisonings, earlier receivers) and those that only
 * read the finished trace. On the random datasets of {@link TracerEquivalenceProperties}, every
 * trace hands its work off ({@code sideFrom(0)}) and gives the result of a trace that keeps all of
 * it on its thread, whether the work runs on another thread at the same time, first on the
 * caller's thread ({@code Runnable::run}: all replays made before pass 2), or last, on the caller's
 * thread again, because the executor never runs it. Each tracer traces twice, so the second trace
 * also reads hub summaries the first made; half the datasets make every address a hub.
 */
class SideAssemblyEquivalenceTest extends TracerEquivalenceProperties {
    private static final ExecutorService POOL = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "side-assembly-test");
        t.setDaemon(true);
        return t;
    });

    @Override
    void assertSame(TaintConservationPropertiesTest.Spec s, Dataset d, LabelStore labels, boolean swaps) {
        Direction dir = direction(s);
        List<Seed> seeds = seeds(s);
        for (TaintModel model : TaintConservationPropertiesTest.MODELS) {
            Tracer.Builder b = tracer(s, d, labels, model, swaps).hubDegree(s.seed() % 2 == 0 ? 0 : 64);
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
}
