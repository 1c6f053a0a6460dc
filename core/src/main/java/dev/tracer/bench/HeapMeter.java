package dev.tracer.bench;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Measures retained memory: the bytes of live objects on the heap, and direct (off-heap) buffer
 * memory from the JVM's buffer pool, kept apart. Live bytes come from the JVM's class histogram
 * (the {@code GC.class_histogram} diagnostic command, which collects garbage first and sums the
 * size of every live object); where that command is not available, from the heap in use after
 * full collections repeated until the figure stops falling. The histogram is the honest figure
 * for large arrays: G1 reports whole regions as used for an array that spans them (up to 16 MB
 * per array at a 20 GB heap), which is allocator slack, not data. G1's filler objects
 * ({@code jdk.internal.vm.FillerElement}, {@code FillerArray}: the padding it writes into unused
 * space of retained regions, which JDK 25's histogram lists) are left out for the same reason. The caller keeps what it
 * measures reachable across the call ({@link java.lang.ref.Reference#reachabilityFence}).
 */
public final class HeapMeter {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

    /** Bytes of live objects: the class histogram's total, else {@link #usedHeapAfterGc()}. */
    public long liveBytes() {
        try {
            javax.management.MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            Object text = server.invoke(new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "gcClassHistogram", new Object[] {new String[0]}, new String[] {String[].class.getName()});
            long live = liveBytesOf(text.toString());
            if (live >= 0) {
                return live;
            }
        } catch (javax.management.JMException | RuntimeException e) {
            // not a HotSpot JVM, or the command is disabled: fall back
        }
        return usedHeapAfterGc();
    }

    /**
     * The histogram's total minus G1's filler objects, or -1 when {@code histogram} is not a
     * class histogram (no "Total" line). O(lines).
     */
    static long liveBytesOf(String histogram) {
        String[] lines = histogram.strip().split("\n");
        String[] total = lines[lines.length - 1].trim().split("\\s+");
        if (total.length < 3 || !total[0].equals("Total")) {
            return -1;
        }
        long live = Long.parseLong(total[2]);
        for (String line : lines) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 4 && f[0].endsWith(":") && f[3].contains("jdk.internal.vm.Filler")) {
                live -= Long.parseLong(f[2]);
            }
        }
        return live;
    }

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
