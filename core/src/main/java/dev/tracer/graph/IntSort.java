package dev.tracer.graph;

/**
 * Stable sort of an int array (ids) by a comparator over primitive columns, with no boxing: a
 * natural merge sort that first finds the ascending runs already present, so input that comes in
 * a few sorted runs (files each in chain order, as ethereum-etl writes them) sorts in a few linear
 * passes, and any input in O(n log n). Ties keep their input order.
 */
final class IntSort {
    /** Compares two ids. */
    @FunctionalInterface
    interface IdComparator {
        int compare(int a, int b);
    }

    private IntSort() {
    }

    /** Sorts {@code ids} in place, stably. */
    static void sort(int[] ids, IdComparator c) {
        int n = ids.length;
        if (n < 2) {
            return;
        }
        // run starts: maximal non-descending runs, short ones extended by insertion sort to MIN_RUN
        final int minRun = 32;
        int[] starts = new int[n / 2 + 2];
        int runs = 0;
        int i = 0;
        while (i < n) {
            int start = i;
            i++;
            while (i < n && c.compare(ids[i - 1], ids[i]) <= 0) {
                i++;
            }
            if (i - start < minRun && i < n) {
                int end = Math.min(n, start + minRun);
                for (int k = i; k < end; k++) {
                    int v = ids[k];
                    int j = k - 1;
                    while (j >= start && c.compare(ids[j], v) > 0) {
                        ids[j + 1] = ids[j];
                        j--;
                    }
                    ids[j + 1] = v;
                }
                i = end;
            }
            if (runs == starts.length) {
                starts = java.util.Arrays.copyOf(starts, 2 * runs);
            }
            starts[runs++] = start;
        }
        if (runs == 1) {
            return;
        }
        int[] buf = new int[n];
        int[] src = ids;
        int[] dst = buf;
        while (runs > 1) {
            int out = 0;
            for (int r = 0; r < runs; r += 2) {
                int lo = starts[r];
                int mid = r + 1 < runs ? starts[r + 1] : n;
                int hi = r + 2 < runs ? starts[r + 2] : n;
                int a = lo;
                int b = mid;
                int k = lo;
                while (a < mid && b < hi) {
                    dst[k++] = c.compare(src[b], src[a]) < 0 ? src[b++] : src[a++];
                }
                while (a < mid) {
                    dst[k++] = src[a++];
                }
                while (b < hi) {
                    dst[k++] = src[b++];
                }
                starts[out++] = lo;
            }
            runs = out;
            int[] t = src;
            src = dst;
            dst = t;
        }
        if (src != ids) {
            System.arraycopy(src, 0, ids, 0, n);
        }
    }
}
