package dev.tracer.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracer.source.Dataset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The value caches that a {@link Tracer} keeps from trace to trace ({@link SlotCache},
 * {@link IdCache}) return the value made for an id, never hold more than their limit, and change
 * no result: traces run one after another on one tracer, whose caches are warm (and, with a limit
 * of one, cleared at almost every value), equal the same traces each on a new tracer.
 */
class ValueCacheTest {

    @Property(tries = 200)
    void slotCacheReturnsTheValueOfEachIdWithinItsLimit(@ForAll @Size(max = 400) List<@IntRange(min = 0, max = 99) Integer> ids,
                                                        @ForAll @IntRange(min = 1, max = 120) int limit) {
        SlotCache c = new SlotCache(100, limit);
        int[] made = new int[1];
        for (int id : ids) {
            String v = c.get(id, id, x -> {
                made[0]++;
                return "v" + x;
            });
            assertThat(v).isEqualTo("v" + id);
            assertThat(c.size()).isBetween(1, limit);
        }
        // a second look-up of the last id makes nothing
        if (!ids.isEmpty()) {
            int before = made[0];
            c.get(ids.get(ids.size() - 1), 0, x -> "other");
            assertThat(made[0]).isEqualTo(before);
        }
    }

    @Property(tries = 200)
    void idCacheReturnsTheValueOfEachIdWithinItsLimit(@ForAll @Size(max = 2000) List<@IntRange(min = -5000, max = 5000) Integer> ids,
                                                      @ForAll @IntRange(min = 1, max = 3000) int limit) {
        IdCache<String> c = new IdCache<>(limit);
        Map<Integer, Integer> made = new HashMap<>();
        for (int id : ids) {
            assertThat(c.get(id, x -> {
                made.merge(x, 1, Integer::sum);
                return "v" + x;
            })).isEqualTo("v" + id);
            assertThat(c.size()).isBetween(1, limit);
        }
        long distinct = ids.stream().distinct().count();
        if (distinct <= limit) {
            // never cleared: each id made once
            assertThat(made.values()).allMatch(n -> n == 1);
        }
    }

    @Property(tries = 1)
    void limitsMustBePositive() {
        assertThatThrownBy(() -> new SlotCache(10, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IdCache<String>(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tracer.builder().valueLimit(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Provide
    Arbitrary<TaintConservationPropertiesTest.Spec> specs() {
        return TaintConservationPropertiesTest.specs(true, true, true);
    }

    @Property(tries = 150)
    void warmCachesChangeNoResult(@ForAll("specs") TaintConservationPropertiesTest.Spec s) {
        Dataset d = TaintConservationPropertiesTest.dataset(s, false);
        Direction dir = s.forward() ? Direction.FORWARD : Direction.BACKWARD;
        for (TaintModel model : TaintConservationPropertiesTest.MODELS) {
            Tracer.Builder b = Tracer.builder().dataset(d).labels(TaintConservationPropertiesTest.labels(s))
                    .classifier(TaintConservationPropertiesTest.CLASSIFIER).model(model)
                    .policy(TaintConservationPropertiesTest.policy(s));
            Tracer shared = b.build();
            Tracer tiny = b.valueLimit(1).build();
            List<Seed> order = new ArrayList<>();
            // every address of the dataset as a seed in turn (those with transfers), then the spec's seed again
            for (int a = 0; a < s.n(); a++) {
                if (d.graph().idOf(TaintConservationPropertiesTest.address(a)).isPresent()) {
                    order.add(Seed.address(TaintConservationPropertiesTest.address(a)));
                }
            }
            order.add(Seed.address(TaintConservationPropertiesTest.address(s.seed())));
            for (Seed seed : order) {
                TraceResult fresh = b.valueLimit(TraceScratch.VALUES).build().trace(List.of(seed), dir);
                assertThat(shared.trace(List.of(seed), dir)).as("%s from %s, warm", model.name(), seed).isEqualTo(fresh);
                assertThat(tiny.trace(List.of(seed), dir)).as("%s from %s, limit 1", model.name(), seed).isEqualTo(fresh);
            }
        }
    }
}
