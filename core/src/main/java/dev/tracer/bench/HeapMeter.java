package dev.tracer.bench;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Measures retained memory: heap in use after full collections (repeated until the figure stops
 * falling), and direct (off-heap) buffer memory from the JVM's buffer pool, kept apart. The
 * caller keeps what it measures reachable across the call ({@link java.lang.ref.Reference#reachabilityFence}).
 */
public final class HeapMeter {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

    /** Heap bytes in use after collecting garbage until two rounds agree within 0.1 % (at most 8 rounds). */
    public long usedHeapAfterGc() {
        long last = Long.MAX_VALUE;
        for (int i = 0; i < 8; i++) {
            System.gc();
            long used = memory.getHeapMemoryUsage().getUsed();
            if (used >= last - last / 1000) {
                return Math.min(used, last);
            }
            last = used;
        }
        return last;
    }

    /** Bytes of direct {@link java.nio.ByteBuffer}s currently allocated (off-heap). */
    public long directBytes() {
        long total = 0;
        for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            if (pool.getName().equals("direct")) {
                total += pool.getMemoryUsed();
            }
        }
        return total;
    }

    /** The maximum heap the JVM may use. */
    public long maxHeap() {
        return Runtime.getRuntime().maxMemory();
    }
}
