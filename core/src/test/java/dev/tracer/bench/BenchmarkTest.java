package dev.tracer.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tracer.source.SourceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkTest {

    /** The medians of the 1M fresh-clone run of 16f4949 at 4 hops (docs/performance-history.md). */
    @Test
    void targetBoundsSetTheTargetsAgainstTheChainOrderWalk() {
        List<BenchReport.Row> rows = Benchmark.targetBounds(4, 24_827_612, 2_624_837, 11_370_309);
        assertThat(rows).extracting(BenchReport.Row::measure)
                .containsExactly("target: 0.5× CSR walk 4 hops", "target: 10× JGraphT walk 4 hops");
        BenchReport.Row half = rows.get(0);
        assertThat(half.value()).isCloseTo(12_413_806, within(1.0));
        assertThat(half.versus()).isEqualTo("chain-order walk 4 hops");
        assertThat(half.ratio()).isCloseTo(1.0918, within(1e-4));
        assertThat(half.verdict()).isEqualTo(BenchReport.Verdict.INFO);
        assertThat(half.note()).startsWith("asks for 1.09× the speed of the chain-order walk, which does no accounting");
        BenchReport.Row ten = rows.get(1);
        assertThat(ten.value()).isCloseTo(26_248_370, within(1.0));
        assertThat(ten.ratio()).isCloseTo(2.3085, within(1e-4));
        assertThat(ten.note()).contains("asks for 2.31× the speed").endsWith("; it is 1.06× the CSR walk itself");
    }

    @Test
    void aTargetBelowTheWalkSaysHowMuchRoomItLeaves() {
        // made-up medians: a chain-order walk as fast as the CSR walk
        List<BenchReport.Row> rows = Benchmark.targetBounds(6, 18_636_948, 1_174_164, 18_636_948);
        BenchReport.Row half = rows.get(0);
        assertThat(half.ratio()).isCloseTo(0.5, within(1e-9));
        assertThat(half.note()).isEqualTo("asks for 50% of the chain-order walk's speed: accounting, replays and evidence"
                + " at most 1.00× the walk's own cost per edge on top of it");
        assertThat(rows.get(1).ratio()).isCloseTo(0.63, within(0.001));
        assertThat(rows.get(1).note()).startsWith("asks for 63% of the chain-order walk's speed");
    }

    /** Regression: a count of five start addresses printed as "5.00". */
    @Test
    void numbersShowThreeSignificantDigitsAndCountsWhole() {
        assertThat(List.of(0.0, 5.0, 44.02, 0.108, 7.72, 10.8, 161.0, 1_342_695.4, -2.5, Double.NaN))
                .extracting(BenchReport::number)
                .containsExactly("0", "5", "44.0", "0.108", "7.72", "10.8", "161", "1,342,695", "-2.50", "");
    }

    @TempDir
    Path tmp;

    final List<String> progress = new ArrayList<>();

    Benchmark bench(long transfers) {
        Benchmark.Config c = new Benchmark.Config(transfers, 7, 1, 0, 1, tmp, EnumSet.noneOf(Benchmark.Section.class), Optional.empty());
        return new Benchmark(c, NanoClock.system(), Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC), progress::add);
    }

    @Test
    void dataIsReusedOnlyForTheSameSizeAndSeed() throws IOException {
        bench(1000).prepareData();
        bench(1000).prepareData();
        assertThat(progress).first().asString().startsWith("generating 1000 transfers");
        assertThat(progress).last().asString().isEqualTo("reusing " + tmp);
        assertThat(Files.readString(tmp.resolve("bench.properties"))).startsWith("transfers=1000\nseed=7\n").contains("generated=");
        assertThat(tmp.resolve("bench.properties.tmp")).doesNotExist();
    }

    @Test
    void dataCutShortByAFailedRegenerationIsNeverReused() throws IOException {
        bench(1000).prepareData();
        // generating another size over it fails half-way: a directory stands where a file must go
        Files.delete(tmp.resolve("token_transfers.csv"));
        Files.createDirectory(tmp.resolve("token_transfers.csv"));
        assertThatThrownBy(() -> bench(2000).prepareData()).isInstanceOf(SourceException.Unavailable.class);
        assertThat(tmp.resolve("bench.properties")).doesNotExist();
        Files.delete(tmp.resolve("token_transfers.csv"));
        progress.clear();
        bench(1000).prepareData();
        assertThat(progress).first().asString().startsWith("generating 1000 transfers");
    }

    /** Regression: a file cut at a row boundary was reused, and the run measured fewer transfers than its header said. */
    @Test
    void aFileChangedSinceItWasMadeMeansGeneratingAgain() throws IOException {
        bench(1000).prepareData();
        Path tokens = tmp.resolve("token_transfers.csv");
        byte[] made = Files.readAllBytes(tokens);
        List<String> rows = Files.readAllLines(tokens);
        Files.write(tokens, rows.subList(0, rows.size() / 2));
        long cut = Files.size(tokens);
        progress.clear();
        bench(1000).prepareData();
        assertThat(progress).first().asString().isEqualTo(String.format(java.util.Locale.ROOT,
                "%s has %,d bytes, the marker says %,d bytes: generating again", tokens, cut, made.length));
        assertThat(progress.get(1)).startsWith("generating 1000 transfers");
        assertThat(Files.readAllBytes(tokens)).isEqualTo(made);

        Files.delete(tmp.resolve("labels.csv"));
        progress.clear();
        bench(1000).prepareData();
        assertThat(progress).first().asString().endsWith("labels.csv is missing, the marker says "
                + String.format(java.util.Locale.ROOT, "%,d", Files.size(tmp.resolve("labels.csv"))) + " bytes: generating again");
        progress.clear();
        bench(1000).prepareData();
        assertThat(progress).containsExactly("reusing " + tmp);
    }

    @Test
    void theMarkerRecordsEveryFilesLength() throws IOException {
        bench(1000).prepareData();
        String marker = Files.readString(tmp.resolve("bench.properties"));
        for (String f : TransferDataGenerator.FILES) {
            assertThat(tmp.resolve(f)).isRegularFile();
            assertThat(marker).contains("bytes." + f + "=" + Files.size(tmp.resolve(f)) + "\n");
        }
        try (var listing = Files.list(tmp)) {
            assertThat(listing.map(p -> p.getFileName().toString()).filter(n -> !n.equals("bench.properties")))
                    .as("the generator writes exactly the files the marker measures")
                    .containsExactlyInAnyOrderElementsOf(TransferDataGenerator.FILES);
        }
    }

    @Test
    void aMarkerWithoutLengthsMeansGeneratingAgain() throws IOException {
        bench(1000).prepareData();
        Path marker = tmp.resolve("bench.properties");
        Files.writeString(marker, Files.readString(marker).replaceAll("bytes\\..*\n", ""));
        progress.clear();
        bench(1000).prepareData();
        assertThat(progress).first().asString().contains("is incomplete (no bytes.dataset.json)");
        assertThat(progress.get(1)).startsWith("generating 1000 transfers");
    }

    @Test
    void anIncompleteMarkerMeansGeneratingAgain() throws IOException {
        Files.writeString(tmp.resolve("bench.properties"), "transfers=1000\nseed=7\ngenerator=1\ntransactions=8");
        bench(1000).prepareData();
        assertThat(progress).first().asString().contains("is incomplete (no generated)");
        assertThat(progress.get(1)).startsWith("generating 1000 transfers");
        assertThat(Files.readString(tmp.resolve("bench.properties"))).contains("token_transfers=", "addresses=", "generated=");
    }
}
