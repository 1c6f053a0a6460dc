package dev.tracer.source.bitcoin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracer.model.Chain;
import dev.tracer.model.InvalidInputException;
import dev.tracer.model.TxHash;
import dev.tracer.source.JsonFiles;

/**
 * JSON shared by the Bitcoin sources: parsing (decimals as {@link java.math.BigDecimal}, never
 * double), and the fields of Esplora and Bitcoin Core answers, each read with a one-line error
 * naming the answer and the field, and checked against what Bitcoin allows.
 */
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

    // ---- fields of Esplora and Bitcoin Core answers, each checked against what Bitcoin allows ----
    static String text(String what, JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new InvalidInputException(what + ": missing text field '" + field + "'");
        }
        return v.asText();
    }

    static long number(String what, JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new InvalidInputException(what + ": missing integer field '" + field + "'");
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new InvalidInputException(what + ": field '" + field + "' is " + shown(v) + ", not an integer of 64 bits");
        }
        return v.asLong();
    }

    /** The most satoshis there can be: 21 million BTC (Bitcoin Core's MAX_MONEY). */
    static final long MAX_SATOSHIS = 21_000_000L * 100_000_000L;

    /** An amount in satoshis (Esplora): a whole number from 0 to {@link #MAX_SATOSHIS}. */
    static long satoshis(String what, JsonNode n, String field) {
        long v = number(what, n, field);
        if (v < 0 || v > MAX_SATOSHIS) {
            throw new InvalidInputException(what + ": field '" + field + "' is " + v + " satoshis, outside 0.."
                    + MAX_SATOSHIS + " (21 million BTC)");
        }
        return v;
    }

    /** An amount in BTC (Bitcoin Core) as satoshis: exact to eight decimals, from 0 to 21 million BTC. */
    static long btc(String what, JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new InvalidInputException(what + ": missing amount field '" + field + "'");
        }
        if (!v.isNumber()) {
            throw new InvalidInputException(what + ": field '" + field + "' is " + shown(v) + ", not an amount in BTC");
        }
        java.math.BigDecimal btc = v.decimalValue();
        if (btc.signum() < 0 || btc.compareTo(java.math.BigDecimal.valueOf(21_000_000)) > 0) {
            throw new InvalidInputException(what + ": field '" + field + "' is " + btc.toPlainString() + " BTC, outside 0..21,000,000");
        }
        try {
            return btc.movePointRight(8).longValueExact();
        } catch (ArithmeticException e) {
            throw new InvalidInputException(what + ": field '" + field + "' is " + btc.toPlainString() + " BTC, not a whole number of satoshis", e);
        }
    }

    /** A block height: a whole number, 0 or more. */
    static long height(String what, JsonNode n, String field) {
        long v = number(what, n, field);
        if (v < 0) {
            throw new InvalidInputException(what + ": field '" + field + "' is " + v + ", not a block height");
        }
        return v;
    }

    /** A 32-bit unsigned field (sequence, lock time, the vout of a coinbase input). */
    static long uint32(String what, JsonNode n, String field) {
        long v = number(what, n, field);
        if (v < 0 || v > 0xFFFF_FFFFL) {
            throw new InvalidInputException(what + ": field '" + field + "' is " + v + ", outside 0..4294967295");
        }
        return v;
    }

    /** An output index: a whole number from 0 to 2^31 − 1. */
    static int index(String what, JsonNode n, String field) {
        long v = number(what, n, field);
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw new InvalidInputException(what + ": field '" + field + "' is " + v + ", not an output index");
        }
        return (int) v;
    }

    /** A transaction id, named in the error when malformed. */
    static TxHash txid(String what, JsonNode n, String field) {
        try {
            return TxHash.parse(Chain.BITCOIN, text(what, n, field));
        } catch (InvalidInputException e) {
            throw InvalidInputException.at(what + ": field '" + field + "'", e);
        }
    }

    /** A JSON value as the message shows it: at most 40 characters of it. */
    private static String shown(JsonNode v) {
        String t = v.toString();
        return t.length() <= 40 ? t : t.substring(0, 37) + "...";
    }

    static JsonNode array(String what, JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isArray()) {
            throw new InvalidInputException(what + ": missing array '" + field + "'");
        }
        return v;
    }
}
