package dev.tracer.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracer.model.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pipelined reading gives the rows and the errors of sequential reading, in the same order. */
class PipelinedCsvRowsTest {
    @TempDir
    Path tmp;

    private Path file(int rows, int badAt) throws IOException {
        StringBuilder b = new StringBuilder("a,b\n");
        for (int i = 1; i <= rows; i++) {
            b.append(i).append(',').append(i == badAt ? "x,extra" : "v" + i).append('\n');
        }
        Path p = tmp.resolve("f.csv");
        Files.writeString(p, b);
        return p;
    }

    @Test
    void rowsArriveInFileOrderAcrossManyBatches() throws IOException {
        Path p = file(5000, -1);
        List<String> seq = new ArrayList<>();
        CsvRows.read(p, List.of("a"), r -> seq.add(r.get("a") + r.get("b") + r.line()));
        List<String> pip = new ArrayList<>();
        PipelinedCsvRows.read(p, List.of("a"), r -> pip.add(r.get("a") + r.get("b") + r.line()));
        assertThat(pip).hasSize(5000).isEqualTo(seq);
    }

    @Test
    void aMalformedRowFailsAfterEveryRowBeforeItWasConsumed() throws IOException {
        Path p = file(3000, 2001);
        List<String> seen = new ArrayList<>();
        assertThatThrownBy(() -> PipelinedCsvRows.read(p, List.of("a"), r -> seen.add(r.get("a"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining(":2002: expected 2 columns, found 3");
        assertThat(seen).hasSize(2000);
    }

    @Test
    void aFailingSinkStopsTheReaderAndItsErrorComesOut() throws IOException {
        Path p = file(100_000, -1);
        assertThatThrownBy(() -> PipelinedCsvRows.read(p, List.of("a"), r -> {
            if (r.line() == 700) {
                throw new InvalidInputException("stop at 700");
            }
        })).hasMessage("stop at 700");
    }

    @Test
    void aMissingFileIsUnavailable() {
        assertThatThrownBy(() -> PipelinedCsvRows.read(tmp.resolve("none.csv"), List.of(), r -> { }))
                .isInstanceOf(SourceException.Unavailable.class);
    }

    @Test
    void preparedValuesArriveInOrderAndAFailingPrepareFailsAtItsRow() throws IOException {
        Path p = file(3000, -1);
        List<Integer> seen = new ArrayList<>();
        PipelinedCsvRows.read(p, List.of("a"), r -> r.line() % 2 == 0 ? null : Integer.valueOf(r.get("a")), seen::add);
        assertThat(seen).hasSize(1500).startsWith(2, 4, 6).isSorted();
        List<Integer> before = new ArrayList<>();
        assertThatThrownBy(() -> PipelinedCsvRows.read(p, List.of("a"), r -> r.parse(() -> {
            if (r.line() == 1201) {
                throw new InvalidInputException("bad cell");
            }
            return Integer.valueOf(r.get("a"));
        }), before::add)).isInstanceOf(InvalidInputException.class).hasMessageContaining(":1201: bad cell");
        assertThat(before).hasSize(1199).endsWith(1199);
    }
}
