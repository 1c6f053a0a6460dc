package dev.tracer.label;

import dev.tracer.model.Address;
import dev.tracer.model.InvalidInputException;
import java.util.Objects;

/**
 * One claim about an address: who ({@code entity}), what kind ({@code category}), who says so
 * ({@code source}, a URL or a named list) and how sure (0–100), from which label {@code pack}.
 * Texts are kept as given (they may come from hostile sources: writers make them safe for their
 * format); the readers of third-party formats collapse whitespace to single spaces.
 *
 * @param clusterDefiner the source says the label holds for the address's whole cluster (the
 *                       other addresses a clustering heuristic puts with it), not only for this
 *                       address; GraphSense's {@code is_cluster_definer}. The tracer has no
 *                       clustering yet, so this is recorded and shown, not used.
 * @param pack           the label pack or file the label was read from ({@code ""} when built
 *                       in code)
 */
public record Label(Address address, String entity, Category category, String source, int confidence,
                    boolean clusterDefiner, String pack) {

    public Label {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(pack, "pack");
        if (entity.isBlank()) {
            throw new InvalidInputException("empty entity");
        }
        if (source.isBlank()) {
            throw new InvalidInputException("empty source");
        }
        if (confidence < 0 || confidence > 100) {
            throw new InvalidInputException("confidence " + confidence + " outside 0..100");
        }
    }

    /** A label that is no cluster definer and comes from no pack. */
    public Label(Address address, String entity, Category category, String source, int confidence) {
        this(address, entity, category, source, confidence, false, "");
    }

    /** This label as read from {@code pack}. */
    public Label inPack(String pack) {
        return new Label(address, entity, category, source, confidence, clusterDefiner, pack);
    }
}
