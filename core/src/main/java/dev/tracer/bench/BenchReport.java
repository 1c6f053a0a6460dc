package dev.tracer.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The benchmark's result: a header (machine, JDK, date, sizes) and one row per measure with its
 * median, the baseline it is compared with, the ratio, the target and whether it holds.
 * Immutable; {@link #table()} renders it as fixed-width text.
 */
public record BenchReport(List<String> header, List<Row> rows) {

    /** Whether a row's target holds. */
    public enum Verdict {
        HOLDS("holds"), MISSED("MISSED"), INFO(""), NOT_RUN("not run");

        private final String text;

        Verdict(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /**
     * One measure. {@code value} is the median over repetitions (or the measured figure when
     * measured once); {@code ratio} is {@code value / baseline value} (NaN when there is none),
     * oriented so that the target reads "ratio ≥ x" or "value ≤ x" as {@code target} says.
     */
    public record Row(String section, String measure, double value, String unit, String versus, double ratio,
                      String target, Verdict verdict, String note) {
        public Row {
            Objects.requireNonNull(section, "section");
            Objects.requireNonNull(measure, "measure");
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(versus, "versus");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(verdict, "verdict");
            Objects.requireNonNull(note, "note");
        }
    }

    public BenchReport {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    /** The rows of one section, in order. */
    public List<Row> section(String name) {
        return rows.stream().filter(r -> r.section().equals(name)).toList();
    }

    /** The header lines, then a fixed-width table, then the notes; ends in a newline. */
    public String table() {
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"section", "measure", "median", "unit", "vs", "ratio", "target", "verdict"});
        for (Row r : rows) {
            cells.add(new String[] {r.section(), r.measure(), number(r.value()), r.unit(), r.versus(),
                Double.isNaN(r.ratio()) ? "" : String.format(Locale.ROOT, "%.2f×", r.ratio()), r.target(),
                r.verdict().text()});
        }
        int[] width = new int[cells.get(0).length];
        for (String[] c : cells) {
            for (int i = 0; i < c.length; i++) {
                width[i] = Math.max(width[i], c[i].length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (String h : header) {
            b.append(h).append('\n');
        }
        b.append('\n');
        for (int k = 0; k < cells.size(); k++) {
            String[] c = cells.get(k);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < c.length; i++) {
                boolean right = i == 2 || i == 5;
                String pad = " ".repeat(width[i] - c[i].length());
                line.append(i == 0 ? "" : "  ").append(right ? pad + c[i] : c[i] + pad);
            }
            b.append(line.toString().stripTrailing()).append('\n');
            if (k == 0) {
                int total = 0;
                for (int w : width) {
                    total += w + 2;
                }
                b.append("-".repeat(total - 2)).append('\n');
            }
        }
        boolean first = true;
        for (Row r : rows) {
            if (!r.note().isEmpty()) {
                if (first) {
                    b.append('\n');
                    first = false;
                }
                b.append("* ").append(r.section()).append(" / ").append(r.measure()).append(": ").append(r.note()).append('\n');
            }
        }
        return b.toString();
    }

    /** Three significant digits with thousands separators for large values, counts as whole numbers; "" for NaN. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        double a = Math.abs(v);
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,d", Math.round(v));
        }
        if (a >= 100 || a == Math.rint(a)) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 1) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
