package dev.tracer.detect;

import dev.tracer.assets.FakeTokenClassifier;
import dev.tracer.label.LabelStore;
import dev.tracer.model.Flag;
import dev.tracer.source.Dataset;
import dev.tracer.trace.TraceResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Runs a set of detectors over a trace and attaches their flags to the result. */
public final class Detectors {
    private final List<Detector> detectors;

    public Detectors(List<Detector> detectors) {
        this.detectors = List.copyOf(detectors);
    }

    /** The standard set with the documented defaults. */
    public static Detectors standard() {
        return new Detectors(List.of(
                new EqualSplitDetector(5, Duration.ofHours(24)),
                new ConsolidationDetector(),
                new RapidPassThroughDetector(Duration.ofMinutes(60)),
                new MixerDetector(),
                new BridgeDetector(),
                new ExchangeDepositDetector(95, 5000),
                new PoisoningDetector(),
                new SwapFlagger()));
    }

    public List<Detector> detectors() {
        return detectors;
    }

    /** {@code result} with every detector's flags. */
    public TraceResult apply(TraceResult result, Dataset data, LabelStore labels, FakeTokenClassifier classifier) {
        java.util.Map<dev.tracer.model.Asset, Boolean> genuine = new java.util.HashMap<>();
        DetectionContext ctx = new DetectionContext(result, data, labels,
                a -> genuine.computeIfAbsent(a, x -> classifier.classify(x).carriesValue()));
        List<Flag> flags = new ArrayList<>();
        for (Detector d : detectors) {
            flags.addAll(d.detect(ctx));
        }
        return result.withFlags(flags);
    }
}
