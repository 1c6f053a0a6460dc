package dev.tracer.source.bitcoin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracer.bitcoin.BtcOutput;
import dev.tracer.bitcoin.BtcTx;
import dev.tracer.bitcoin.Confirmation;
import dev.tracer.bitcoin.Outpoint;
import dev.tracer.bitcoin.TxGraph;
import dev.tracer.bitcoin.UtxoEdges;
import dev.tracer.model.Address;
import dev.tracer.model.BlockRange;
import dev.tracer.model.Chain;
import dev.tracer.model.InvalidInputException;
import dev.tracer.model.Transfer;
import dev.tracer.model.TxHash;
import dev.tracer.source.SourceException;
import dev.tracer.source.TransferSource;
import dev.tracer.source.http.HttpCall;
import dev.tracer.source.http.HttpReply;
import dev.tracer.source.http.HttpTransport;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An Esplora REST API (mempool.space, blockstream.info, a self-hosted electrs), the explorer API
 * investigators use. Requests: {@code /tx/:txid}, {@code /tx/:txid/outspends},
 * {@code /block/:hash/txids} (a transaction's index in its block, for chain order),
 * {@code /blocks/tip/height}, {@code /address/:addr} and {@code /address/:addr/txs} (then
 * {@code /txs/chain/:last_seen_txid} for more pages).
 * Politeness, caching, recording and replay belong to the {@link HttpTransport} it is given.
 *
 * <p>As a {@link TransferSource}: a transaction's edges are all its inputs, outputs and fee (Esplora
 * always resolves inputs); an output's are its creation and, per {@code outspends}, its spend
 * (none when unspent: the funds are held there). Unconfirmed transactions are placed after the
 * tip, at the time the injected clock gives. Every answer is complete or an exception.
 * Thread-safe; parsed transactions are kept for the session.
 */
public final class EsploraSource implements TransferSource, TxGraph {
    /** Esplora's page of confirmed transactions per address request. */
    static final int PAGE = 25;
    /** Address history pages read to decide whether an address is fresh. */
    static final int FRESHNESS_PAGES = 4;

    private final HttpTransport http;
    private final String description;
    private final Clock clock;
    private final Map<TxHash, BtcTx> txs = new ConcurrentHashMap<>();
    private final Map<String, List<TxHash>> blockTxids = new ConcurrentHashMap<>();
    private volatile Long tip;

