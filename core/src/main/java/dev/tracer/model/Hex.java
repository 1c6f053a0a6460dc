package dev.tracer.model;

/**
 * Lower-case hex digits written straight into a byte array, for the values made from a graph's
 * packed columns ({@link Address#evmOfWords}, {@link TxHash#ofWords}) without parsing text again.
 */
final class Hex {
    private static final byte[] DIGITS = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};

    private Hex() {
    }

    /** Writes the low {@code 4 * nibbles} bits of {@code word} as {@code nibbles} digits at {@code at}, most significant first. */
    static void put(byte[] out, int at, long word, int nibbles) {
        for (int i = 0; i < nibbles; i++) {
            out[at + i] = DIGITS[(int) (word >>> (4 * (nibbles - 1 - i))) & 0xF];
        }
    }
}
