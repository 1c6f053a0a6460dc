package dev.tracer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Transaction hashes: parsing and the values a graph makes from its packed words. */
class TxHashTest {
    /** A transfer of the Bybit theft's outflows, in the bundled incident (fixtures/incidents/bybit-2025). */
    private static final String BYBIT_TX = "0xe1e562d4f0d034583e63027109b2ac406ad2d7aa832a466d53b5a2ec4a69c98f";

    private static long word(String hex, int k) {
        return Long.parseUnsignedLong(hex.substring(16 * k, 16 * k + 16), 16);
    }

    @Test
    void ofWordsGivesTheHashOfItsBytesInTheChainsForm() {
        String hex = BYBIT_TX.substring(2);
        assertThat(TxHash.ofWords(Chain.ETHEREUM, word(hex, 0), word(hex, 1), word(hex, 2), word(hex, 3)))
                .isEqualTo(TxHash.parse(Chain.ETHEREUM, BYBIT_TX.toUpperCase().replace("0X", "0x")));
        assertThat(TxHash.ofWords(Chain.BITCOIN, word(hex, 0), word(hex, 1), word(hex, 2), word(hex, 3)).value()).isEqualTo(hex);
        Random rnd = new Random(9);
        for (int i = 0; i < 1000; i++) {
            long[] w = {rnd.nextLong(), rnd.nextLong(), rnd.nextLong(), rnd.nextLong()};
            String want = String.format("%016x%016x%016x%016x", w[0], w[1], w[2], w[3]);
            assertThat(TxHash.ofWords(Chain.evm(137), w[0], w[1], w[2], w[3])).isEqualTo(TxHash.parse(Chain.evm(137), want));
            assertThat(TxHash.ofWords(Chain.BITCOIN, w[0], w[1], w[2], w[3])).isEqualTo(TxHash.parse(Chain.BITCOIN, want));
        }
    }

    @Test
    void parseRefusesWhatIsNotAHash() {
        assertThatThrownBy(() -> TxHash.parse(Chain.ETHEREUM, "0x1234")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("0x1234");
        assertThatThrownBy(() -> TxHash.parse(Chain.ETHEREUM, "0x" + "g".repeat(64))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> TxHash.parse(Chain.BITCOIN, " ")).isInstanceOf(InvalidInputException.class);
    }
}
