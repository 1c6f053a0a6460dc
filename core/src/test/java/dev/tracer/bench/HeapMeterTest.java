package dev.tracer.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Live bytes from the class histogram, without G1's filler objects. */
class HeapMeterTest {
    @Test
    void fillerObjectsAreNotCountedAsLiveData() {
        // the layout of HotSpot's GC.class_histogram (JDK 25), trimmed to three classes
        String histogram = """
                 num     #instances         #bytes  class name (module)
                -------------------------------------------------------
                   1:            12      400000016  [I (java.base@25.0.3)
                   2:             3        5100000  [Ljdk.internal.vm.FillerElement; (java.base@25.0.3)
                   3:          1000          24000  java.lang.String (java.base@25.0.3)
                Total          1015      405124016
                """;
        assertThat(HeapMeter.liveBytesOf(histogram)).isEqualTo(405_124_016L - 5_100_000L);
        assertThat(HeapMeter.liveBytesOf("no histogram here")).isEqualTo(-1);
    }

    @Test
    void aRetainedArrayIsMeasuredToTheByte() {
        HeapMeter m = new HeapMeter();
        long before = m.liveBytes();
        long[] held = new long[8_000_000];
        long after = m.liveBytes();
        java.lang.ref.Reference.reachabilityFence(held);
        // 64 MB of data and a 16-byte header; the rest of the heap may move by a little meanwhile
        assertThat(after - before).isBetween(64_000_000L - (4L << 20), 64_000_000L + (4L << 20));
    }
}
