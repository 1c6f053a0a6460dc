package dev.tracer.incident;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracer.model.Address;
import dev.tracer.model.Chain;
import dev.tracer.model.InvalidInputException;
import dev.tracer.source.SourceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads {@code DIR/ID/incident.json} for every incident directory under {@code DIR}, sorted by id.
 *
 * <pre>{@code
 * {"id": "ronin-2022", "name": "…", "date": "2022-03-23" or "unknown", "victim": "…",
 *  "amount_stolen": "…", "attribution": "…", "chains": ["ethereum"],
 *  "seeds": [{"chain": "ethereum", "address": "0x…", "note": "where this seed is documented"}],
 *  "data": "data" or null, "sources": [{"title": "…", "url": "…"}], "notes": "…"}
 * }</pre>
 * Every seed address is parsed (checksums checked); a malformed file or seed is an
 * {@link InvalidInputException} naming the file.
 */
public final class IncidentCatalog {
    public static final String FILE = "incident.json";
    /** What the catalogue says where no cited source states a fact. */
    public static final String UNKNOWN = "unknown";

    private final List<Incident> incidents;

    private IncidentCatalog(List<Incident> incidents) {
        this.incidents = List.copyOf(incidents);
    }

    public static IncidentCatalog read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new SourceException.Unavailable(dir + ": no incident catalogue directory", null);
        }
        List<Incident> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                if (Files.isRegularFile(p.resolve(FILE))) {
                    out.add(readOne(p));
                }
            }
        } catch (IOException e) {
            throw new SourceException.Unavailable(dir + ": cannot list: " + e.getMessage(), e);
        }
        return new IncidentCatalog(out);
    }

    static Incident readOne(Path incidentDir) {
        Path file = incidentDir.resolve(FILE);
        JsonNode n = dev.tracer.source.JsonFiles.read(file);
        try {
            String id = required(n, "id");
            if (!id.equals(incidentDir.getFileName().toString())) {
                throw new InvalidInputException("id '" + id + "' differs from its directory name");
            }
            List<Incident.SeedAddress> seeds = new ArrayList<>();
            for (JsonNode s : n.path("seeds")) {
                Chain chain = Chain.parse(required(s, "chain"));
                seeds.add(new Incident.SeedAddress(Address.parse(chain, required(s, "address")), s.path("note").asText("")));
            }
            List<String> chains = new ArrayList<>();
            n.path("chains").forEach(c -> chains.add(c.asText()));
            List<Incident.Source> sources = new ArrayList<>();
            for (JsonNode s : n.path("sources")) {
                sources.add(new Incident.Source(required(s, "title"), s.path("url").asText("")));
            }
            Optional<Path> data = n.hasNonNull("data") ? Optional.of(incidentDir.resolve(n.get("data").asText())) : Optional.empty();
            Optional<LocalDate> date;
            String d = required(n, "date");
            try {
                date = d.equals(UNKNOWN) ? Optional.empty() : Optional.of(LocalDate.parse(d));
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("malformed date '" + d + "' (a YYYY-MM-DD date or '" + UNKNOWN + "')", e);
            }
            return new Incident(id, required(n, "name"), date, n.path("victim").asText(UNKNOWN),
                    n.path("amount_stolen").asText(UNKNOWN), n.path("attribution").asText(UNKNOWN), chains, seeds, data,
                    sources, n.path("notes").asText(""));
        } catch (InvalidInputException e) {
            throw InvalidInputException.at(file.toString(), e);
        }
    }

    private static String required(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            throw new InvalidInputException("missing field '" + field + "'");
        }
        return v.asText();
    }

    public List<Incident> incidents() {
        return incidents;
    }

    /** The incident with this id. */
    public Incident get(String id) {
        return incidents.stream().filter(i -> i.id().equals(id)).findFirst()
                .orElseThrow(() -> new InvalidInputException("unknown incident '" + id + "' (known: "
                        + String.join(", ", incidents.stream().map(Incident::id).toList()) + ")"));
    }
}
