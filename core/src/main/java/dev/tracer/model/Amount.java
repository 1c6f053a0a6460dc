package dev.tracer.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

/**
 * An exact, non-negative quantity of one asset in its base unit (wei, satoshi, token units).
 * Never floating point: decimal text converts exactly or is rejected.
 */
public record Amount(Asset asset, BigInteger value) implements Comparable<Amount> {
    private static final long[] POW10 = new long[19]; // 10^0 … 10^18

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

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
     * {@code baseUnits / 10^decimals} as plain decimal text, trailing zeros stripped. Amounts below
     * 2^63 with at most 18 decimals (most transfers) are written with two {@code long} divisions;
     * the rest through {@code BigDecimal}, which gives the same text (tested against each other),
     * at several times the cost: a large report writes millions of amounts.
     */
    public static String toDecimalString(BigInteger baseUnits, int decimals) {
        if (baseUnits.bitLength() < 63 && decimals >= 0 && decimals < POW10.length) {
            return toDecimalString(baseUnits.longValue(), decimals);
        }
        BigDecimal d = new BigDecimal(baseUnits, decimals).stripTrailingZeros();
        return d.signum() == 0 ? "0" : d.toPlainString();
    }

    /** {@link #toDecimalString(BigInteger, int)} of {@code v} (not {@code Long.MIN_VALUE}), {@code decimals} 0 to 18. */
    private static String toDecimalString(long v, int decimals) {
        long abs = Math.abs(v);
        long whole = abs / POW10[decimals];
        long frac = abs % POW10[decimals];
        StringBuilder sb = new StringBuilder(40);
        if (v < 0) {
            sb.append('-');
        }
        sb.append(whole);
        if (frac != 0) {
            int digits = decimals;
            while (frac % 10 == 0) {
                frac /= 10;
                digits--;
            }
            sb.append('.');
            for (int i = digits - 1; i > 0 && frac < POW10[i]; i--) {
                sb.append('0');
            }
            sb.append(frac);
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
