package dev.tracer.source.bitcoin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracer.bitcoin.BtcTx;
import dev.tracer.model.InvalidInputException;
import dev.tracer.source.SourceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One transaction from a local file or hex text (for {@code tracer tx}): an Esplora
 * {@code /tx/:txid} response, a Bitcoin Core verbose {@code getrawtransaction} result (its inputs
 * resolved only when Core included {@code prevout}, as verbosity 2 does; its block height is not
 * in it), or the raw transaction in hex (inputs unresolved, no block).
 */
public final class BitcoinTxFiles {
    private BitcoinTxFiles() {
    }

    /**
     * @throws SourceException.Unavailable when the file is missing or unreadable
     * @throws InvalidInputException naming the file when it is neither format
     */
    public static BtcTx read(Path file) {
        return one(file, json(file));
    }

    /**
     * Every transaction in {@code file}: one as {@link #read}, or a JSON array of Esplora {@code /tx}
     * objects (an {@code /address/:addr/txs} response).
     */
    public static java.util.List<BtcTx> readAll(Path file) {
        JsonNode n = json(file);
        if (!n.isArray()) {
            return java.util.List.of(one(file, n));
        }
        java.util.List<BtcTx> out = new java.util.ArrayList<>();
        int i = 0;
        for (JsonNode x : n) {
            out.add(EsploraJson.tx(file + "[" + i++ + "]", x));
        }
        return java.util.List.copyOf(out);
    }

    private static JsonNode json(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new SourceException.Unavailable(file + " not found", e);
        } catch (IOException e) {
            throw new SourceException.Unavailable("cannot read " + file + ": " + e.getMessage(), e);
        }
        return Json.parse(file.toString(), text);
    }

    private static BtcTx one(Path file, JsonNode n) {
        if (n.has("result") && n.get("result").isObject()) {
            n = n.get("result"); // a whole JSON-RPC response
        }
        if (n.isObject() && n.has("hex") && n.has("txid")) {
            return CoreRpcJson.tx(file.toString(), n, Optional.empty(), op -> Optional.empty());
        }
        if (n.isObject() && n.has("vin") && n.has("status")) {
            return EsploraJson.tx(file.toString(), n);
        }
        throw new InvalidInputException(file + ": neither an Esplora /tx response nor a Bitcoin Core getrawtransaction result");
    }

    /** A serialized transaction in hex: decoded by bitcoinj, inputs unresolved, no block. */
    public static BtcTx fromHex(String hex) {
        return BitcoinjDecoder.decode(BitcoinjDecoder.parse("--hex", BitcoinjDecoder.hex("--hex", hex)), Optional.empty(),
                op -> Optional.empty());
    }
}
