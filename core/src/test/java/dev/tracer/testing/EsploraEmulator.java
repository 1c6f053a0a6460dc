package dev.tracer.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.Sha256Hash;
import org.bitcoinj.core.Block;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionInput;
import org.bitcoinj.core.TransactionOutput;
import org.bitcoinj.script.Script;
import org.bitcoinj.script.ScriptPattern;
import org.bitcoinj.utils.BlockFileLoader;

/**
 * An Esplora REST API for tests, on 127.0.0.1, answering from real data: the transactions of a
 * Bitcoin Core block file (every endpoint the tracer uses: {@code /tx/:txid},
 * {@code /tx/:txid/outspends}, {@code /block/:hash/txids}, {@code /blocks/tip/height},
 * {@code /address/:addr}, {@code /address/:addr/txs}, {@code /address/:addr/txs/chain/:last}) and, byte for byte, the
 * recorded mainnet {@code /tx} responses in {@code shared/data/bitcoin/esplora} (which have no
 * outspends: asking for them is a 404, as for anything unknown).
 */
public final class EsploraEmulator implements LocalHttp.Handler {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    private final Map<String, String> recorded = new HashMap<>();
    private final Map<String, String> recordedAddresses = new HashMap<>();
    private final Map<String, ObjectNode> txs = new HashMap<>();
    private final Map<String, ArrayNode> outspends = new HashMap<>();
    private final Map<String, List<String>> blockTxids = new HashMap<>();
    private final Map<String, List<String>> addressTxs = new TreeMap<>(); // newest first
    private final Map<String, int[]> funded = new HashMap<>();
    private long tip = -1;

    /** Serves the blocks of {@code blkFile} (linked from genesis) and the recorded {@code /tx} files of {@code esploraDir}. */
    public EsploraEmulator(Path blkFile, Path esploraDir) throws IOException {
        if (esploraDir != null) {
            try (var s = Files.list(esploraDir)) {
                for (Path f : s.toList()) {
                    var n = JSON.readTree(f.toFile());
                    if (n.isObject() && n.has("txid")) {
                        recorded.put(n.get("txid").asText(), Files.readString(f));
                    } else if (n.isObject() && n.has("address") && n.has("chain_stats")) {
                        recordedAddresses.put(n.get("address").asText(), Files.readString(f));
                    }
                }
            }
        }
        if (blkFile != null) {
            load(blkFile);
        }
    }

    private void load(Path blkFile) {
        Map<Sha256Hash, Block> byPrev = new HashMap<>();
        for (Block b : new BlockFileLoader(BitcoinNetwork.MAINNET, List.of(blkFile.toFile()))) {
            byPrev.put(b.getPrevBlockHash(), b);
        }
        Map<String, TransactionOutput> outs = new HashMap<>();
        Sha256Hash prev = Sha256Hash.ZERO_HASH;
        long height = 0;
        for (Block b = byPrev.get(prev); b != null; b = byPrev.get(b.getHash()), height++) {
            List<String> ids = new ArrayList<>();
            for (Transaction t : b.getTransactions()) {
                String id = t.getTxId().toString();
                ids.add(id);
                ObjectNode n = JSON.createObjectNode();
                n.put("txid", id);
                n.put("version", t.getVersion());
                n.put("locktime", t.lockTime().rawValue());
                ArrayNode vin = n.putArray("vin");
                for (TransactionInput in : t.getInputs()) {
                    ObjectNode i = vin.addObject();
                    boolean cb = t.isCoinBase();
                    i.put("txid", cb ? "0".repeat(64) : in.getOutpoint().hash().toString());
                    i.put("vout", cb ? 4294967295L : in.getOutpoint().index());
                    if (!cb) {
                        String key = in.getOutpoint().hash() + ":" + in.getOutpoint().index();
                        TransactionOutput spent = outs.get(key);
                        i.set("prevout", output(spent));
                        outspends.get(in.getOutpoint().hash().toString()).set((int) in.getOutpoint().index(),
                                spentBy(id, t.getInputs().indexOf(in), b, height));
                        fund(spent, id, false);
                    }
                    i.put("scriptsig", HEX.formatHex(in.getScriptBytes()));
                    i.putArray("witness");
                    i.put("is_coinbase", cb);
                    i.put("sequence", in.getSequenceNumber());
                }
                ArrayNode vout = n.putArray("vout");
                ArrayNode spends = JSON.createArrayNode();
                for (TransactionOutput o : t.getOutputs()) {
                    vout.add(output(o));
                    outs.put(id + ":" + o.getIndex(), o);
                    spends.addObject().put("spent", false);
                    fund(o, id, true);
                }
                outspends.put(id, spends);
                n.put("weight", t.getWeight());
                n.put("fee", 0);
                n.set("status", status(b, height));
                txs.put(id, n);
            }
            blockTxids.put(b.getHashAsString(), ids);
            tip = height;
        }
    }

