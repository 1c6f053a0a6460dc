package dev.tracer.label;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracer.model.Chain;
import dev.tracer.model.InvalidInputException;
import dev.tracer.source.JsonFiles;
import dev.tracer.source.SourceException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The index of the bundled label packs, {@code fixtures/labels/packs.json}, and the loading of
 * the packs it lists into a {@link LabelStore}.
 *
 * <pre>{@code
 * {"format": "tracer-label-packs/1",
 *  "packs": [{"name": "tagpacks/ronin_bridge", "file": "tagpacks/ronin_bridge.csv",
 *             "source_file": "labels/tagpacks/ronin_bridge.yaml", "source_format": "graphsense-tagpack",
 *             "description": "Ronin bridge hack", "provenance": "graphsense/graphsense-tagpacks, packs/ @ 29ff93c8",
 *             "licence": "MIT", "source_rows": 6, "labels": 6, "by_chain": {"ethereum": 6},
 *             "by_category": {"theft": 6}, "skipped": {}}]}
 * }</pre>
 */
public final class LabelPacks {
    /** The packs directory under the fixtures directory. */
    public static final String DIRECTORY = "labels";
    /** The index file in the packs directory. */
    public static final String INDEX = "packs.json";
    static final String FORMAT = "tracer-label-packs/1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final List<LabelPack> packs;

    private LabelPacks(Path dir, List<LabelPack> packs) {
        this.dir = dir;
        this.packs = List.copyOf(packs);
    }

    /**
     * Reads {@code DIR/packs.json}.
     *
     * @throws SourceException.Unavailable when it is missing or unreadable
     * @throws InvalidInputException       when it is malformed (naming the file)
     */
    public static LabelPacks read(Path dir) {
        Path file = dir.resolve(INDEX);
        JsonNode root = JsonFiles.read(file);
        try {
            if (root == null || !FORMAT.equals(root.path("format").asText())) {
                throw new InvalidInputException("format is '" + (root == null ? "" : root.path("format").asText())
                        + "', expected " + FORMAT);
            }
            List<LabelPack> packs = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (JsonNode p : root.path("packs")) {
                LabelPack pack = new LabelPack(required(p, "name"), required(p, "file"), p.path("source_file").asText(""),
                        p.path("source_format").asText(""), p.path("description").asText(""),
                        p.path("provenance").asText(""), p.path("licence").asText(""),
                        p.path("source_rows").asInt(0), p.path("labels").asInt(0),
                        counts(p.path("by_chain")), counts(p.path("by_category")), counts(p.path("skipped")));
                if (!names.add(pack.name())) {
                    throw new InvalidInputException("pack '" + pack.name() + "' listed twice");
                }
                packs.add(pack);
            }
            return new LabelPacks(dir, packs);
        } catch (InvalidInputException e) {
            throw InvalidInputException.at(file.toString(), e);
        }
    }

    private static String required(JsonNode n, String field) {
        String v = n.path(field).asText("");
        if (v.isBlank()) {
            throw new InvalidInputException("a pack lacks '" + field + "'");
        }
        return v;
    }

    private static SortedMap<String, Integer> counts(JsonNode n) {
        SortedMap<String, Integer> m = new TreeMap<>();
        n.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asInt()));
        return m;
    }

    /** The packs, in index order (sorted by name when written by the importer). */
    public List<LabelPack> packs() {
        return packs;
    }

    /**
     * Reads every pack into one store. Each pack must hold as many labels as the index says.
     *
     * @throws InvalidInputException       for a malformed pack or a count that differs
     * @throws SourceException.Unavailable for a missing pack file
     */
    public LabelStore load() {
        return load(Optional.empty());
    }

    /**
     * Reads the labels on {@code chain} only: packs the index says hold none are not opened, and
     * rows of other chains are not parsed (a trace of an Ethereum dataset need not validate the
     * 36,548 Bitcoin addresses of the Samourai pack).
     */
    public LabelStore load(Chain chain) {
        return load(Optional.of(chain));
    }

    private LabelStore load(Optional<Chain> chain) {
        List<Label> all = new ArrayList<>();
        for (LabelPack p : packs) {
            int expected = chain.map(c -> p.byChain().getOrDefault(c.name(), 0)).orElse(p.labels());
            if (expected == 0 && chain.isPresent()) {
                continue;
            }
            Path f = dir.resolve(p.file());
            List<Label> labels = LabelCsv.read(f, p.name(), chain.map(Chain::name));
            if (labels.size() != expected) {
                throw new InvalidInputException(f + ": holds " + labels.size() + " labels"
                        + chain.map(c -> " on " + c.name()).orElse("") + ", " + dir.resolve(INDEX) + " says " + expected);
            }
            all.addAll(labels);
        }
        return LabelStore.empty().with(all);
    }

    /** The index for {@code packs} as deterministic, indented JSON ending in a newline. */
    public static String toJson(List<LabelPack> packs) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        ArrayNode array = root.putArray("packs");
        for (LabelPack p : packs) {
            ObjectNode n = array.addObject();
            n.put("name", p.name());
            n.put("file", p.file());
            n.put("source_file", p.sourceFile());
            n.put("source_format", p.sourceFormat());
            n.put("description", p.description());
            n.put("provenance", p.provenance());
            n.put("licence", p.licence());
            n.put("source_rows", p.sourceRows());
            n.put("labels", p.labels());
            putCounts(n.putObject("by_chain"), p.byChain());
            putCounts(n.putObject("by_category"), p.byCategory());
            putCounts(n.putObject("skipped"), p.skipped());
        }
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return JSON.writer(pp).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void putCounts(ObjectNode n, Map<String, Integer> m) {
        m.forEach(n::put);
    }
}
