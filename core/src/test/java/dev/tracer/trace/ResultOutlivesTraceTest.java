package dev.tracer.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracer.label.LabelStore;
import dev.tracer.source.Dataset;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A {@link TraceResult} makes its values when they are read ({@link IndexedList}), after its
 * trace handed its working arrays back to the tracer's pool, where the next trace (perhaps on
 * another thread) rewrites them. So nothing a result holds may lead to those arrays: no
 * {@link TraceScratch}, and no {@link TraceRun} (which holds one), reachable from the result
 * through its lists and the functions that make their elements. Checked on the random datasets
 * of {@link TaintConservationPropertiesTest}, for every model and both directions, by walking
 * the result's fields reflectively (into the project's own classes, arrays and lambdas; the
 * JDK's collections are not opened, and the result's lists hold only the project's values).
 */
class ResultOutlivesTraceTest {

    @Provide
    Arbitrary<TaintConservationPropertiesTest.Spec> specs() {
        return TaintConservationPropertiesTest.specs(true, true, true);
    }

    @Property(tries = 50)
    void aResultHoldsNothingOfItsTrace(@ForAll("specs") TaintConservationPropertiesTest.Spec s) throws Exception {
        Dataset d = TaintConservationPropertiesTest.dataset(s, false);
        LabelStore labels = TaintConservationPropertiesTest.labels(s);
        Direction dir = s.forward() ? Direction.FORWARD : Direction.BACKWARD;
        List<Seed> seeds = List.of(Seed.address(TaintConservationPropertiesTest.address(s.seed())));
        for (TaintModel model : TaintConservationPropertiesTest.MODELS) {
            TraceResult r = Tracer.builder().dataset(d).labels(labels).classifier(TaintConservationPropertiesTest.CLASSIFIER)
                    .model(model).policy(TaintConservationPropertiesTest.policy(s)).build().trace(seeds, dir);
            assertThat(reachedClasses(r)).as("%s: classes reachable from the result", model.name())
                    .doesNotContain(TraceScratch.class, TraceRun.class)
                    .contains(IndexedList.class, ResultValues.class);
        }
    }

    /** The classes of every object reachable from {@code root} through fields of project classes and arrays. */
    static Set<Class<?>> reachedClasses(Object root) throws IllegalAccessException {
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Class<?>> classes = new java.util.HashSet<>();
        ArrayDeque<Object> todo = new ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            Object o = todo.pop();
            if (!seen.add(o)) {
                continue;
            }
            Class<?> c = o.getClass();
            classes.add(c);
            if (c.isArray()) {
                if (!c.getComponentType().isPrimitive()) {
                    for (Object x : (Object[]) o) {
                        if (x != null) {
                            todo.push(x);
                        }
                    }
                }
                continue;
            }
            if (o instanceof Iterable<?> it && !c.getName().startsWith("dev.tracer.")) {
                it.forEach(todo::push); // a JDK collection: its elements, not its internals
                continue;
            }
            if (!c.getName().startsWith("dev.tracer.")) {
                continue;
            }
            for (Class<?> k = c; k != null && k.getName().startsWith("dev.tracer."); k = k.getSuperclass()) {
                for (Field f : k.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
                        continue;
                    }
                    f.setAccessible(true);
                    Object x = f.get(o);
                    if (x != null) {
                        todo.push(x);
                    }
                }
            }
        }
        return classes;
    }
}
