package dev.tracer.source.bitcoin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracer.bitcoin.BtcOutput;
import dev.tracer.bitcoin.BtcTx;
import dev.tracer.bitcoin.Confirmation;
import dev.tracer.bitcoin.Outpoint;
import dev.tracer.model.InvalidInputException;
import dev.tracer.model.TxHash;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.bitcoinj.core.Transaction;

/**
 * A Bitcoin Core verbose transaction ({@code getrawtransaction TXID true}, or an entry of
 * {@code getblock HASH 2}) to a {@link BtcTx}. bitcoinj parses its {@code hex}, which must hash to
 * its {@code txid}; the spent outputs come from {@code vin[].prevout} when Core included them
 * (getblock verbosity 3, getrawtransaction verbosity 2), otherwise from {@code resolver}. Where
 * Core names an output's address it must equal bitcoinj's.
 */
final class CoreRpcJson {
    private CoreRpcJson() {
    }

    static BtcTx tx(String what, JsonNode n, Optional<Confirmation> confirmation, Function<Outpoint, Optional<BtcOutput>> resolver) {
        if (n == null || !n.isObject()) {
            throw new InvalidInputException(what + ": not a Bitcoin Core transaction object");
        }
        TxHash id = Json.txid(what, n, "txid");
        String w = what.contains(id.value()) ? what : what + " (tx " + id + ")";
        Transaction t = BitcoinjDecoder.parse(w, BitcoinjDecoder.hex(w + " hex", Json.text(w, n, "hex")));
        if (!BitcoinjDecoder.txid(t).equals(id)) {
            throw new InvalidInputException(w + ": its hex hashes to " + BitcoinjDecoder.txid(t) + ", not to its txid");
        }
        Map<Outpoint, BtcOutput> included = new HashMap<>();
        for (JsonNode i : n.path("vin")) {
            JsonNode p = i.get("prevout");
            if (p != null && p.isObject() && i.has("txid")) {
                String in = w + " input spending " + i.get("txid").asText() + ":" + i.path("vout").asText();
                Outpoint op = new Outpoint(Json.txid(w, i, "txid"), Json.index(w, i, "vout"));
                long sats = Json.btc(in + " prevout", p, "value");
                included.put(op, BitcoinjDecoder.output(op.vout(), sats,
                        BitcoinjDecoder.hex(in + " prevout", Json.text(in + " prevout scriptPubKey", p.path("scriptPubKey"), "hex"))));
            }
        }
        BtcTx tx = BitcoinjDecoder.decode(t, confirmation, op -> {
            BtcOutput o = included.get(op);
            return o != null ? Optional.of(o) : resolver.apply(op);
        });
        int k = 0;
        for (JsonNode o : n.path("vout")) {
            if (k < tx.outputs().size()) {
                checkAddress(w + " output " + k, tx.outputs().get(k), o.path("scriptPubKey"));
            }
            k++;
        }
        return tx;
    }

    /** Core ≥ 22 says {@code address}, older versions {@code addresses} (P2PK outputs as their P2PKH address). */
    private static void checkAddress(String what, BtcOutput o, JsonNode spk) {
        List<String> named = new java.util.ArrayList<>();
        if (spk.path("address").isTextual()) {
            named.add(spk.get("address").asText());
        }
        spk.path("addresses").forEach(a -> named.add(a.asText()));
        if (named.size() == 1 && o.address().isPresent() && !named.get(0).equals(o.address().get())) {
            throw new InvalidInputException(what + ": Bitcoin Core says address " + named.get(0) + ", the script pays "
                    + o.address().get());
        }
    }
}
