package dev.tracer.cli;

import java.io.PrintWriter;
import java.util.List;

/** Plain aligned tables for a terminal (third-party text in them goes through {@code SafeText.line} first). */
final class Terminal {
    private Terminal() {
    }

    /**
     * Prints {@code rows} (the first is the header) in columns two spaces apart, each line
     * starting with {@code indent}; column {@code i} is right-aligned when bit {@code i} of
     * {@code rightAligned} is set. The last column is not padded, so lines have no trailing spaces.
     */
    static void table(List<String[]> rows, PrintWriter out, String indent, int rightAligned) {
        int cols = rows.get(0).length;
        int[] width = new int[cols];
        for (String[] r : rows) {
            for (int i = 0; i < cols; i++) {
                width[i] = Math.max(width[i], r[i].codePointCount(0, r[i].length()));
            }
        }
        StringBuilder line = new StringBuilder();
        for (String[] r : rows) {
            line.setLength(0);
            line.append(indent);
            for (int i = 0; i < cols; i++) {
                int pad = width[i] - r[i].codePointCount(0, r[i].length());
                boolean right = (rightAligned >> i & 1) == 1;
                if (right) {
                    line.append(" ".repeat(pad)).append(r[i]);
                } else {
                    line.append(r[i]);
                    if (i < cols - 1) {
                        line.append(" ".repeat(pad));
                    }
                }
                if (i < cols - 1) {
                    line.append("  ");
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
