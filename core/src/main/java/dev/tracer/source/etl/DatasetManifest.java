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
import java.nio.file.Path;
import java.util.TreeSet;

/**
 * {@code dataset.json}: the chain, the block range and the coverage of a directory of
 * ethereum-etl CSV files, and a line saying where they came from.
 *
 * <pre>{@code
 * {"format": "tracer-dataset/1", "chain": "ethereum", "chain_id": 1,
 *  "blocks": {"first": 21895319, "last": 22312012},
 *  "coverage": {"every_address": false, "complete_outflows": ["0x…"], "complete_inflows": []},
 *  "description": "…"}
 * }</pre>
 */
public record DatasetManifest(Coverage coverage, String description) {
    public static final String FILE = "dataset.json";
    static final String FORMAT = "tracer-dataset/1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

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
            return new DatasetManifest(coverage, root.path("description").asText(""));
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
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
