package dev.tracer.source.bitcoin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracer.bitcoin.BtcOutput;
import dev.tracer.bitcoin.BtcTx;
import dev.tracer.bitcoin.Confirmation;
import dev.tracer.bitcoin.Outpoint;
import dev.tracer.model.Chain;
import dev.tracer.model.InvalidInputException;
import dev.tracer.model.TxHash;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bitcoinj.core.Transaction;

/**
 * An Esplora {@code /tx/:txid} response (mempool.space, blockstream.info) to a {@link BtcTx}.
 * Esplora reports a transaction in parts, without its raw bytes; bitcoinj rebuilds it from them
 * and the result must hash to the reported txid, so a response that was altered or mis-parsed is
 * refused. Every script (outputs and the spent outputs in {@code vin[].prevout}) is classified by
 * bitcoinj, and where Esplora names an address it must equal bitcoinj's.
 */
final class EsploraJson {
    private EsploraJson() {
    }

    static BtcTx tx(String what, JsonNode n) {
        if (n == null || !n.isObject()) {
            throw new InvalidInputException(what + ": not an Esplora transaction object");
        }
        TxHash id = txid(what, n, "txid");
        String w = what.contains(id.value()) ? what : what + " (tx " + id + ")";
        List<BitcoinjDecoder.InputPart> ins = new ArrayList<>();
        Map<Outpoint, BtcOutput> prevouts = new HashMap<>();
        for (JsonNode i : array(w, n, "vin")) {
            boolean coinbase = i.path("is_coinbase").asBoolean(false);
            String prevTxid = text(w, i, "txid");
            long vout = uint32(w, i, "vout");
            List<byte[]> witness = new ArrayList<>();
            for (JsonNode x : i.path("witness")) {
                witness.add(BitcoinjDecoder.hex(w + " witness", x.asText()));
            }
            ins.add(new BitcoinjDecoder.InputPart(prevTxid, vout, BitcoinjDecoder.hex(w + " scriptsig", i.path("scriptsig").asText("")),
                    witness, uint32(w, i, "sequence")));
            if (!coinbase) {
                JsonNode p = i.get("prevout");
                if (p == null || !p.isObject()) {
                    throw new InvalidInputException(w + ": input spending " + prevTxid + ":" + vout + " has no prevout");
                }
                int index = index(w, i, "vout");
                Outpoint op = new Outpoint(txid(w, i, "txid"), index);
                prevouts.put(op, output(w + " input " + (ins.size() - 1), index, p));
            }
        }
        List<BitcoinjDecoder.OutputPart> outs = new ArrayList<>();
        List<JsonNode> vouts = new ArrayList<>();
        for (JsonNode o : array(w, n, "vout")) {
            outs.add(new BitcoinjDecoder.OutputPart(satoshis(w + " output " + outs.size(), o, "value"),
                    BitcoinjDecoder.hex(w + " scriptpubkey", text(w, o, "scriptpubkey"))));
            vouts.add(o);
        }
        long version = number(w, n, "version");
        if (version < Integer.MIN_VALUE || version > 0xFFFF_FFFFL) {
            throw new InvalidInputException(w + ": field 'version' is " + version + ", not a 32-bit version");
        }
        Transaction t = BitcoinjDecoder.rebuild(w, id, (int) version, uint32(w, n, "locktime"), ins, outs);
        BtcTx tx = BitcoinjDecoder.decode(t, confirmation(w, n.path("status")), op -> Optional.ofNullable(prevouts.get(op)));
        for (int k = 0; k < vouts.size(); k++) {
            checkAddress(w + " output " + k, tx.outputs().get(k), vouts.get(k));
        }
        return tx;
    }

    private static BtcOutput output(String what, int vout, JsonNode p) {
        BtcOutput o = BitcoinjDecoder.output(vout, satoshis(what, p, "value"),
                BitcoinjDecoder.hex(what + " scriptpubkey", text(what, p, "scriptpubkey")));
        checkAddress(what, o, p);
        return o;
    }

    /** Esplora's address, where it gives one, must be bitcoinj's (P2PK outputs have none in Esplora). */
    private static void checkAddress(String what, BtcOutput o, JsonNode n) {
        JsonNode a = n.get("scriptpubkey_address");
        if (a != null && !a.isNull() && !Optional.of(a.asText()).equals(o.address())) {
            throw new InvalidInputException(what + ": Esplora says address " + a.asText() + ", the script pays "
                    + o.address().orElse(o.owner()));
        }
    }

    static Optional<Confirmation> confirmation(String what, JsonNode status) {
        if (!status.path("confirmed").asBoolean(false)) {
            return Optional.empty();
        }
        String hash = text(what + " status", status, "block_hash");
        long height = number(what + " status", status, "block_height");
        if (height < 0) {
            throw new InvalidInputException(what + " status: field 'block_height' is " + height + ", not a block height");
        }
        // a block header's time is 32 bits unsigned
        return Optional.of(new Confirmation(height, Instant.ofEpochSecond(uint32(what + " status", status, "block_time")), -1,
                Optional.of(hash)));
    }

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
