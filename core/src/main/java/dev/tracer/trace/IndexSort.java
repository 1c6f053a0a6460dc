package dev.tracer.trace;

/**
 * A stable sort of int indexes by a comparator over indexes, without boxing: for rows kept in
 * primitive columns, where comparing two rows reads the columns at two indexes instead of
 * following references to objects spread over the heap. The JDK sorts ints only by their value
 * and sorts by comparator only objects ({@code Integer[]} costs an object per index and a
 * reference chase per compare).
 *
 * <p>A top-down merge sort alternating between the array and one copy, with insertion sort for
 * runs shorter than {@value #INSERTION} and the merge skipped when two runs are already in order
 * (the structure of the JDK's legacy object merge sort: Sedgewick, <i>Algorithms in Java</i>,
 * 3rd ed., §8.3–8.4). O(n log n) compares, n extra ints; stable (equal indexes keep their order),
 * which the callers rely on for ties.
 */
final class IndexSort {
    /** Compares the rows at two indexes. */
    @FunctionalInterface
    interface IndexComparator {
        int compare(int x, int y);
    }

    private static final int INSERTION = 16;

    private IndexSort() {
    }

    /** Sorts {@code a} stably by {@code c}. */
    static void sort(int[] a, IndexComparator c) {
        mergeSort(a.clone(), a, 0, a.length, c);
    }

    /** Sorts {@code dest[low, high)} using {@code src}, which holds the same elements there, as scratch. */
    private static void mergeSort(int[] src, int[] dest, int low, int high, IndexComparator c) {
        int length = high - low;
        if (length < INSERTION) {
            for (int i = low + 1; i < high; i++) {
                int x = dest[i];
                int j = i;
                while (j > low && c.compare(dest[j - 1], x) > 0) {
                    dest[j] = dest[j - 1];
                    j--;
                }
                dest[j] = x;
            }
            return;
        }
        int mid = (low + high) >>> 1;
        mergeSort(dest, src, low, mid, c);
        mergeSort(dest, src, mid, high, c);
        if (c.compare(src[mid - 1], src[mid]) <= 0) {
            System.arraycopy(src, low, dest, low, length);
            return;
        }
        for (int i = low, p = low, q = mid; i < high; i++) {
            if (q >= high || p < mid && c.compare(src[p], src[q]) <= 0) {
                dest[i] = src[p++];
            } else {
                dest[i] = src[q++];
            }
        }
    }
}
