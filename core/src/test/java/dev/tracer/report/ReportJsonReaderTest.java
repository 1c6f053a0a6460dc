package dev.tracer.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracer.assets.AssetRegistry;
import dev.tracer.detect.KnownContracts;
import dev.tracer.incident.Incident;
import dev.tracer.incident.IncidentCatalog;
import dev.tracer.incident.IncidentTracer;
import dev.tracer.label.LabelStore;
import dev.tracer.model.InvalidInputException;
import dev.tracer.source.etl.EtlCsvReader;
import dev.tracer.testing.SharedData;
import dev.tracer.trace.TaintModel;
import dev.tracer.trace.TracePolicy;
import dev.tracer.trace.TraceResult;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report.json reads back into the very result it was written from, so exports and diffs can work from it. */
class ReportJsonReaderTest {
    @TempDir
    Path tmp;

    @Test
    void readsBackTheHostileTraceExactly() {
        assertRoundTrip(HostileTrace.trace(tmp));
    }

    @Test
    void readsBackTheBybitTraceExactlyWithSwapsAndFlags() {
        AssetRegistry registry = AssetRegistry.bundled();
        Incident bybit = IncidentCatalog.read(SharedData.fixtures().resolve("incidents")).get("bybit-2025");
        TraceResult r = IncidentTracer.builder().registry(registry)
                .labels(KnownContracts.addTo(LabelStore.empty(), registry))
                .model(TaintModel.named("haircut")).policy(TracePolicy.builder().build()).build()
                .trace(IncidentTracer.bundledData(bybit, new EtlCsvReader(registry)), IncidentTracer.seeds(bybit));
        assertThat(r.conversions()).isNotEmpty();
        assertThat(r.flags()).isNotEmpty();
        assertThat(r.poisoning()).isNotEmpty();
        TraceResult back = assertRoundTrip(r);
        // the exports of the read-back result are the exports of the original, byte for byte
        assertThat(gexf(back)).isEqualTo(gexf(r));
        assertThat(gexf(back)).contains("<attvalue for=\"kind\" value=\"swap\"/>");
    }

    @Test
    void namesTheFileAndJsonPathOfWhatIsWrong() {
        String good = json(HostileTrace.trace(tmp));
        assertThatThrownBy(() -> read(good.replaceFirst("\"hop\" : 0", "\"hop\" : \"zero\"")))
                .isInstanceOf(InvalidInputException.class).hasMessage("r.json: nodes[0].hop: expected an integer");
        assertThatThrownBy(() -> read(good.replace("tracer-report/1", "tracer-report/9")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("r.json: format: is 'tracer-report/9'");
        assertThatThrownBy(() -> read("{\"format\": "))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("r.json:1: malformed JSON: Unexpected end-of-input")
                .hasMessageNotContaining("Source");
        // regression: a policy the builder refuses named neither the file nor the field, and 1e99999999 hung
        assertThatThrownBy(() -> read(good.replaceFirst("\"max_hops\" : \\d+", "\"max_hops\" : 0")))
                .isInstanceOf(InvalidInputException.class).hasMessage("r.json: policy.max_hops: hops must be between 1 and 1000, got 0");
        assertThatThrownBy(() -> read(good.replaceFirst("\"min_amount\" : \"[^\"]*\"", "\"min_amount\" : \"1e99999999\"")))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("r.json: policy.min_amount: minimum amount must be below 10^78");
        assertThatThrownBy(() -> read(good.replaceFirst("\"base_units\" : \"10000000000000000000\"", "\"base_units\" : \"10000000000000000001\"")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("is not base_units scaled by a power of ten");
    }

    private static TraceResult assertRoundTrip(TraceResult r) {
        String first = json(r);
        TraceResult back = read(first);
        assertThat(back).isEqualTo(r);
        assertThat(json(back)).isEqualTo(first);
        return back;
    }

    private static String json(TraceResult r) {
        StringWriter w = new StringWriter();
        new ReportJsonWriter().write(r, w);
        return w.toString();
    }

    private static String gexf(TraceResult r) {
        StringWriter w = new StringWriter();
        new GexfWriter().write(r, w);
        return w.toString();
    }

    private static TraceResult read(String json) {
        return new ReportJsonReader().read("r.json", new StringReader(json));
    }
}
