package dev.tracer.batch;

import dev.tracer.incident.Incident;
import dev.tracer.incident.IncidentCatalog;
import dev.tracer.model.Address;
import dev.tracer.model.Chain;
import dev.tracer.model.InvalidInputException;
import dev.tracer.model.TxHash;
import dev.tracer.source.CsvRows;
import dev.tracer.trace.Seed;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A file of seeds for {@code tracer batch --seeds FILE}: CSV with columns {@code id, chain, seed}
 * and an optional {@code data}. Rows with the same id form one job; {@code seed} is an address or
 * a transaction hash; {@code data} is a dataset directory (relative to the file), or empty for a
 * catalogued incident of that id, whose bundled data is used (the file's seeds replace its own).
 * The rows of one id are on one chain, and two ids may not differ only in case (each names a
 * directory of the run). Errors name the file and line.
 */
public final class SeedFile {
    private SeedFile() {
    }

    public static List<BatchJob> read(Path file, IncidentCatalog catalog) {
        Map<String, List<Seed>> seeds = new LinkedHashMap<>();
        Map<String, String> data = new LinkedHashMap<>();
        Map<String, Long> firstLine = new LinkedHashMap<>();
        Map<String, Chain> chains = new LinkedHashMap<>();
        Map<String, String> byFolded = new LinkedHashMap<>();
        Path base = file.toAbsolutePath().getParent();
        CsvRows.read(file, List.of("id", "chain", "seed"), row -> row.parse(() -> {
            String id = row.get("id").strip();
            Chain chain = Chain.parse(row.get("chain"));
            Chain first = chains.putIfAbsent(id, chain);
            if (first != null && !first.equals(chain)) {
                throw new InvalidInputException("incident '" + id + "' has seeds on two chains: " + first + " (line "
                        + firstLine.get(id) + ") and " + chain + "; one incident's data is one chain");
            }
            // run directories are named by id: ids that differ only in case collide on macOS and Windows
            String other = byFolded.putIfAbsent(id.toLowerCase(java.util.Locale.ROOT), id);
            if (other != null && !other.equals(id)) {
                throw new InvalidInputException("incident id '" + id + "' differs from '" + other + "' (line " + firstLine.get(other)
                        + ") only in case: their directories would be one on case-insensitive file systems");
            }
            String s = row.get("seed").strip();
            String hex = s.startsWith("0x") || s.startsWith("0X") ? s.substring(2) : s;
            Seed seed = hex.length() == 64 ? Seed.tx(TxHash.parse(chain, s)) : Seed.address(Address.parse(chain, s));
            seeds.computeIfAbsent(id, k -> new ArrayList<>()).add(seed);
            firstLine.putIfAbsent(id, row.line());
            String d = row.opt("data").strip();
            String before = data.putIfAbsent(id, d);
            if (before != null && !before.equals(d)) {
                throw new InvalidInputException("incident '" + id + "' has two data directories: '" + before + "' and '" + d + "'");
            }
            return null;
        }));
        if (seeds.isEmpty()) {
            throw new InvalidInputException(file + ": no seeds");
        }
        List<BatchJob> jobs = new ArrayList<>();
        for (Map.Entry<String, List<Seed>> e : seeds.entrySet()) {
            String id = e.getKey();
            String d = data.get(id);
            JobData jd;
            String title;
            Optional<Incident> inc = catalog.incidents().stream().filter(i -> i.id().equals(id)).findFirst();
            if (!d.isEmpty()) {
                jd = JobData.directory(base.resolve(d).normalize());
                title = id + " (seeds from " + file.getFileName() + ")";
            } else if (inc.isPresent()) {
                jd = inc.get().data().map(JobData::directory).orElseGet(() -> JobData.missing("incident " + id
                        + " has no bundled chain data; give a data directory in " + file.getFileName()));
                title = id + ": " + inc.get().name() + " (seeds from " + file.getFileName() + ")";
            } else {
                throw new InvalidInputException(file + ":" + firstLine.get(id) + ": incident '" + id
                        + "' has no data directory and is not in the catalogue");
            }
            try {
                jobs.add(new BatchJob(id, title, e.getValue(), jd));
            } catch (InvalidInputException ex) {
                throw InvalidInputException.at(file + ":" + firstLine.get(id), ex);
            }
        }
        return jobs;
    }
}