    private void fund(TransactionOutput o, String txid, boolean funding) {
        Script s = o.getScriptPubKey();
        if (ScriptPattern.isP2PK(s) || ScriptPattern.isOpReturn(s)) {
            return; // Esplora indexes P2PK outputs under their script, not an address
        }
        String a = s.getToAddress(BitcoinNetwork.MAINNET).toString();
        List<String> l = addressTxs.computeIfAbsent(a, k -> new ArrayList<>());
        if (!l.contains(txid)) {
            l.add(0, txid);
        }
        funded.computeIfAbsent(a, k -> new int[2])[funding ? 0 : 1]++;
    }

    private static ObjectNode status(Block b, long height) {
        ObjectNode s = JSON.createObjectNode();
        s.put("confirmed", true);
        s.put("block_height", height);
        s.put("block_hash", b.getHashAsString());
        s.put("block_time", b.time().getEpochSecond());
        return s;
    }

    private static ObjectNode spentBy(String txid, int vin, Block b, long height) {
        ObjectNode s = JSON.createObjectNode();
        s.put("spent", true);
        s.put("txid", txid);
        s.put("vin", vin);
        s.set("status", status(b, height));
        return s;
    }

    private static ObjectNode output(TransactionOutput o) {
        ObjectNode n = JSON.createObjectNode();
        Script s = o.getScriptPubKey();
        n.put("scriptpubkey", HEX.formatHex(o.getScriptBytes()));
        n.put("scriptpubkey_type", ScriptPattern.isP2PK(s) ? "p2pk" : ScriptPattern.isP2PKH(s) ? "p2pkh" : "unknown");
        if (ScriptPattern.isP2PKH(s)) {
            n.put("scriptpubkey_address", s.getToAddress(BitcoinNetwork.MAINNET).toString());
        }
        n.put("value", o.getValue().value);
        return n;
    }

    @Override
    public LocalHttp.Reply handle(String method, String path, String body) {
        String[] p = path.split("/");
        // p[0] is empty: /tx/ID -> ["", "tx", ID]
        if (p.length == 3 && p[1].equals("tx")) {
            String r = recorded.get(p[2]);
            if (r != null) {
                return LocalHttp.Reply.ok(r);
            }
            ObjectNode n = txs.get(p[2]);
            return n == null ? notFound() : LocalHttp.Reply.ok(n.toString());
        }
        if (p.length == 4 && p[1].equals("tx") && p[3].equals("outspends")) {
            ArrayNode a = outspends.get(p[2]);
            return a == null ? notFound() : LocalHttp.Reply.ok(a.toString());
        }
        if (p.length == 4 && p[1].equals("block") && p[3].equals("txids")) {
            List<String> ids = blockTxids.get(p[2]);
            return ids == null ? notFound() : LocalHttp.Reply.ok(JSON.valueToTree(ids).toString());
        }
        if (path.equals("/blocks/tip/height")) {
            return tip < 0 ? notFound() : LocalHttp.Reply.ok(Long.toString(tip));
        }
        if (p.length == 3 && p[1].equals("address") && recordedAddresses.containsKey(p[2])) {
            return LocalHttp.Reply.ok(recordedAddresses.get(p[2]));
        }
        if (p.length == 3 && p[1].equals("address")) {
            List<String> l = addressTxs.get(p[2]);
            int[] f = funded.getOrDefault(p[2], new int[2]);
            ObjectNode n = JSON.createObjectNode();
            n.put("address", p[2]);
            ObjectNode cs = n.putObject("chain_stats");
            cs.put("funded_txo_count", f[0]);
            cs.put("spent_txo_count", f[1]);
            cs.put("tx_count", l == null ? 0 : l.size());
            ObjectNode ms = n.putObject("mempool_stats");
            ms.put("funded_txo_count", 0);
            ms.put("tx_count", 0);
            return LocalHttp.Reply.ok(n.toString());
        }
        boolean firstPage = p.length == 4 && p[1].equals("address") && p[3].equals("txs");
        if (firstPage || (p.length == 5 || p.length == 6) && p[1].equals("address") && p[3].equals("txs") && p[4].equals("chain")) {
            List<String> l = addressTxs.getOrDefault(p[2], List.of());
            int from = p.length == 6 ? l.indexOf(p[5]) + 1 : 0;
            ArrayNode a = JSON.createArrayNode();
            for (int i = from; i < Math.min(l.size(), from + 25); i++) {
                a.add(txs.get(l.get(i)));
            }
            return LocalHttp.Reply.ok(a.toString());
        }
        return notFound();
    }

    private static LocalHttp.Reply notFound() {
        return LocalHttp.Reply.of(404, "Transaction not found");
    }
}
