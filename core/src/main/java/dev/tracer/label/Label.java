package dev.tracer.label;

import dev.tracer.model.Address;
import java.util.Objects;

/**
 * One claim about an address: who ({@code entity}), what kind ({@code category}), who says so
 * ({@code source}) and how sure (0–100).
 */
public record Label(Address address, String entity, Category category, String source, int confidence) {

    public Label {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(source, "source");
        if (confidence < 0 || confidence > 100) {
            throw new dev.tracer.model.InvalidInputException("confidence " + confidence + " outside 0..100");
        }
    }
}
