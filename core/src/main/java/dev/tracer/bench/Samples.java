package dev.tracer.bench;

import java.util.Arrays;

/**
 * Measured values of one quantity (seconds, rates, bytes) and their order statistics. Doubles are
 * fine here: these are timings and ratios, never amounts of money. Immutable.
 */
public final class Samples {
    private final double[] sorted;

    private Samples(double[] values) {
        this.sorted = values.clone();
        Arrays.sort(sorted);
    }

    public static Samples of(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        return new Samples(values);
    }

    public int count() {
        return sorted.length;
    }

    /** The median (mean of the middle two for an even count). */
    public double median() {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The {@code p}-th percentile, nearest rank ({@code p} in (0, 100]). */
    public double percentile(double p) {
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("percentile out of range: " + p);
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    public double min() {
        return sorted[0];
    }

    public double max() {
        return sorted[sorted.length - 1];
    }
}
