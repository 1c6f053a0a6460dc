package dev.tracer.incident;

import dev.tracer.model.Address;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A documented theft.
 *
 * @param data      the bundled dataset directory, if the incident ships chain data
 * @param sources   public documents (title and URL) that document the theft and its seeds
 */
public record Incident(String id, String name, LocalDate date, String victim, String amountStolen,
                       String attribution, List<String> chains, List<SeedAddress> seeds,
                       Optional<Path> data, List<Source> sources) {

    public Incident {
        Objects.requireNonNull(id, "id");
        seeds = List.copyOf(seeds);
        chains = List.copyOf(chains);
        sources = List.copyOf(sources);
    }

    /** A seed address and why it is one. */
    public record SeedAddress(Address address, String note) {
    }

    /** A public document. */
    public record Source(String title, String url) {
    }
}