    /**
     * @param description the server's URL (without credentials)
     * @param clock       gives unconfirmed transactions their time
     */
    public EsploraSource(HttpTransport http, String description, Clock clock) {
        this.http = Objects.requireNonNull(http, "http");
        this.description = "Esplora " + Objects.requireNonNull(description, "description");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Chain chain() {
        return Chain.BITCOIN;
    }

    @Override
    public String description() {
        return description;
    }

    /** Genesis to the tip, plus one block for unconfirmed transactions. */
    @Override
    public BlockRange range() {
        return new BlockRange(0, tip() + 1);
    }

    private long tip() {
        Long t = tip;
        if (t == null) {
            HttpReply r = get("/blocks/tip/height");
            try {
                t = Long.parseLong(r.body().strip());
            } catch (NumberFormatException e) {
                throw new SourceException.Unavailable(description + " /blocks/tip/height: not a number: " + r.body(), e);
            }
            tip = t;
        }
        return t;
    }

    private HttpReply get(String path) {
        HttpReply r = http.send(HttpCall.get(path));
        if (!r.ok()) {
            throw new SourceException.Unavailable(description + path + ": HTTP " + r.status() + " " + abbreviate(r.body()), null);
        }
        return r;
    }

    private static String abbreviate(String s) {
        String t = s.strip().replace('\n', ' ');
        return t.length() <= 120 ? t : t.substring(0, 120) + "…";
    }

    /**
     * The transaction {@code txid} as Esplora reports it (unconfirmed ones without a confirmation).
     *
     * @throws InvalidInputException when the server does not know it
     */
    public BtcTx transaction(TxHash txid) {
        return tx(txid).orElseThrow(() -> new InvalidInputException("transaction " + txid + " not found by " + description));
    }

    @Override
    public Optional<BtcTx> tx(TxHash txid) {
        BtcTx t = txs.get(txid);
        if (t != null) {
            return Optional.of(t);
        }
        String path = "/tx/" + txid.value();
        HttpReply r = http.send(HttpCall.get(path));
        if (r.status() == 404 || r.status() == 400) {
            return Optional.empty();
        }
        if (!r.ok()) {
            throw new SourceException.Unavailable(description + path + ": HTTP " + r.status() + " " + abbreviate(r.body()), null);
        }
        t = parse(path, r.body());
        if (!t.txid().equals(txid)) {
            throw new InvalidInputException(description + path + " answered transaction " + t.txid());
        }
        txs.putIfAbsent(txid, t);
        return Optional.of(t);
    }

    private BtcTx parse(String what, String body) {
        try {
            return EsploraJson.tx(description + what, Json.parse(description + what, body));
        } catch (InvalidInputException e) {
            throw new SourceException.Unavailable(e.getMessage(), e);
        }
    }

    /** The transaction placed in chain order: its index in its block, or after the tip when unconfirmed. */
    private Optional<BtcTx> placed(TxHash txid) {
        Optional<BtcTx> t = tx(txid);
        if (t.isEmpty()) {
            return t;
        }
        BtcTx x = t.get();
        if (x.confirmation().isEmpty()) {
            return Optional.of(x.withConfirmation(new Confirmation(tip() + 1, clock.instant(), -1, Optional.empty())));
        }
        Confirmation c = x.confirmation().get();
        String hash = c.blockHash().orElseThrow();
        List<TxHash> ids = blockTxids.computeIfAbsent(hash, this::txids);
        int i = ids.indexOf(txid);
        if (i < 0) {
            throw new SourceException.Unavailable(description + " /block/" + hash + "/txids does not list " + txid, null);
        }
        return Optional.of(x.withConfirmation(c.withTxIndex(i)));
    }

    private List<TxHash> txids(String blockHash) {
        String path = "/block/" + blockHash + "/txids";
        JsonNode n = Json.parse(description + path, get(path).body());
        List<TxHash> out = new ArrayList<>();
        n.forEach(x -> out.add(TxHash.parse(Chain.BITCOIN, x.asText())));
        return List.copyOf(out);
    }

    @Override
    public List<Transfer> transfersIn(TxHash tx) {
        return placed(tx).map(UtxoEdges::of).orElse(List.of());
    }

    @Override
    public List<Transfer> transfersOf(Address vertex, BlockRange range) {
        List<Transfer> out = new ArrayList<>();
        switch (vertex.kind()) {
            case TRANSACTION -> out.addAll(transfersIn(TxHash.parse(Chain.BITCOIN, vertex.value().substring(3))));
            case SINK -> {
                // the fee sink is an endpoint, never fetched
            }
            case ACCOUNT -> throw new InvalidInputException("a Bitcoin address is not a vertex of the UTXO graph: seed its outputs ("
                    + vertex + ")");
            case OUTPUT -> {
                Outpoint op = UtxoEdges.outpointOf(vertex);
                BtcTx creator = placed(op.txid()).orElseThrow(() -> new InvalidInputException(
                        "output " + op + ": transaction not found by " + description));
                if (creator.output(op.vout()).isEmpty()) {
                    throw new InvalidInputException("output " + op + ": the transaction has " + creator.outputs().size() + " outputs");
                }
                UtxoEdges.of(creator).stream().filter(t -> t.to().equals(vertex)).forEach(out::add);
                Spend s = spender(op);
                if (s.state() == Spend.State.UNKNOWN) {
                    throw new SourceException.Unavailable(description + " /tx/" + op.txid() + "/outspends: the server does not"
                            + " say whether " + op + " is spent", null);
                }
                if (s.state() == Spend.State.SPENT) {
                    BtcTx spender = placed(s.by().orElseThrow()).orElseThrow(() -> new SourceException.Unavailable(
                            description + ": spender " + s.by().get() + " of " + op + " not found", null));
                    UtxoEdges.of(spender).stream().filter(t -> t.from().equals(vertex)).forEach(out::add);
                }
            }
            default -> throw new IllegalStateException();
        }
        return out.stream().filter(t -> range.contains(t.block())).toList();
    }

    @Override
    public Spend spender(Outpoint o) {
        String path = "/tx/" + o.txid().value() + "/outspends";
        HttpReply r = http.send(HttpCall.get(path));
        if (r.status() == 404) {
            return Spend.unknown();
        }
        if (!r.ok()) {
            throw new SourceException.Unavailable(description + path + ": HTTP " + r.status(), null);
        }
        JsonNode n = Json.parse(description + path, r.body());
        if (!n.isArray() || o.vout() >= n.size()) {
            throw new SourceException.Unavailable(description + path + ": no entry for output " + o.vout(), null);
        }
        JsonNode e = n.get(o.vout());
        if (!e.path("spent").asBoolean(false)) {
            return Spend.unspent();
        }
        return Spend.spentBy(TxHash.parse(Chain.BITCOIN, e.path("txid").asText()));
    }

    /**
     * Fresh when the address was paid exactly once ever ({@code funded_txo_count}); otherwise
     * decided from its history when that fits in {@value #FRESHNESS_PAGES} pages, else unknown.
     */
    @Override
    public Optional<Boolean> isFirstFunding(String address, Outpoint output) {
        JsonNode stats = addressStats(address);
        long funded = stats.path("chain_stats").path("funded_txo_count").asLong() + stats.path("mempool_stats").path("funded_txo_count").asLong();
        if (funded == 1) {
            return Optional.of(true);
        }
        Optional<List<BtcTx>> history = history(address, FRESHNESS_PAGES * PAGE);
        if (history.isEmpty()) {
            return Optional.empty();
        }
        long firstHeight = Long.MAX_VALUE;
        List<Outpoint> firstOutputs = new ArrayList<>();
        for (BtcTx t : history.get()) {
            long height = t.confirmation().map(Confirmation::height).orElse(Long.MAX_VALUE);
            for (BtcOutput o : t.outputs()) {
                if (o.address().filter(address::equals).isEmpty()) {
                    continue;
                }
                if (height < firstHeight) {
                    firstHeight = height;
                    firstOutputs.clear();
                }
                if (height == firstHeight) {
                    firstOutputs.add(new Outpoint(t.txid(), o.index()));
                }
            }
        }
        if (firstOutputs.isEmpty()) {
            return Optional.empty();
        }
        if (!firstOutputs.contains(output)) {
            return Optional.of(false);
        }
        // several payments in the first block: their order within the block is not known here
        return firstOutputs.size() == 1 ? Optional.of(true) : Optional.empty();
    }

    private JsonNode addressStats(String address) {
        String path = "/address/" + address;
        return Json.parse(description + path, get(path).body());
    }

    /**
     * Confirmed history of {@code address}, newest first, if it has at most {@code max}
     * transactions: {@code /address/:addr/txs} (mempool transactions, which are skipped, and the
     * first confirmed page), then {@code /address/:addr/txs/chain/:last_seen_txid} until a page is
     * not full.
     */
    private Optional<List<BtcTx>> history(String address, int max) {
        List<BtcTx> out = new ArrayList<>();
        String path = "/address/" + address + "/txs";
        while (true) {
            JsonNode page = Json.parse(description + path, get(path).body());
            if (!page.isArray()) {
                throw new SourceException.Unavailable(description + path + ": not a list of transactions", null);
            }
            int confirmed = 0;
            for (JsonNode x : page) {
                BtcTx t = parse(path, x.toString());
                if (t.confirmation().isEmpty()) {
                    continue;
                }
                txs.putIfAbsent(t.txid(), t);
                out.add(t);
                confirmed++;
                if (out.size() > max) {
                    return Optional.empty();
                }
            }
            if (confirmed < PAGE) {
                return Optional.of(out);
            }
            path = "/address/" + address + "/txs/chain/" + out.get(out.size() - 1).txid().value();
        }
    }

    /** An address's confirmed transactions and the outputs among them that pay it. */
    public record AddressHistory(String address, List<BtcTx> transactions, List<Outpoint> outputs) {
        public AddressHistory {
            transactions = List.copyOf(transactions);
            outputs = List.copyOf(outputs);
        }
    }

    /**
     * Every confirmed output paying {@code address} (to seed a trace from an address).
     *
     * @throws InvalidInputException when the address has more than {@code maxTxs} transactions
     *                               (seed specific outputs or transactions instead)
     */
    public AddressHistory history(String address, long maxTxs) {
        JsonNode stats = addressStats(address);
        long count = stats.path("chain_stats").path("tx_count").asLong();
        if (count > maxTxs) {
            throw new InvalidInputException("address " + address + " has " + count + " confirmed transactions, more than the "
                    + maxTxs + " an address seed may expand to; seed its outputs (TXID:VOUT) or transactions instead");
        }
        List<BtcTx> list = history(address, (int) Math.max(maxTxs, 0)).orElseThrow(() -> new InvalidInputException(
                "address " + address + " has more than " + maxTxs + " transactions"));
        List<Outpoint> outs = new ArrayList<>();
        for (BtcTx t : list) {
            for (BtcOutput o : t.outputs()) {
                if (o.address().filter(address::equals).isPresent()) {
                    outs.add(new Outpoint(t.txid(), o.index()));
                }
            }
        }
        outs.sort(Comparator.naturalOrder());
        return new AddressHistory(address, list, outs);
    }

    /** Every transaction parsed so far in this session, by txid (for detectors over what a trace fetched). */
    public List<BtcTx> fetched() {
        return txs.values().stream().sorted(Comparator.comparing(BtcTx::txid)).toList();
    }
}
