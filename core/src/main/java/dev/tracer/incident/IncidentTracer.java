package dev.tracer.incident;

import dev.tracer.assets.AssetRegistry;
import dev.tracer.assets.FakeTokenClassifier;
import dev.tracer.detect.Detectors;
import dev.tracer.detect.DexSwapContinuity;
import dev.tracer.label.LabelStore;
import dev.tracer.model.InvalidInputException;
import dev.tracer.source.Dataset;
import dev.tracer.source.etl.EtlCsvReader;
import dev.tracer.trace.Direction;
import dev.tracer.trace.Seed;
import dev.tracer.trace.TaintModel;
import dev.tracer.trace.TracePolicy;
import dev.tracer.trace.TraceResult;
import dev.tracer.trace.Tracer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The pipeline that traces one incident, shared by {@code tracer trace} and {@code tracer batch}:
 * the {@link Tracer} under one taint model and policy, with taint carried across inferred DEX
 * swaps ({@link DexSwapContinuity}, unless turned off), then the detectors
 * ({@link Detectors#standard()} by default) over the result.
 *
 * <p>Immutable and thread-safe: one instance traces any number of datasets, concurrently.
 */
public final class IncidentTracer {
    private final AssetRegistry registry;
    private final LabelStore labels;
    private final FakeTokenClassifier classifier;
    private final TaintModel model;
    private final TracePolicy policy;
    private final Direction direction;
    private final Optional<Duration> swapWindow;
    private final Detectors detectors;

    private IncidentTracer(Builder b) {
        this.registry = b.registry;
        this.labels = b.labels;
        this.classifier = new FakeTokenClassifier(b.registry);
        this.model = b.model;
        this.policy = b.policy;
        this.direction = b.direction;
        this.swapWindow = b.swapWindow;
        this.detectors = b.detectors;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Traces {@code seeds} through {@code data} and applies the detectors.
     *
     * @throws InvalidInputException when there is no seed or a seed is not in the data
     */
    public TraceResult trace(Dataset data, List<Seed> seeds) {
        Objects.requireNonNull(data, "data");
        if (seeds.isEmpty()) {
            throw new InvalidInputException("no seeds given");
        }
        Tracer.Builder tracer = Tracer.builder()
                .dataset(data)
                .labels(labels)
                .classifier(classifier)
                .model(model)
                .policy(policy);
        swapWindow.ifPresent(w -> tracer.swaps(new DexSwapContinuity(registry, labels, w)));
        TraceResult traced = tracer.build().trace(seeds, direction);
        return detectors.apply(traced, data, labels, classifier);
    }

    /** The incident's catalogued seed addresses. */
    public static List<Seed> seeds(Incident incident) {
        return incident.seeds().stream().map(s -> Seed.address(s.address())).toList();
    }

    /**
     * The incident's bundled dataset.
     *
     * @throws InvalidInputException when the incident bundles no chain data
     */
    public static Dataset bundledData(Incident incident, EtlCsvReader reader) {
        Path dir = incident.data().orElseThrow(() -> new InvalidInputException("incident " + incident.id()
                + " has no bundled chain data; trace it with --data DIR (or a live source)"));
        return reader.read(dir);
    }

    /** Builder; {@link #build()} fails fast on a missing registry, labels, model or policy. */
    public static final class Builder {
        private AssetRegistry registry;
        private LabelStore labels;
        private TaintModel model;
        private TracePolicy policy;
        private Direction direction = Direction.FORWARD;
        private Optional<Duration> swapWindow = Optional.of(DexSwapContinuity.DEFAULT_WINDOW);
        private Detectors detectors = Detectors.standard();

        private Builder() {
        }

        public Builder registry(AssetRegistry r) {
            this.registry = Objects.requireNonNull(r, "registry");
            return this;
        }

        public Builder labels(LabelStore l) {
            this.labels = Objects.requireNonNull(l, "labels");
            return this;
        }

        public Builder model(TaintModel m) {
            this.model = Objects.requireNonNull(m, "model");
            return this;
        }

        public Builder policy(TracePolicy p) {
            this.policy = Objects.requireNonNull(p, "policy");
            return this;
        }

        public Builder direction(Direction d) {
            this.direction = Objects.requireNonNull(d, "direction");
            return this;
        }

        /** Carry taint across inferred swaps whose proceeds appear within {@code window}. */
        public Builder swaps(Duration window) {
            Objects.requireNonNull(window, "window");
            if (window.isNegative() || window.isZero()) {
                throw new InvalidInputException("swap window must be positive, got " + window);
            }
            this.swapWindow = Optional.of(window);
            return this;
        }

        /** Do not carry taint across inferred swaps. */
        public Builder noSwaps() {
            this.swapWindow = Optional.empty();
            return this;
        }

        public Builder detectors(Detectors d) {
            this.detectors = Objects.requireNonNull(d, "detectors");
            return this;
        }

        public IncidentTracer build() {
            if (registry == null) {
                throw new IllegalStateException("IncidentTracer needs an asset registry");
            }
            if (labels == null) {
                throw new IllegalStateException("IncidentTracer needs a label store");
            }
            if (model == null) {
                throw new IllegalStateException("IncidentTracer needs a taint model");
            }
            if (policy == null) {
                throw new IllegalStateException("IncidentTracer needs a trace policy");
            }
            return new IncidentTracer(this);
        }
    }
}
