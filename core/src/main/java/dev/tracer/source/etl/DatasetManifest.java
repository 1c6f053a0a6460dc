package dev.tracer.source.etl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracer.model.Address;
import dev.tracer.model.BlockRange;
import dev.tracer.model.Chain;
import dev.tracer.model.Coverage;
import dev.tracer.model.InvalidInputException;
import dev.tracer.source.FileDigest;
import dev.tracer.source.SourceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * {@code dataset.json}: the chain, the block range and the coverage of a directory of
 * ethereum-etl CSV files, a line saying where they came from, and (when the project wrote the
 * files) each file's size and SHA-256.
 *
 * <pre>{@code
 * {"format": "tracer-dataset/1", "chain": "ethereum", "chain_id": 1,
 *  "blocks": {"first": 21895319, "last": 22312012},
 *  "coverage": {"every_address": false, "complete_outflows": ["0x…"], "complete_inflows": []},
 *  "description": "…",
 *  "files": {"token_transfers.csv": {"bytes": 1234, "sha256": "…"}, …}}
 * }</pre>
 *
 * <p>{@code files} is optional (a manifest written by hand for someone else's export has none).
 * Where it is present, {@link #verify} refuses a listed file that is missing or differs in size
 * or digest: a file cut at a row boundary, or edited, after it was written.
 */
public record DatasetManifest(Coverage coverage, String description, SortedMap<String, FileDigest> files) {
    public static final String FILE = "dataset.json";
    static final String FORMAT = "tracer-dataset/1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

    public DatasetManifest {
        Objects.requireNonNull(coverage, "coverage");
        Objects.requireNonNull(description, "description");
        for (String name : files.keySet()) {
            if (!FILE_NAME.matcher(name).matches() || name.equals(FILE)) {
                throw new InvalidInputException("files: '" + name + "' is not a data file of the directory");
            }
        }
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }

    /** A manifest that lists no files. */
    public DatasetManifest(Coverage coverage, String description) {
        this(coverage, description, new TreeMap<>());
    }

    /** This manifest listing {@code names} in {@code dir} with their sizes and digests as they are now. */
    public DatasetManifest withFiles(Path dir, List<String> names) {
        SortedMap<String, FileDigest> m = new TreeMap<>();
        for (String n : names) {
            m.put(n, FileDigest.of(dir.resolve(n)));
        }
        return new DatasetManifest(coverage, description, m);
    }

    /**
     * Checks the files listed against those in {@code dir}: each must be there with its size and
     * SHA-256. Cost: one read of the listed files.
     *
     * @throws InvalidInputException naming the file, when it differs
     * @throws SourceException.Unavailable when a listed file is missing
     */
    public void verify(Path dir) {
        checkSizes(dir);
        checkDigests(dir);
    }

    /**
     * As {@link #verify}, with the digests taken on a second thread while the caller reads the
     * files: each listed file's presence and size are checked now, and {@link DigestCheck#await}
     * says whether the digests matched. A reader of a large export then pays for the extra read
     * of its files only where a core is free, rather than before its own read.
     */
    DigestCheck verifyAlongside(Path dir) {
        checkSizes(dir);
        return files.isEmpty() ? DigestCheck.NONE : new DigestCheck(() -> checkDigests(dir));
    }

    private void checkSizes(Path dir) {
        for (Map.Entry<String, FileDigest> e : files.entrySet()) {
            Path f = dir.resolve(e.getKey());
            if (!Files.isRegularFile(f)) {
                throw new SourceException.Unavailable(f + ": missing, but " + FILE + " lists it", null);
            }
            long size;
            try {
                size = Files.size(f);
            } catch (java.io.IOException ex) {
                throw new SourceException.Unavailable(f + ": cannot read: " + ex.getMessage(), ex);
            }
            checkSize(f, size, e.getValue());
        }
    }

    private static void checkSize(Path f, long size, FileDigest want) {
        if (size != want.bytes()) {
            throw new InvalidInputException(f + ": " + size + " bytes, but " + FILE + " says " + want.bytes()
                    + ": the file was cut short or changed after it was written");
        }
    }

    private void checkDigests(Path dir) {
        for (Map.Entry<String, FileDigest> e : files.entrySet()) {
            Path f = dir.resolve(e.getKey());
            FileDigest want = e.getValue();
            FileDigest got = FileDigest.of(f);
            checkSize(f, got.bytes(), want); // again: the file may have changed since checkSizes
            if (!got.sha256().equals(want.sha256())) {
                throw new InvalidInputException(f + ": SHA-256 " + got.sha256() + ", but " + FILE + " says " + want.sha256()
                        + ": the file changed after it was written");
            }
        }
    }

    public static DatasetManifest read(Path dir) {
        Path file = dir.resolve(FILE);
        JsonNode root = dev.tracer.source.JsonFiles.read(file);
        try {
            if (!FORMAT.equals(text(root, "format"))) {
                throw new InvalidInputException("format is '" + text(root, "format") + "', expected " + FORMAT);
            }
            Chain chain = Chain.evm(root.path("chain_id").asLong(1));
            if (root.has("chain") && !chain.name().equals(text(root, "chain"))) {
                chain = Chain.parse(text(root, "chain"));
            }
            JsonNode blocks = root.path("blocks");
            if (!blocks.path("first").canConvertToLong() || !blocks.path("last").canConvertToLong()) {
                throw new InvalidInputException("blocks.first and blocks.last must be block numbers");
            }
            BlockRange range = new BlockRange(blocks.get("first").asLong(), blocks.get("last").asLong());
            JsonNode cov = root.path("coverage");
            TreeSet<Address> out = addresses(chain, cov.path("complete_outflows"));
            TreeSet<Address> in = addresses(chain, cov.path("complete_inflows"));
            Coverage coverage = new Coverage(chain, range, cov.path("every_address").asBoolean(false), out, in);
            SortedMap<String, FileDigest> files = new TreeMap<>();
            JsonNode listed = root.path("files");
            if (!listed.isMissingNode() && !listed.isObject()) {
                throw new InvalidInputException("files must be an object of file name to {bytes, sha256}");
            }
            for (Map.Entry<String, JsonNode> f : listed.properties()) {
                JsonNode d = f.getValue();
                if (!d.path("bytes").canConvertToLong() || !d.path("bytes").isIntegralNumber() || !d.path("sha256").isTextual()) {
                    throw new InvalidInputException("files." + f.getKey() + " must have bytes (a number) and sha256 (hex)");
                }
                try {
                    files.put(f.getKey(), new FileDigest(d.get("sha256").asText(), d.get("bytes").asLong()));
                } catch (InvalidInputException e) {
                    throw InvalidInputException.at("files." + f.getKey(), e);
                }
            }
            return new DatasetManifest(coverage, root.path("description").asText(""), files);
        } catch (InvalidInputException e) {
            throw InvalidInputException.at(file.toString(), e);
        }
    }

    private static String text(JsonNode n, String field) {
        return n.path(field).asText("");
    }

    private static TreeSet<Address> addresses(Chain chain, JsonNode array) {
        TreeSet<Address> s = new TreeSet<>();
        for (JsonNode n : array) {
            s.add(Address.parse(chain, n.asText()));
        }
        return s;
    }

    /** The manifest as deterministic, indented JSON text ending in a newline. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        Chain chain = coverage.chain();
        root.put("format", FORMAT);
        root.put("chain", chain.name());
        root.put("chain_id", chain.chainId());
        ObjectNode blocks = root.putObject("blocks");
        blocks.put("first", coverage.range().first());
        blocks.put("last", coverage.range().last());
        ObjectNode cov = root.putObject("coverage");
        cov.put("every_address", coverage.everyAddress());
        ArrayNode out = cov.putArray("complete_outflows");
        coverage.completeOutflows().forEach(a -> out.add(a.value()));
        ArrayNode in = cov.putArray("complete_inflows");
        coverage.completeInflows().forEach(a -> in.add(a.value()));
        root.put("description", description);
        if (!files.isEmpty()) {
            ObjectNode fs = root.putObject("files");
            files.forEach((name, d) -> fs.putObject(name).put("bytes", d.bytes()).put("sha256", d.sha256()));
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
