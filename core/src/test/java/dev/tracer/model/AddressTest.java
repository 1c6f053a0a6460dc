package dev.tracer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressTest {
    /** The Bybit exploiter (February 2025), EIP-55 checksummed as published. */
    private static final String BYBIT = "0x47666Fab8bd0Ac7003bce3f5C3585383F09486E2";
    private static final String BYBIT_LOWER = BYBIT.toLowerCase(Locale.ROOT);

    @Test
    void realChecksummedAddressParsesToLowerCaseCanonicalForm() {
        Address a = Address.parse(Chain.ETHEREUM, BYBIT);
        assertThat(a.value()).isEqualTo(BYBIT_LOWER);
        assertThat(a.chain()).isEqualTo(Chain.ETHEREUM);
        assertThat(a.toString()).isEqualTo(BYBIT_LOWER);
    }

    @Test
    void displayGivesTheEip55Form() {
        assertThat(Address.parse(Chain.ETHEREUM, BYBIT_LOWER).display()).isEqualTo(BYBIT);
        assertThat(Address.parse(Chain.ETHEREUM, BYBIT).display()).isEqualTo(BYBIT);
    }

    @Test
    void surroundingWhitespaceIsStripped() {
        assertThat(Address.parse(Chain.ETHEREUM, "  " + BYBIT + "\n").value()).isEqualTo(BYBIT_LOWER);
    }

    @Test
    void everySingleLetterCaseFlipIsRejectedAsABadChecksum() {
        int letters = 0;
        for (int i = 2; i < BYBIT.length(); i++) {
            char c = BYBIT.charAt(i);
            if (!Character.isLetter(c)) {
                continue;
            }
            letters++;
            char flipped = Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
            String typo = BYBIT.substring(0, i) + flipped + BYBIT.substring(i + 1);
            assertThatThrownBy(() -> Address.parse(Chain.ETHEREUM, typo))
                    .as("flipping the case of '%s' at %d", c, i)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("checksum")
                    .hasMessageContaining(typo);
        }
        assertThat(letters).isGreaterThan(10);
    }

    @Test
    void oneFlippedLetterNamesTheExpectedForm() {
        String typo = "0x47666fab8bd0Ac7003bce3f5C3585383F09486E2"; // 'F' of "Fab" lowered
        assertThatThrownBy(() -> Address.parse(Chain.ETHEREUM, typo))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("checksum")
                .hasMessageContaining(typo)
                .hasMessageContaining(BYBIT);
    }

    @Test
    void allLowerAndAllUpperCarryNoChecksumAndAreAccepted() {
        String upper = "0x" + BYBIT.substring(2).toUpperCase(Locale.ROOT);
        assertThat(Address.parse(Chain.ETHEREUM, BYBIT_LOWER).value()).isEqualTo(BYBIT_LOWER);
        assertThat(Address.parse(Chain.ETHEREUM, upper).value()).isEqualTo(BYBIT_LOWER);
        assertThat(Address.parse(Chain.ETHEREUM, "0X" + BYBIT_LOWER.substring(2)).value()).isEqualTo(BYBIT_LOWER);
        assertThat(Address.parse(Chain.ETHEREUM, upper)).isEqualTo(Address.parse(Chain.ETHEREUM, BYBIT));
        assertThat(Address.parse(Chain.ETHEREUM, upper).hashCode())
                .isEqualTo(Address.parse(Chain.ETHEREUM, BYBIT).hashCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "0x47666Fab8bd0Ac7003bce3f5C3585383F09486E",    // 39 digits
        "0x47666Fab8bd0Ac7003bce3f5C3585383F09486E2a",  // 41 digits
        "47666Fab8bd0Ac7003bce3f5C3585383F09486E200",   // no 0x
        "0x",
        "0x47666fab8bd0ac7003bce3f5c3585383f09486eg",   // 'g'
        "0x47666fab8bd0ac7003bce3f5c3585383f09486e-",
        "0x47666fab8bd0ac7003bce3f5c3585383f09486 2",
    })
    void malformedEvmAddressesAreRejectedNamingTheInput(String text) {
        assertThatThrownBy(() -> Address.parse(Chain.ETHEREUM, text))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(text.strip());
    }

    @Test
    void nonHexCharacterIsNamed() {
        String text = "0x47666fab8bd0ac7003bce3f5c3585383f09486ez";
        assertThatThrownBy(() -> Address.parse(Chain.ETHEREUM, text))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(text)
                .hasMessageContaining("'z'");
    }

    /**
     * Only ASCII 0-9a-fA-F are hex digits in an address. {@code Character.digit(c, 16)} also
     * accepts other scripts' digits (Arabic-Indic U+0660..) and the full-width letters
     * (U+FF21 'Ａ', U+FF41 'ａ'), which would give a "canonical" address that is not hex at all and
     * differs from the ASCII address it looks like.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "0x47666fab8bd0ac7003bce3f5c3585383f09486e\u0662",   // ARABIC-INDIC DIGIT TWO
        "0x47666fab8bd0ac7003bce3f5c3585383f09486\uFF45\uFF12", // FULLWIDTH 'ｅ' and '２'
        "0x\uFF21\uFF21\uFF21\uFF21\uFF21\uFF21\uFF21\uFF21\uFF21\uFF21\uFF21\uFF21\uFF21\uFF21\uFF21\uFF21\uFF21\uFF21\uFF21\uFF21"
                + "\uFF21\uFF21\uFF21\uFF21\uFF21\uFF21\uFF21\uFF21\uFF21\uFF21\uFF21\uFF21\uFF21\uFF21\uFF21\uFF21\uFF21\uFF21\uFF21\uFF21",
    })
    void nonAsciiDigitsAreNotHex(String text) {
        assertThatThrownBy(() -> Address.parse(Chain.ETHEREUM, text))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(text);
    }

    @Test
    void emptyAndBlankAreRejected() {
        assertThatThrownBy(() -> Address.parse(Chain.ETHEREUM, "")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Address.parse(Chain.ETHEREUM, "   ")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Address.parse(Chain.ETHEREUM, null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void ofCanonicalRefusesNonCanonicalText() {
        assertThat(Address.ofCanonical(Chain.ETHEREUM, BYBIT_LOWER).value()).isEqualTo(BYBIT_LOWER);
        assertThatThrownBy(() -> Address.ofCanonical(Chain.ETHEREUM, BYBIT))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(BYBIT);
    }

    @Test
    void abbreviatedKeepsPrefixAndBothEnds() {
        assertThat(Address.parse(Chain.ETHEREUM, BYBIT).abbreviated(4)).isEqualTo("0x4766…86e2");
    }

    @Test
    void bitcoinGenesisAddressParses() {
        Address a = Address.parse(Chain.BITCOIN, "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa");
        assertThat(a.value()).isEqualTo("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa");
        assertThat(a.display()).isEqualTo("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa");
        assertThat(a.chain()).isEqualTo(Chain.BITCOIN);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb",  // last character changed: Base58Check fails
        "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfN",   // truncated
        "1a1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",  // case of one character changed
        "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5", // bech32 checksum broken
        "bc1qW508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", // bech32 mixed case
    })
    void corruptedBitcoinAddressesAreRejectedNamingTheInput(String text) {
        assertThatThrownBy(() -> Address.parse(Chain.BITCOIN, text))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(text);
    }

    @Test
    void aBitcoinAddressWithABadChecksumSaysSo() {
        // from a real third-party exchange list (shared/data/labels/btc-entities/exchange-modern-curated.csv, line 7)
        assertThatThrownBy(() -> Address.parse(Chain.BITCOIN, "39884E3j6KZj82FK4hA3t6K5GCHkWwqLHv"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("malformed Bitcoin address '39884E3j6KZj82FK4hA3t6K5GCHkWwqLHv': bad checksum");
        assertThatThrownBy(() -> Address.parse(Chain.BITCOIN, "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5"))
                .hasMessage("malformed Bitcoin address 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5': bad checksum");
    }

    @Test
    void bech32NormalisesToLowerCase() {
        String lower = "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"; // BIP-173 example
        Address fromUpper = Address.parse(Chain.BITCOIN, lower.toUpperCase(Locale.ROOT));
        Address fromLower = Address.parse(Chain.BITCOIN, lower);
        assertThat(fromUpper.value()).isEqualTo(lower);
        assertThat(fromUpper).isEqualTo(fromLower);
    }

    @Test
    void sameTextOnDifferentChainsIsADifferentAddress() {
        Address eth = Address.parse(Chain.ETHEREUM, BYBIT);
        Address poly = Address.parse(Chain.evm(137), BYBIT);
        assertThat(eth).isNotEqualTo(poly);
        assertThat(eth.compareTo(poly)).isNotZero();
    }

    @Test
    void evmOfWordsGivesTheCanonicalAddressOfItsBits() {
        // the Bybit exploiter's 20 bytes as three words (the last 4 bytes in the low bits of the third)
        String hex = BYBIT_LOWER.substring(2);
        long hi = Long.parseUnsignedLong(hex.substring(0, 16), 16);
        long mid = Long.parseUnsignedLong(hex.substring(16, 32), 16);
        long lo = Long.parseUnsignedLong(hex.substring(32), 16);
        assertThat(Address.evmOfWords(Chain.ETHEREUM, hi, mid, lo)).isEqualTo(Address.parse(Chain.ETHEREUM, BYBIT));
        assertThat(Address.evmOfWords(Chain.ETHEREUM, hi, mid, lo | 0xABCD_0000_0000_0000L).value()).isEqualTo(BYBIT_LOWER);
        java.util.Random rnd = new java.util.Random(5);
        for (int i = 0; i < 1000; i++) {
            long a = rnd.nextLong();
            long b = rnd.nextLong();
            long c = rnd.nextLong() & 0xFFFF_FFFFL;
            String want = String.format("0x%016x%016x%08x", a, b, c);
            assertThat(Address.evmOfWords(Chain.evm(137), a, b, c)).isEqualTo(Address.parse(Chain.evm(137), want));
        }
        assertThatThrownBy(() -> Address.evmOfWords(Chain.BITCOIN, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
