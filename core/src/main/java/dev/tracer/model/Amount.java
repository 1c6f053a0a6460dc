package dev.tracer.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

/**
 * An exact, non-negative quantity of one asset in its base unit (wei, satoshi, token units).
 * Never floating point: decimal text converts exactly or is rejected.
 */
public record Amount(Asset asset, BigInteger value) implements Comparable<Amount> {
    private static final long BILLION = 1_000_000_000L;
    private static final long WORD = 0xFFFF_FFFFL;

    public Amount {
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(value, "value");
        if (value.signum() < 0) {
            throw new InvalidInputException("negative amount " + value + " of " + asset);
        }
    }

    public static Amount of(Asset asset, BigInteger baseUnits) {
        return new Amount(asset, baseUnits);
    }

    public static Amount zero(Asset asset) {
        return new Amount(asset, BigInteger.ZERO);
    }

    /**
     * Converts decimal text in whole units ("90375.54791768", "1e3" is refused) to base units,
     * exactly.
     *
     * @throws InvalidInputException when the text is not a plain non-negative decimal number or has
     *         more fractional digits than the asset's decimals
     */
    public static Amount parseDecimal(Asset asset, String text) {
        return new Amount(asset, parseBaseUnits(text, asset.decimals()));
    }

    /** Decimal text in whole units to base units with {@code decimals} fractional digits, exactly. */
    public static BigInteger parseBaseUnits(String text, int decimals) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("empty amount");
        }
        String t = text.strip();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '.') {
                throw new InvalidInputException("non-numeric amount '" + text + "'");
            }
        }
        BigDecimal d;
        try {
            d = new BigDecimal(t);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("non-numeric amount '" + text + "'", e);
        }
        BigDecimal scaled = d.movePointRight(decimals);
        try {
            return scaled.toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new InvalidInputException("amount '" + text + "' has more than " + decimals
                    + " fractional digits and cannot be represented exactly", e);
        }
    }

    public boolean isZero() {
        return value.signum() == 0;
    }

    public Amount plus(Amount other) {
        requireSameAsset(other);
        return new Amount(asset, value.add(other.value));
    }

    public Amount minus(Amount other) {
        requireSameAsset(other);
        return new Amount(asset, value.subtract(other.value));
    }

    private void requireSameAsset(Amount other) {
        if (!asset.equals(other.asset)) {
            throw new IllegalArgumentException("mixing assets " + asset + " and " + other.asset);
        }
    }

    /** Whole units as exact decimal text, trailing zeros stripped ("10000", "90375.54791768"). */
    public String toDecimalString() {
        return toDecimalString(value, asset.decimals());
    }

    /**
     * {@code baseUnits / 10^decimals} as plain decimal text, trailing zeros stripped: the digits of
     * {@code baseUnits} with the point placed and the fraction's trailing zeros cut, the text
     * {@code BigDecimal.stripTrailingZeros().toPlainString()} gives (tested against each other)
     * without its divisions by ten, which were a tenth of the time of writing a large report.
     * O(digits).
     */
    public static String toDecimalString(BigInteger baseUnits, int decimals) {
        if (decimals < 0) {
            return baseUnits.signum() == 0 ? "0" : new BigDecimal(baseUnits, decimals).toPlainString();
        }
        return decimalOfDigits(digits(baseUnits), decimals);
    }

    /**
     * {@code v} as decimal text, exactly {@code v.toString()}: through {@link Long#toString(long)}
     * when it fits a long, and below 2^127 (every amount of ether, which is below 2^87 wei, and most
     * token amounts) by dividing its four 32-bit words by 10^9 until the rest fits a long, nine
     * digits a round, on longs. {@code BigInteger.toString} divides even
     * one-word values through {@code MutableBigInteger}, several times slower; it is kept for wider
     * values. For writers that need both the base units and the decimal text of one amount
     * ({@link #decimalOfDigits}), so its digits are made once. O(digits).
     */
    public static String digits(BigInteger v) {
        int bits = v.bitLength();
        if (bits < 64) {
            return Long.toString(v.longValue());
        }
        if (bits > 127) {
            return v.toString();
        }
        boolean negative = v.signum() < 0;
        BigInteger abs = negative ? v.negate() : v;
        long hi = abs.shiftRight(64).longValue();
        long lo = abs.longValue();
        int[] chunks = new int[4]; // nine digits each, lowest first; a magnitude up to 2^127 needs at most three rounds
        int n = 0;
        while (hi != 0 || lo < 0) {
            long q3 = (hi >>> 32) / BILLION; // each step divides (remainder, next word), below 10^9 · 2^32 < 2^63
            long cur = (hi >>> 32) % BILLION << 32 | (hi & WORD);
            long q2 = cur / BILLION;
            cur = (cur % BILLION) << 32 | (lo >>> 32);
            long q1 = cur / BILLION;
            cur = (cur % BILLION) << 32 | (lo & WORD);
            long q0 = cur / BILLION;
            chunks[n++] = (int) (cur % BILLION);
            hi = (q3 << 32) | q2;
            lo = (q1 << 32) | q0;
        }
        StringBuilder sb = new StringBuilder(40);
        if (negative) {
            sb.append('-');
        }
        sb.append(lo);
        while (n > 0) {
            String c = Integer.toString(chunks[--n]);
            sb.append("000000000", c.length(), 9).append(c);
        }
        return sb.toString();
    }

    /**
     * The text {@link #toDecimalString(BigInteger, int)} gives for the amount whose base units are
     * {@code digits} (as {@link #digits} writes them: an optional minus and decimal digits with no
     * leading zero) and {@code decimals} 0 or more fractional digits.
     */
    public static String decimalOfDigits(String digits, int decimals) {
        if (decimals < 0) {
            throw new IllegalArgumentException("decimals must be 0 or more, got " + decimals);
        }
        boolean negative = digits.startsWith("-");
        int from = negative ? 1 : 0;
        int n = digits.length();
        if (n - from == 1 && digits.charAt(from) == '0') {
            return "0";
        }
        int point = n - decimals; // index of the point in digits; at or before from: the fraction has leading zeros
        int end = n;
        while (end > Math.max(point, from) && digits.charAt(end - 1) == '0') {
            end--;
        }
        if (decimals == 0 || end == point) {
            return end == n ? digits : digits.substring(0, end);
        }
        StringBuilder sb = new StringBuilder(n + 3 + Math.max(0, from - point));
        if (negative) {
            sb.append('-');
        }
        if (point > from) {
            sb.append(digits, from, point);
        } else {
            sb.append('0');
        }
        if (end > Math.max(point, from)) {
            sb.append('.');
            sb.append("0".repeat(Math.max(0, from - point)));
            sb.append(digits, Math.max(point, from), end);
        }
        return sb.toString();
    }

    @Override
    public int compareTo(Amount o) {
        requireSameAsset(o);
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return toDecimalString() + " " + asset.symbol();
    }
}
