package dev.tracer.incident;

import dev.tracer.model.Address;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A documented theft. Only what a cited source states is recorded; what no source states is
 * "unknown" (an empty date), and an incident no source gives a seed for has no seeds.
 *
 * @param date      the day of the theft, if a cited source states it
 * @param seeds     addresses that received the stolen funds, each from a cited source; may be empty
 * @param data      the bundled dataset directory, if the incident ships chain data
 * @param sources   public documents (title and URL) that document the theft and its seeds
 * @param notes     what the sources do and do not say (e.g. why there is no seed)
 */
public record Incident(String id, String name, Optional<LocalDate> date, String victim, String amountStolen,
                       String attribution, List<String> chains, List<SeedAddress> seeds,
                       Optional<Path> data, List<Source> sources, String notes) {

    public Incident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(notes, "notes");
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
