package dev.tracer.report;

import dev.tracer.model.TracerException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Makes arbitrary text safe to hand to an XML writer. The writer escapes markup ({@code <},
 * {@code &}, quotes), but XML 1.0 forbids some characters outright: the C0 controls other than
 * tab, line feed and carriage return, U+FFFE, U+FFFF and unpaired surrogates. Token symbols and
 * labels are attacker-chosen, so such characters are replaced with U+FFFD (the replacement
 * character) rather than rejected. Each method is O(n) and returns its argument when nothing
 * needs replacing.
 */
final class XmlText {
    /** What a forbidden character becomes. */
    static final char REPLACEMENT = '\uFFFD';

    private XmlText() {
    }

    /** Writes one XML document's content. */
    @FunctionalInterface
    interface Body {
        void write(XMLStreamWriter x) throws XMLStreamException;
    }

    /**
     * Streams a document written by {@code body} to {@code out} with the JDK's XML writer, flushed
     * and not closed. A failure of {@code out} is an {@link UncheckedIOException}, a document
     * the writer refuses a {@link TracerException}, both saying which
     * {@code format} could not be written.
     */
    static void writeDocument(String format, Writer out, Body body) {
        try {
            XMLStreamWriter x = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
            try {
                body.write(x);
                x.flush();
            } finally {
                x.close();
            }
        } catch (XMLStreamException e) {
            if (e.getCause() instanceof IOException io) {
                throw new UncheckedIOException("cannot write " + format + ": " + io.getMessage(), io);
            }
            throw new TracerException("cannot write " + format + ": " + e.getMessage(), e);
        }
    }

    /** {@code s} with every character XML 1.0 forbids replaced by U+FFFD; tab, LF and CR are kept. */
    static String clean(String s) {
        return rewrite(s, false);
    }

    /**
     * As {@link #clean}, and tab, LF and CR become spaces: a parser normalises them to spaces in
     * attribute values anyway, so the file then says exactly what a reader gets back.
     */
    static String attribute(String s) {
        return rewrite(s, true);
    }

    /**
     * As {@link #attribute}, with runs of spaces collapsed to one and none at either end, the
     * canonical form of an {@code xsd:token} (GEXF node and edge labels).
     */
    static String token(String s) {
        String a = attribute(s);
        if (isToken(a)) {
            return a;
        }
        StringBuilder sb = new StringBuilder(a.length());
        boolean space = false;
        for (int i = 0; i < a.length(); i++) {
            char c = a.charAt(i);
            if (c == ' ') {
                space = !sb.isEmpty();
            } else {
                if (space) {
                    sb.append(' ');
                    space = false;
                }
                sb.append(c);
            }
        }
        return sb.length() == a.length() ? a : sb.toString();
    }

    /** True when {@code s} is only printable ASCII (space to tilde), which no method here changes but {@link #token}. */
    static boolean isPrintableAscii(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x7F) {
                return false;
            }
        }
        return true;
    }

    /** True when {@code a} has no space at either end and no two spaces in a row: {@link #token} keeps it as it is. */
    private static boolean isToken(String a) {
        int n = a.length();
        if (n > 0 && (a.charAt(0) == ' ' || a.charAt(n - 1) == ' ')) {
            return false;
        }
        for (int i = 1; i < n; i++) {
            if (a.charAt(i) == ' ' && a.charAt(i - 1) == ' ') {
                return false;
            }
        }
        return true;
    }

    private static String rewrite(String s, boolean whitespaceToSpace) {
        StringBuilder sb = null;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            char r;
            int width = 1;
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                r = c;
                width = 2;
            } else if (c == '\t' || c == '\n' || c == '\r') {
                r = whitespaceToSpace ? ' ' : c;
            } else if (c < 0x20 || c == '\uFFFE' || c == '\uFFFF' || Character.isSurrogate(c)) {
                r = REPLACEMENT;
            } else {
                r = c;
            }
            if (sb == null && r != c) {
                sb = new StringBuilder(n).append(s, 0, i);
            }
            if (sb != null) {
                sb.append(r);
                if (width == 2) {
                    sb.append(s.charAt(i + 1));
                }
            }
            i += width - 1;
        }
        return sb == null ? s : sb.toString();
    }
}
