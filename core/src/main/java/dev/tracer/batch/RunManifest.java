package dev.tracer.batch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracer.label.Category;
import dev.tracer.model.BlockRange;
import dev.tracer.model.InvalidInputException;
import dev.tracer.source.FileDigest;
import dev.tracer.source.JsonFiles;
import dev.tracer.source.SourceException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * {@code manifest.json} of a run directory: the inputs (tool, policy, label, token and data
 * digests, seeds) and, per incident, its status, reason, the block range its data covered (the
 * heights a live source reached) and the SHA-256 of every file written. Written with Jackson's
 * generator in a fixed key order and no wall-clock time, so the same inputs give the same bytes;
 * replaced atomically (temporary file, then rename).
 */
final class RunManifest {
    static final String FILE = "manifest.json";
    static final String FORMAT = "tracer-run/1";
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one job reads. */
    record JobInputs(String id, List<String> seeds, SortedMap<String, FileDigest> data, Optional<String> skip) {
    }

    /** Everything a run reads, digested. */
    record Inputs(BatchPlan plan, SortedMap<String, FileDigest> labels, SortedMap<String, FileDigest> tokens,
                  List<JobInputs> jobs) {
    }

    /** What one incident produced. */
    record Result(IncidentOutcome outcome, Optional<String> chain, Optional<BlockRange> blocks,
                  SortedMap<String, FileDigest> outputs, Map<String, Integer> counts) {
    }

    private RunManifest() {
    }

    static void write(Path runDir, Inputs inputs, List<Result> results, boolean complete) {
        Path target = runDir.resolve(FILE);
        Path tmp = runDir.resolve("." + FILE + ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                write(w, inputs, results, complete);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new SourceException.Unavailable(target + ": cannot write: " + e.getMessage(), e);
        }
    }

    private static void write(Writer w, Inputs in, List<Result> results, boolean complete) throws IOException {
        try (JsonGenerator j = generator(w)) {
            j.writeStartObject();
            j.writeStringField("format", FORMAT);
            j.writeBooleanField("complete", complete);
            j.writeFieldName("inputs");
            inputs(j, in);
            j.writeArrayFieldStart("results");
            for (Result r : results) {
                result(j, r);
            }
            j.writeEndArray();
            j.writeObjectFieldStart("summary");
            for (IncidentOutcome.Status s : IncidentOutcome.Status.values()) {
                j.writeNumberField(s.name().toLowerCase(java.util.Locale.ROOT),
                        results.stream().filter(r -> r.outcome().status() == s).count());
            }
            j.writeNumberField("pending", in.jobs().size() - results.size());
            j.writeEndObject();
            j.writeEndObject();
            j.writeRaw('\n');
        }
    }

