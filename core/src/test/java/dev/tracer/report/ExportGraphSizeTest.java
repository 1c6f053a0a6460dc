package dev.tracer.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A node's GEXF size is 5 + 45·√share to three decimals. {@link ExportGraph#size} takes the root
 * in {@code double} and falls back to {@link ExportGraph#sizeOf}'s 12-digit {@code BigDecimal}
 * root near a half-way point; the text must be {@code sizeOf}'s for every share.
 */
class ExportGraphSizeTest {

    /** Shares as the tracer makes them: 6 significant digits, in (0, 1], down to 10^-30. */
    @Provide
    Arbitrary<BigDecimal> shares() {
        Arbitrary<BigDecimal> sixDigits = Arbitraries.integers().between(1, 999_999)
                .flatMap(m -> Arbitraries.integers().between(0, 30).map(e -> new BigDecimal(BigInteger.valueOf(m), 6 + e)))
                .filter(s -> s.compareTo(BigDecimal.ONE) <= 0);
        Arbitrary<BigDecimal> few = Arbitraries.integers().between(1, 99)
                .flatMap(m -> Arbitraries.integers().between(0, 12).map(e -> new BigDecimal(BigInteger.valueOf(m), 2 + e)));
        return Arbitraries.oneOf(sixDigits, few, Arbitraries.just(BigDecimal.ONE));
    }

    @Property(tries = 5000)
    void isTheExactRootsText(@ForAll("shares") BigDecimal share) {
        assertThat(ExportGraph.size(share)).isEqualTo(ExportGraph.sizeOf(share));
    }

    /**
     * Shares whose size falls exactly half-way between two thousandths: t² with 45000·t an odd
     * multiple of a half, as for t = (2k+1)·10^-4 (5.0045 for 10^-8 rounds half-even to 5.004). A {@code double} root
     * rounds some of these the other way; without the fallback this fails.
     */
    @Example
    void halfWayPointsRoundHalfEven() {
        for (int k = 0; k < 200; k++) {
            BigDecimal t = new BigDecimal(BigInteger.valueOf(2L * k + 1), 4); // (2k+1)·10^-4: 45000·t = 4.5·(2k+1)
            BigDecimal share = t.multiply(t);
            if (share.compareTo(BigDecimal.ONE) <= 0) {
                assertThat(ExportGraph.size(share)).as("share %s", share).isEqualTo(ExportGraph.sizeOf(share));
            }
        }
        assertThat(ExportGraph.size(new BigDecimal("1E-8"))).isEqualTo("5.004");
    }

    @Example
    void endsOfTheRange() {
        assertThat(ExportGraph.size(BigDecimal.ZERO)).isEqualTo("5.000");
        assertThat(ExportGraph.size(BigDecimal.ONE)).isEqualTo("50.000");
        assertThatThrownBy(() -> ExportGraph.size(new BigDecimal("-0.25"))).isInstanceOf(ArithmeticException.class);
    }
}
