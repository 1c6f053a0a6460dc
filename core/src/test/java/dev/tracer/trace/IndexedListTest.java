package dev.tracer.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IndexedListTest {

    @Test
    void makesEachElementOnceWhenFirstRead() {
        AtomicInteger made = new AtomicInteger();
        IndexedList<String> l = new IndexedList<>(3, i -> {
            made.incrementAndGet();
            return "e" + i;
        });
        assertThat(made).hasValue(0);
        assertThat(l.get(2)).isEqualTo("e2");
        assertThat(l.get(2)).isSameAs(l.get(2));
        assertThat(made).hasValue(1);
        assertThat(l).containsExactly("e0", "e1", "e2").isEqualTo(List.of("e0", "e1", "e2"));
        assertThat(l.hashCode()).isEqualTo(List.of("e0", "e1", "e2").hashCode());
        assertThat(made).hasValue(3);
    }

    @Test
    void isUnmodifiableAndChecksBounds() {
        IndexedList<Integer> l = new IndexedList<>(2, i -> i);
        assertThatThrownBy(() -> l.add(5)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> l.set(0, 5)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> l.get(2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> l.get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> new IndexedList<>(-1, i -> i)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IndexedList<Integer>(1, i -> null).get(0)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("null element");
    }
}