    private static JsonGenerator generator(Writer w) throws IOException {
        JsonGenerator j = FACTORY.createGenerator(w);
        j.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        j.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));
        return j;
    }

    private static void inputs(JsonGenerator j, Inputs in) throws IOException {
        BatchPlan p = in.plan();
        j.writeStartObject();
        j.writeStringField("tool", p.tool());
        j.writeObjectFieldStart("policy");
        j.writeStringField("model", p.model());
        j.writeStringField("direction", p.direction().code());
        j.writeNumberField("max_hops", p.policy().maxHops());
        j.writeStringField("min_amount", p.policy().minAmount().stripTrailingZeros().toPlainString());
        optional(j, "since", p.policy().since().map(Object::toString));
        optional(j, "until", p.policy().until().map(Object::toString));
        j.writeArrayFieldStart("stop_at");
        for (Category c : new TreeSet<>(p.policy().stopAt())) {
            j.writeString(c.code());
        }
        j.writeEndArray();
        j.writeNumberField("fan_out_cap", p.policy().fanOutCap());
        optional(j, "swap_window", p.swapWindow().map(Object::toString));
        j.writeEndObject();
        files(j, "labels", in.labels());
        files(j, "tokens", in.tokens());
        j.writeArrayFieldStart("incidents");
        for (JobInputs job : in.jobs()) {
            j.writeStartObject();
            j.writeStringField("id", job.id());
            j.writeArrayFieldStart("seeds");
            for (String s : job.seeds()) {
                j.writeString(s);
            }
            j.writeEndArray();
            optional(j, "skip", job.skip());
            files(j, "data", job.data());
            j.writeEndObject();
        }
        j.writeEndArray();
        j.writeEndObject();
    }

    private static void files(JsonGenerator j, String field, SortedMap<String, FileDigest> files) throws IOException {
        j.writeObjectFieldStart(field);
        j.writeStringField("sha256", FileDigest.combined(files));
        j.writeArrayFieldStart("files");
        for (Map.Entry<String, FileDigest> e : files.entrySet()) {
            j.writeStartObject();
            j.writeStringField("name", e.getKey());
            j.writeStringField("sha256", e.getValue().sha256());
            j.writeNumberField("bytes", e.getValue().bytes());
            j.writeEndObject();
        }
        j.writeEndArray();
        j.writeEndObject();
    }

    private static void result(JsonGenerator j, Result r) throws IOException {
        IncidentOutcome o = r.outcome();
        j.writeStartObject();
        j.writeStringField("id", o.id());
        j.writeStringField("status", o.status().name().toLowerCase(java.util.Locale.ROOT));
        optional(j, "reason", o.reason().isEmpty() ? Optional.empty() : Optional.of(o.reason()));
        optional(j, "problem", o.problem() == IncidentOutcome.Problem.NONE ? Optional.empty()
                : Optional.of(o.problem().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')));
        if (r.blocks().isPresent()) {
            j.writeObjectFieldStart("blocks");
            j.writeStringField("chain", r.chain().orElse(""));
            j.writeNumberField("first", r.blocks().get().first());
            j.writeNumberField("last", r.blocks().get().last());
            j.writeEndObject();
        } else {
            j.writeNullField("blocks");
        }
        j.writeObjectFieldStart("counts");
        for (Map.Entry<String, Integer> e : r.counts().entrySet()) {
            j.writeNumberField(e.getKey(), e.getValue());
        }
        j.writeEndObject();
        j.writeArrayFieldStart("files");
        for (Map.Entry<String, FileDigest> e : r.outputs().entrySet()) {
            j.writeStartObject();
            j.writeStringField("name", e.getKey());
            j.writeStringField("sha256", e.getValue().sha256());
            j.writeNumberField("bytes", e.getValue().bytes());
            j.writeEndObject();
        }
        j.writeEndArray();
        j.writeEndObject();
    }

    private static void optional(JsonGenerator j, String field, Optional<String> v) throws IOException {
        if (v.isPresent()) {
            j.writeStringField(field, v.get());
        } else {
            j.writeNullField(field);
        }
    }

    /** The inputs as a JSON tree, for comparing with a stored manifest's. */
    static JsonNode inputsTree(Inputs in) {
        StringWriter w = new StringWriter();
        try (JsonGenerator j = generator(w)) {
            inputs(j, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return JSON.readTree(w.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A stored manifest as a JSON tree. */
    static JsonNode read(Path runDir) {
        Path f = runDir.resolve(FILE);
        if (!Files.exists(runDir)) {
            throw new SourceException.Unavailable(runDir + ": no such directory", null);
        }
        if (!Files.isRegularFile(f)) {
            throw new InvalidInputException(runDir + ": no " + FILE + ": not a batch run directory");
        }
        try {
            JsonNode n = JSON.readTree(f.toFile());
            if (n == null || !FORMAT.equals(n.path("format").asText())) {
                throw new InvalidInputException(f + ": not a " + FORMAT + " manifest");
            }
            return n;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw JsonFiles.malformed(f.toString(), "JSON", e);
        } catch (IOException e) {
            throw new SourceException.Unavailable(f + ": cannot read: " + e.getMessage(), e);
        }
    }
}
