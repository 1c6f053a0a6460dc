package dev.tracer.report;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Escaping of attacker-chosen text (token names and symbols, labels) for the plain-text formats:
 * terminal output, Markdown, CSV and DOT. (XML formats use {@link XmlText}.) Every method is
 * O(n) in the length of its argument. {@link #line} is public: the CLI prints label and incident
 * text with it, so terminal output follows one rule wherever it is written.
 */
public final class SafeText {
    /** What a character that cannot be shown safely becomes. */
    static final char REPLACEMENT = XmlText.REPLACEMENT;

    private SafeText() {
    }

    /**
     * True for characters that change how text is displayed rather than showing something: C0
     * and C1 controls (ESC starts terminal escape sequences), the line and paragraph separators,
     * and Unicode format characters (bidirectional overrides that make text read backwards,
     * zero-width spaces that hide in look-alike names) except the zero-width joiner, which emoji
     * need. Tab, line feed and carriage return are not included ({@link #line} adds them).
     */
    static boolean isDisplayControl(int c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return false;
        }
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                || Character.getType(c) == Character.FORMAT && c != '\u200d';
    }

    /**
     * Third-party text (a label's entity or source, a pack's licence, an incident's name) made safe
     * for one line of terminal output: display controls (see {@link #isDisplayControl}), tab and
     * line breaks, and unpaired surrogates become U+FFFD, so the text can neither send an escape
     * sequence, reorder what follows it, forge a line nor break a table's columns. Surrogate pairs
     * (emoji, supplementary scripts) and the zero-width joiner stay. Returns {@code s} itself when
     * nothing is replaced.
     */
    public static String line(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int width = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)) ? 2 : 1;
            boolean bad = width == 1 && (Character.isSurrogate(c) || c == '\t' || c == '\n' || c == '\r' || isDisplayControl(c));
            if (bad && b == null) {
                b = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (b != null) {
                if (bad) {
                    b.append(REPLACEMENT);
                } else {
                    b.append(s, i, i + width);
                }
            }
            i += width - 1;
        }
        return b == null ? s : b.toString();
    }

    /**
     * Text as every graph export shows it: {@link XmlText#attribute} (characters XML 1.0 forbids
     * become U+FFFD, tab and line breaks spaces), and display controls become U+FFFD too.
     */
    static String shown(String s) {
        if (XmlText.isPrintableAscii(s)) {
            return s; // nothing to replace: the common case (addresses, numbers, codes), one tight scan
        }
        String a = XmlText.attribute(s);
        StringBuilder sb = null;
        for (int i = 0; i < a.length(); i++) {
            char c = a.charAt(i);
            if (isDisplayControl(c)) {
                if (sb == null) {
                    sb = new StringBuilder(a);
                }
                sb.setCharAt(i, REPLACEMENT);
            }
        }
        return sb == null ? a : sb.toString();
    }

    /** {@link #shown} as an {@code xsd:token}: runs of spaces collapsed, none at either end. */
    static String shownToken(String s) {
        return XmlText.token(shown(s));
    }

    /** A writer for terminals: display controls become U+FFFD, unpaired surrogates too; line breaks stay. */
    static Writer terminal(Writer w) {
        return new FilterWriter(w) {
            private char pendingHigh;

            @Override
            public void write(int c) throws IOException {
                if (pendingHigh != 0) {
                    char high = pendingHigh;
                    pendingHigh = 0;
                    if (Character.isLowSurrogate((char) c)) {
                        out.write(high);
                        out.write(c);
                        return;
                    }
                    out.write(REPLACEMENT);
                }
                if (Character.isHighSurrogate((char) c)) {
                    pendingHigh = (char) c;
                } else if (Character.isLowSurrogate((char) c) || isDisplayControl(c)) {
                    out.write(REPLACEMENT);
                } else {
                    out.write(c);
                }
            }

            @Override
            public void write(char[] cbuf, int off, int len) throws IOException {
                for (int i = 0; i < len; i++) {
                    write(cbuf[off + i]);
                }
            }

            @Override
            public void write(String s, int off, int len) throws IOException {
                for (int i = 0; i < len; i++) {
                    write(s.charAt(off + i));
                }
            }

            @Override
            public void flush() throws IOException {
                out.flush();
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    /**
     * Text safe inside a Markdown paragraph or table cell (CommonMark / GitHub tables): {@link #shown},
     * and every ASCII punctuation
     * character that can open Markdown syntax is backslash-escaped, so no markup, link, HTML tag,
     * entity or table cell boundary can be formed from the text; it shows exactly as given.
     */
    static String markdown(String s) {
        String a = shown(s);
        StringBuilder sb = new StringBuilder(a.length() + 8);
        for (int i = 0; i < a.length(); i++) {
            char c = a.charAt(i);
            if (c < 0x80 && isAsciiPunctuation(c)) {
                sb.append('\\').append(c);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * The ASCII punctuation that can start Markdown syntax inside a line: escapes, code spans,
     * emphasis, links and images, raw HTML and autolinks, entities, table cells, strikethrough,
     * and headings (a cell can start a line). Other punctuation ({@code . , : ; ( ) - + =})
     * forms syntax only at the start of a line or after one of these, so it is left as is.
     */
    private static boolean isAsciiPunctuation(char c) {
        return "\\`*_[]<>|&~!#".indexOf(c) >= 0;
    }

    /**
     * One CSV cell (RFC 4180): quoted when it holds a comma, a quote or a line break (quotes
     * doubled). A cell starting with {@code =}, {@code +}, {@code -} or {@code @} is prefixed with
     * an apostrophe so spreadsheets do not run it as a formula (OWASP "CSV injection"); no value
     * the tracer computes starts so, only attacker-chosen names can.
     */
    static String csv(String s) {
        String v = s;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        boolean quote = false;
        for (int i = 0; i < v.length() && !quote; i++) {
            char c = v.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }

    /**
     * A DOT double-quoted string: {@code "} and {@code \} are backslash-escaped, so the text can
     * neither end the string nor form a Graphviz escape sequence such as {@code \N} or {@code \l}.
     * Line breaks, display controls and forbidden characters are replaced first (see {@link #shown}).
     */
    static String dot(String s) {
        String a = shown(s);
        StringBuilder sb = new StringBuilder(a.length() + 2).append('"');
        for (int i = 0; i < a.length(); i++) {
            char c = a.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('"').toString();
    }
}
