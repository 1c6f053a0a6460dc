package dev.tracer.source.bitcoin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracer.bitcoin.BtcOutput;
import dev.tracer.bitcoin.BtcTx;
import dev.tracer.bitcoin.Confirmation;
import dev.tracer.bitcoin.Outpoint;
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
        TxHash id = Json.txid(what, n, "txid");
        String w = what.contains(id.value()) ? what : what + " (tx " + id + ")";
        List<BitcoinjDecoder.InputPart> ins = new ArrayList<>();
        Map<Outpoint, BtcOutput> prevouts = new HashMap<>();
        for (JsonNode i : Json.array(w, n, "vin")) {
            boolean coinbase = i.path("is_coinbase").asBoolean(false);
            String prevTxid = Json.text(w, i, "txid");
            long vout = Json.uint32(w, i, "vout");
            List<byte[]> witness = new ArrayList<>();
            for (JsonNode x : i.path("witness")) {
                witness.add(BitcoinjDecoder.hex(w + " witness", x.asText()));
            }
            ins.add(new BitcoinjDecoder.InputPart(prevTxid, vout, BitcoinjDecoder.hex(w + " scriptsig", i.path("scriptsig").asText("")),
                    witness, Json.uint32(w, i, "sequence")));
            if (!coinbase) {
                JsonNode p = i.get("prevout");
                if (p == null || !p.isObject()) {
                    throw new InvalidInputException(w + ": input spending " + prevTxid + ":" + vout + " has no prevout");
                }
                int index = Json.index(w, i, "vout");
                Outpoint op = new Outpoint(Json.txid(w, i, "txid"), index);
                prevouts.put(op, output(w + " input " + (ins.size() - 1), index, p));
            }
        }
        List<BitcoinjDecoder.OutputPart> outs = new ArrayList<>();
        List<JsonNode> vouts = new ArrayList<>();
        for (JsonNode o : Json.array(w, n, "vout")) {
            outs.add(new BitcoinjDecoder.OutputPart(Json.satoshis(w + " output " + outs.size(), o, "value"),
                    BitcoinjDecoder.hex(w + " scriptpubkey", Json.text(w, o, "scriptpubkey"))));
            vouts.add(o);
        }
        long version = Json.number(w, n, "version");
        if (version < Integer.MIN_VALUE || version > 0xFFFF_FFFFL) {
            throw new InvalidInputException(w + ": field 'version' is " + version + ", not a 32-bit version");
        }
        Transaction t = BitcoinjDecoder.rebuild(w, id, (int) version, Json.uint32(w, n, "locktime"), ins, outs);
        BtcTx tx = BitcoinjDecoder.decode(t, confirmation(w, n.path("status")), op -> Optional.ofNullable(prevouts.get(op)));
        for (int k = 0; k < vouts.size(); k++) {
            checkAddress(w + " output " + k, tx.outputs().get(k), vouts.get(k));
        }
        return tx;
    }

    private static BtcOutput output(String what, int vout, JsonNode p) {
        BtcOutput o = BitcoinjDecoder.output(vout, Json.satoshis(what, p, "value"),
                BitcoinjDecoder.hex(what + " scriptpubkey", Json.text(what, p, "scriptpubkey")));
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
        String hash = Json.text(what + " status", status, "block_hash");
        long height = Json.height(what + " status", status, "block_height");
        // a block header's time is 32 bits unsigned
        return Optional.of(new Confirmation(height, Instant.ofEpochSecond(Json.uint32(what + " status", status, "block_time")), -1,
                Optional.of(hash)));
    }
}
