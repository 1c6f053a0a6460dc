package dev.tracer.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracer.assets.AssetRegistry;
import dev.tracer.detect.KnownContracts;
import dev.tracer.label.LabelStore;
import dev.tracer.model.InvalidInputException;
import dev.tracer.source.Dataset;
import dev.tracer.source.etl.EtlCsvReader;
import dev.tracer.testing.SharedData;
import dev.tracer.trace.TaintModel;
import dev.tracer.trace.TracePolicy;
import dev.tracer.trace.TraceResult;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared one-incident pipeline: tracer, swap continuity (or not), detectors. */
class IncidentTracerTest {
    final AssetRegistry registry = AssetRegistry.bundled();
    final Incident bybit = IncidentCatalog.read(SharedData.fixtures().resolve("incidents")).get("bybit-2025");
    final Dataset data = IncidentTracer.bundledData(bybit, new EtlCsvReader(registry));

    IncidentTracer.Builder builder() {
        return IncidentTracer.builder().registry(registry).labels(KnownContracts.addTo(LabelStore.empty(), registry))
                .model(TaintModel.named("haircut")).policy(TracePolicy.builder().build());
    }

    @Test
    void carriesTaintAcrossSwapsUnlessToldNotToAndAppliesTheDetectors() {
        TraceResult with = builder().build().trace(data, IncidentTracer.seeds(bybit));
        TraceResult without = builder().noSwaps().build().trace(data, IncidentTracer.seeds(bybit));
        assertThat(with.conversions()).isNotEmpty();
        assertThat(without.conversions()).isEmpty();
        assertThat(with.flags()).extracting(f -> f.type()).contains("equal-split", "dex-swap");
        assertThat(without.flags()).extracting(f -> f.type()).contains("equal-split").doesNotContain("dex-swap");
    }

    @Test
    void failsFast() {
        assertThatThrownBy(() -> IncidentTracer.builder().build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> builder().swaps(Duration.ZERO)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> builder().build().trace(data, List.of())).isInstanceOf(InvalidInputException.class);
        Incident none = new Incident("none", "n", bybit.date(), "", "", "", List.of(), List.of(), java.util.Optional.empty(), List.of(), "");
        assertThatThrownBy(() -> IncidentTracer.bundledData(none, new EtlCsvReader(registry)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("has no bundled chain data");
    }
}
