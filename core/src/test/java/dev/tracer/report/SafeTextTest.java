package dev.tracer.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link SafeText#line}: third-party text on one terminal line. */
class SafeTextTest {
    @Test
    void escapeSequencesBidiOverridesAndHiddenCharactersBecomeReplacementCharacters() {
        // ESC [2J clears the screen; U+202E makes what follows read backwards; U+200B hides in a name
        assertThat(SafeText.line("a\u001b[2Jb\u202ec\u200bd\u0085e\u2028f"))
                .isEqualTo("a\uFFFD[2Jb\uFFFDc\uFFFDd\uFFFDe\uFFFDf");
    }

    @Test
    void tabsAndLineBreaksCannotForgeALineOrACell() {
        assertThat(SafeText.line("Lazarus\nwarning: forged\r\tline")).isEqualTo("Lazarus\uFFFDwarning: forged\uFFFD\uFFFDline");
    }

    @Test
    void unpairedSurrogatesAreReplacedAndPairsKept() {
        assertThat(SafeText.line("x\ud800y\udc00z")).isEqualTo("x\uFFFDy\uFFFDz");
        assertThat(SafeText.line("end\ud83d")).isEqualTo("end\uFFFD");
        // a pair, a joiner sequence (the zero-width joiner stays) and a tag sequence (supplementary format characters)
        String emoji = "\ud83d\udc68\u200d\ud83d\udcbb \ud83c\udff4\udb40\udc67\udb40\udc62\udb40\udc7f";
        assertThat(SafeText.line(emoji)).isEqualTo(emoji);
    }

    @Test
    void cleanTextIsReturnedAsIs() {
        String s = "Bybit cold wallet — Zürich 北京 (US$1.46B)";
        assertThat(SafeText.line(s)).isSameAs(s);
        assertThat(SafeText.line("")).isEmpty();
    }
}
