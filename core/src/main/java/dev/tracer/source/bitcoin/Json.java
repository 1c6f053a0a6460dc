package dev.tracer.source.bitcoin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracer.model.InvalidInputException;
import dev.tracer.source.JsonFiles;

/** JSON parsing shared by the Bitcoin sources: decimals as {@link java.math.BigDecimal}, never double. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private Json() {
    }

    /** Parses {@code body}; malformed JSON is an {@link InvalidInputException} naming {@code what}. */
    static JsonNode parse(String what, String body) {
        try {
            JsonNode n = MAPPER.readTree(body);
            if (n == null || n.isMissingNode()) {
                throw new InvalidInputException(what + ": empty response");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw JsonFiles.malformed(what, "JSON", e);
        }
    }
}
