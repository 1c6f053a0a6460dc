package dev.tracer.source.bitcoin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracer.bitcoin.BtcInput;
import dev.tracer.bitcoin.BtcOutput;
import dev.tracer.bitcoin.BtcTx;
import dev.tracer.bitcoin.Confirmation;
import dev.tracer.bitcoin.Outpoint;
import dev.tracer.bitcoin.TxSet;
import dev.tracer.model.Address;
import dev.tracer.model.BlockRange;
import dev.tracer.model.Chain;
import dev.tracer.model.InvalidInputException;
import dev.tracer.model.Transfer;
import dev.tracer.model.TxHash;
import dev.tracer.source.SourceException;
import dev.tracer.source.TransferSource;
import dev.tracer.source.http.HttpTransport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Bitcoin Core node over JSON-RPC, for the blocks of one range: every block is read with
 * {@code getblockhash} and {@code getblock HASH 2} (bitcoinj parses each transaction's hex), and
 * each input spending an output created before the range is resolved with
 * {@code getrawtransaction TXID true} (the node needs {@code -txindex=1} for those). The result is
 * a {@link TxSet} holding every transaction of the range, so an output unspent in it is known
 * unspent at the range's end. Cost: one {@code getblock} per block plus one
 * {@code getrawtransaction} per distinct earlier transaction spent; loaded once, then answered
 * from memory.
 */
public final class CoreRpcSource implements TransferSource {
    private final CoreRpcClient rpc;
    private final String description;
    private final Optional<BlockRange> range;
    private final Map<TxHash, BtcTx> earlier = new java.util.concurrent.ConcurrentHashMap<>();
    private TxSet loaded;

    private CoreRpcSource(HttpTransport http, String description, Optional<BlockRange> range) {
        this.rpc = new CoreRpcClient(http, "bitcoin core " + Objects.requireNonNull(description, "description"));
        this.description = "Bitcoin Core JSON-RPC " + description + range.map(r -> ", blocks " + r).orElse("");
        this.range = range;
    }

    /**
     * The node, for the blocks of {@code range}.
     *
     * @param description the node's URL without credentials
     */
    public static CoreRpcSource forRange(HttpTransport http, String description, BlockRange range) {
        return new CoreRpcSource(http, description, Optional.of(Objects.requireNonNull(range, "range")));
    }

    /** The node, for looking up single transactions ({@link #transaction}); it has no range to trace. */
    public static CoreRpcSource forTransactions(HttpTransport http, String description) {
        return new CoreRpcSource(http, description, Optional.empty());
    }

    @Override
    public Chain chain() {
        return Chain.BITCOIN;
    }

    @Override
    public BlockRange range() {
        return range.orElseThrow(() -> new InvalidInputException("tracing over Bitcoin Core RPC needs a block range (--block-range)"));
    }

    @Override
    public String description() {
        return description;
    }

    /** Every transaction of the range with its inputs resolved (loaded on first call). */
    public synchronized TxSet load() {
        if (loaded != null) {
            return loaded;
        }
        BlockRange r = range();
        List<BtcTx> txs = new ArrayList<>();
        for (long h = r.first(); h <= r.last(); h++) {
            String hash = rpc.call("getblockhash", h).asText();
            JsonNode block = rpc.call("getblock", hash, 2);
            if (block.path("height").asLong(-1) != h) {
                throw new SourceException.Unavailable(description + ": getblock " + hash + " is not block " + h, null);
            }
            Instant time = Instant.ofEpochSecond(Json.uint32(description + ": getblock " + hash, block, "time"));
            int index = 0;
            for (JsonNode t : block.path("tx")) {
                Confirmation c = new Confirmation(h, time, index++, Optional.of(hash));
                txs.add(CoreRpcJson.tx("block " + h + " tx " + (index - 1), t, Optional.of(c), op -> Optional.empty()));
            }
        }
        Map<Outpoint, BtcOutput> inRange = new HashMap<>();
        for (BtcTx t : txs) {
            t.outputs().forEach(o -> inRange.put(new Outpoint(t.txid(), o.index()), o));
        }
        List<BtcTx> resolved = new ArrayList<>(txs.size());
        for (BtcTx t : txs) {
            List<BtcInput> ins = new ArrayList<>();
            for (BtcInput in : t.inputs()) {
                BtcOutput o = in.prevout().orElseGet(() -> {
                    BtcOutput local = inRange.get(in.spent());
                    return local != null ? local : spentOutput(in.spent());
                });
                ins.add(in.resolved(o));
            }
            resolved.add(t.withInputs(ins));
        }
        loaded = TxSet.of(resolved, r, true);
        return loaded;
    }

    /** The output {@code op} from the transaction that created it (getrawtransaction, cached). */
    private BtcOutput spentOutput(Outpoint op) {
        BtcTx prev = earlier.computeIfAbsent(op.txid(), id -> {
            try {
                return CoreRpcJson.tx("getrawtransaction " + id, rpc.call("getrawtransaction", id.value(), true),
                        Optional.empty(), x -> Optional.empty());
            } catch (CoreRpcClient.RpcError e) {
                if (e.code == CoreRpcClient.NOT_FOUND) {
                    throw new SourceException.Unavailable(description + " cannot find " + id + ", spent in the range"
                            + " (run the node with -txindex=1): " + e.getMessage(), e);
                }
                throw e;
            }
        });
        return prev.output(op.vout()).orElseThrow(() -> new InvalidInputException(
                "an input spends " + op + " but " + op.txid() + " has " + prev.outputs().size() + " outputs"));
    }

    /**
     * One transaction, with its inputs resolved: from the range if it is loaded and holds it, else
     * by {@code getrawtransaction} (and {@code getblockheader} for its height).
     *
     * @throws InvalidInputException when the node does not know it
     */
    public BtcTx transaction(TxHash txid) {
        synchronized (this) {
            if (loaded != null && loaded.tx(txid).isPresent()) {
                return loaded.tx(txid).get();
            }
        }
        JsonNode n;
        try {
            n = rpc.call("getrawtransaction", txid.value(), true);
        } catch (CoreRpcClient.RpcError e) {
            if (e.code == CoreRpcClient.NOT_FOUND) {
                throw new InvalidInputException("transaction " + txid + " not found by " + description
                        + " (outside the range it needs -txindex=1)", e);
            }
            throw e;
        }
        Optional<Confirmation> c = Optional.empty();
        if (n.path("blockhash").isTextual()) {
            String hash = n.get("blockhash").asText();
            JsonNode header = rpc.call("getblockheader", hash);
            String what = description + ": getblockheader " + hash;
            long height = Json.height(what, header, "height");
            c = Optional.of(new Confirmation(height, Instant.ofEpochSecond(Json.uint32(what, header, "time")), -1,
                    Optional.of(hash)));
        }
        return CoreRpcJson.tx("getrawtransaction " + txid, n, c, op -> Optional.of(spentOutput(op)));
    }

    @Override
    public List<Transfer> transfersOf(Address address, BlockRange r) {
        return load().transfersOf(address).stream().filter(t -> r.contains(t.block())).toList();
    }

    @Override
    public List<Transfer> transfersIn(TxHash tx) {
        return load().transfersIn(tx);
    }
}
