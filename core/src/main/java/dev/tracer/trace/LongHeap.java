package dev.tracer.trace;

import java.util.Arrays;

/** A binary min-heap of primitive longs (no boxing on the engine's hot path). */
final class LongHeap {
    private long[] a = new long[64];
    private int size;

    void push(long v) {
        if (size == a.length) {
            a = Arrays.copyOf(a, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int p = (i - 1) >>> 1;
            if (a[p] <= v) {
                break;
            }
            a[i] = a[p];
            i = p;
        }
        a[i] = v;
    }

    long pop() {
        long top = a[0];
        long last = a[--size];
        int i = 0;
        while (true) {
            int c = 2 * i + 1;
            if (c >= size) {
                break;
            }
            if (c + 1 < size && a[c + 1] < a[c]) {
                c++;
            }
            if (last <= a[c]) {
                break;
            }
            a[i] = a[c];
            i = c;
        }
        a[i] = last;
        return top;
    }

    boolean isEmpty() {
        return size == 0;
    }
}
