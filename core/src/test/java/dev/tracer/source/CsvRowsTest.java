package dev.tracer.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracer.model.InvalidInputException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvRowsTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private static List<String[]> readAll(String name, String content, List<String> required, List<Long> lines) {
        List<String[]> rows = new ArrayList<>();
        CsvRows.read(name, new StringReader(content), required, row -> {
            String[] cells = new String[] {row.get("a"), row.get("b"), row.opt("c")};
            rows.add(cells);
            lines.add(row.line());
        });
        return rows;
    }

    @Test
    void rowsAreReadByHeaderNameWithTheirLineNumbers() {
        List<Long> lines = new ArrayList<>();
        List<String[]> rows = readAll("t.csv", "b,a\n2,1\n4,3\n", List.of("a", "b"), lines);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsExactly("1", "2", "");
        assertThat(rows.get(1)).containsExactly("3", "4", "");
        assertThat(lines).containsExactly(2L, 3L);
    }

    @Test
    void lastRowWithoutTrailingNewlineIsRead() {
        List<Long> lines = new ArrayList<>();
        List<String[]> rows = readAll("t.csv", "a,b\n1,2\n3,4", List.of("a", "b"), lines);
        assertThat(rows).hasSize(2);
        assertThat(lines).containsExactly(2L, 3L);
    }

    /**
     * Regression: transactions.csv of the Bybit data cut 6 bytes short read its last block
     * timestamp 1741025627 as 17410 (1970) and traced on; a file on disk must end with a line break.
     */
    @Test
    void aFileCutInsideItsLastRowIsRefused() throws Exception {
        Path cut = write("cut.csv", "hash,block_timestamp\n0xaa,1741025627\n0xbb,17410");
        assertThatThrownBy(() -> CsvRows.read(cut, List.of("hash"), row -> { }))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(cut + ": no line break after the last row: the file looks cut short"
                        + " (an export ends with one; if this file is complete, add it)");
        List<String> read = new ArrayList<>();
        CsvRows.read(write("lf.csv", "hash,block_timestamp\n0xaa,1741025627\n"), List.of("hash"), row -> read.add(row.get("hash")));
        CsvRows.read(write("crlf.csv", "hash,block_timestamp\r\n0xbb,1741025627\r\n"), List.of("hash"), row -> read.add(row.get("hash")));
        assertThat(read).containsExactly("0xaa", "0xbb");
    }

    @Test
    void wrongColumnCountNamesFileAndLine() throws Exception {
        // line 1 header, 2 good, 3 bad, 4 good
        Path f = write("transfers.csv", "a,b,c\n1,2,3\n4,5\n7,8,9\n");
        List<String> seen = new ArrayList<>();
        assertThatThrownBy(() -> CsvRows.read(f, List.of("a"), row -> seen.add(row.get("a"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(f + ":3:")
                .hasMessageContaining("expected 3 columns, found 2");
        assertThat(seen).containsExactly("1");
    }

    @Test
    void tooManyColumnsIsAlsoAnError() {
        assertThatThrownBy(() -> CsvRows.read("x.csv", new StringReader("a,b\n1,2\n3,4\n5,6,7\n"), List.of(), r -> { }))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("x.csv:4:")
                .hasMessageContaining("found 3");
    }

    @Test
    void wrongColumnCountOnTheFirstDataRowIsLine2() {
        assertThatThrownBy(() -> CsvRows.read("x.csv", new StringReader("a,b\n1\n"), List.of(), r -> { }))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("x.csv:2:");
    }

    @Test
    void missingRequiredColumnIsNamed() {
        assertThatThrownBy(() -> CsvRows.read("tokens.csv", new StringReader("address,symbol\n0x1,ETH\n"),
                List.of("address", "symbol", "decimals"), r -> { }))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("tokens.csv:1:")
                .hasMessageContaining("'decimals'");
    }

    @Test
    void headerNamesAreStripped() {
        List<String> seen = new ArrayList<>();
        CsvRows.read("x.csv", new StringReader(" a , b\n1,2\n"), List.of("a", "b"), r -> seen.add(r.get("b")));
        assertThat(seen).containsExactly("2");
    }

    @Test
    void quotedCellsKeepCommasQuotesAndNewlines() {
        String csv = "a,b,c\n"
                + "\"x, y\",\"say \"\"hi\"\"\",plain\n"
                + "\"two\nlines\",2,3\n"
                + "last,4,5\n";
        List<Long> lines = new ArrayList<>();
        List<String[]> rows = readAll("q.csv", csv, List.of("a", "b", "c"), lines);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).containsExactly("x, y", "say \"hi\"", "plain");
        assertThat(rows.get(1)).containsExactly("two\nlines", "2", "3");
        assertThat(rows.get(2)).containsExactly("last", "4", "5");
        // "last" starts on line 5 of the file (the quoted newline takes lines 3-4)
        assertThat(lines.get(0)).isEqualTo(2L);
        assertThat(lines.get(2)).isEqualTo(5L);
    }

    @Test
    void badRowAfterAMultiLineCellIsReportedOnItsOwnLine() {
        String csv = "a,b\n\"two\nlines\",2\nonly-one\n";
        assertThatThrownBy(() -> CsvRows.read("m.csv", new StringReader(csv), List.of(), r -> { }))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("m.csv:4:");
    }

    @Test
    void rowErrorsArePrefixedWithFileAndLine() {
        assertThatThrownBy(() -> CsvRows.read("r.csv", new StringReader("a,b\n1,2\n3,x\n"), List.of("a", "b"), row ->
                row.parse(() -> {
                    if (row.get("b").equals("x")) {
                        throw new InvalidInputException("non-numeric 'x'");
                    }
                    return null;
                })))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("r.csv:3: non-numeric 'x'");
    }

    @Test
    void gettingAColumnTheHeaderLacksNamesIt() {
        assertThatThrownBy(() -> CsvRows.read("r.csv", new StringReader("a,b\n1,2\n"), List.of(), row -> row.get("zzz")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("r.csv:2:")
                .hasMessageContaining("'zzz'");
    }

    @Test
    void emptyFileIsInvalid() throws Exception {
        Path f = write("empty.csv", "");
        assertThatThrownBy(() -> CsvRows.read(f, List.of("a"), r -> { }))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(f + ":1:")
                .hasMessageContaining("empty");
    }

    @Test
    void missingFileIsUnavailableNamingIt() {
        Path f = dir.resolve("nope.csv");
        assertThatThrownBy(() -> CsvRows.read(f, List.of("a"), r -> { }))
                .isInstanceOf(SourceException.Unavailable.class)
                .hasMessageContaining(f.toString());
    }

    @Test
    void nonUtf8IsInvalidInput() throws Exception {
        Path f = dir.resolve("latin1.csv");
        Files.write(f, new byte[] {'a', '\n', (byte) 0xE9, '\n'});
        assertThatThrownBy(() -> CsvRows.read(f, List.of("a"), r -> { }))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(f.toString());
    }
}
