package dev.tracer.report;

import dev.tracer.model.Amount;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/** Human formatting of exact amounts and shares: digit grouping, never rounding amounts. */
final class Numbers {
    private Numbers() {
    }

    /** Exact whole-unit text with thousands separators: 90375.54791768 → "90,375.54791768". */
    static String grouped(BigInteger baseUnits, int decimals) {
        String plain = Amount.toDecimalString(baseUnits, decimals);
        int dot = plain.indexOf('.');
        String intPart = dot < 0 ? plain : plain.substring(0, dot);
        String frac = dot < 0 ? "" : plain.substring(dot);
        StringBuilder sb = new StringBuilder();
        int n = intPart.length();
        for (int i = 0; i < n; i++) {
            sb.append(intPart.charAt(i));
            int left = n - 1 - i;
            if (left > 0 && left % 3 == 0) {
                sb.append(',');
            }
        }
        return sb + frac;
    }

    /** A share as a percentage with up to 4 decimals ("2.5%", "0.0001%", "<0.0001%"). */
    static String percent(BigDecimal share) {
        if (share.signum() == 0) {
            return "0%";
        }
        BigDecimal p = share.movePointRight(2).setScale(4, RoundingMode.HALF_EVEN);
        if (p.signum() == 0) {
            return "<0.0001%";
        }
        return p.stripTrailingZeros().toPlainString() + "%";
    }
}
