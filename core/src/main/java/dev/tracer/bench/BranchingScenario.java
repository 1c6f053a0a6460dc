package dev.tracer.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracer.model.InvalidInputException;
import dev.tracer.source.SourceException;
import dev.tracer.source.rpc.RpcStack;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The laundering pattern of the live-source scenario (equal-lot splits from a theft address,
 * onward splits at every hop), scaled up and played on a local anvil node for the request
 * benchmark. Two theft addresses share half of their downstream:
 * <pre>
 *  T1 ──► X ──► shared tree S        T2 ──► X
 *  T1 ──► Y ──► tree P1              T2 ──► Z ──► tree P2
 * </pre>
 * S, P1 and P2 are trees of the same fan-out and depth, so a trace from T2 after one from T1
 * reaches half new addresses and half already fetched. Transfers go in that order (both thefts
 * reach X before X moves anything), one transaction per block, sent from impersonated accounts
 * ({@code anvil_impersonateAccount}) funded with {@code anvil_setBalance}, so no keys are needed.
 * Automatic mining is off while it plays: each transaction is mined by its own {@code evm_mine}
 * and must have a successful receipt before the next is sent. With automine, one bench run on a
 * loaded machine ended at block 119 instead of 121 and its second trace reached 79 addresses
 * instead of 81: transactions sent back to back had been packed together or lost, so the played
 * chain, and the request counts, changed from run to run.
 * Only the given node is contacted, and it must be on this machine ({@link #requireLocalNode}): the
 * scenario funds accounts and sends transactions, which only a development node should take.
 * Addresses come from a seeded Random, so the same seed plays the same chain.
 */
public final class BranchingScenario {
    private static final BigInteger ETH = BigInteger.TEN.pow(18);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What was played: the two theft addresses, the addresses each can reach, the last block. */
    public record Played(String t1, String t2, int reachable1, int reachable2, int shared, long lastBlock) {
    }

    private final URI uri;
    private final String url;
    private final int fanOut;
    private final int depth;
    private final Random random;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private int id;

    /**
     * @param url    the node, e.g. {@code http://127.0.0.1:8545} (anvil)
     * @param fanOut receivers per address in the trees
     * @param depth  levels of each tree below its root
     */
    public BranchingScenario(String url, int fanOut, int depth, long seed) {
        if (fanOut < 1 || depth < 1) {
            throw new IllegalArgumentException("fan-out and depth must be positive");
        }
        this.uri = requireLocalNode("--rpc", url);
        this.url = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        this.fanOut = fanOut;
        this.depth = depth;
        this.random = new Random(seed);
    }

    /**
     * Checks that {@code url} is an http(s) URL of a node on this machine
     * ({@link RpcStack#localNode}), before anything is generated or sent.
     *
     * @return the parsed URL
     * @throws InvalidInputException naming {@code option} otherwise
     */
    public static URI requireLocalNode(String option, String url) {
        return RpcStack.localNode(option, url, "the requests section funds accounts and sends transactions");
    }

    /** Plays the scenario; returns its addresses and sizes. */
    public Played play() {
        call("evm_setAutomine", JSON.createArrayNode().add(false));
        Played played;
        try {
            played = playManually();
        } catch (RuntimeException e) {
            try {
                call("evm_setAutomine", JSON.createArrayNode().add(true));
            } catch (RuntimeException restore) {
                e.addSuppressed(restore); // the first failure is the one to report
            }
            throw e;
        }
        call("evm_setAutomine", JSON.createArrayNode().add(true));
        return played;
    }

    private Played playManually() {
        String t1 = fresh();
        String t2 = fresh();
        String x = fresh();
        String y = fresh();
        String z = fresh();
        fund(t1);
        fund(t2);
        send(t1, x, ETH.multiply(BigInteger.valueOf(10)));
        send(t2, x, ETH.multiply(BigInteger.valueOf(10)));
        send(t1, y, ETH.multiply(BigInteger.valueOf(10)));
        send(t2, z, ETH.multiply(BigInteger.valueOf(10)));
        int s = tree(x);
        int p1 = tree(y);
        int p2 = tree(z);
        JsonNode block = call("eth_blockNumber", JSON.createArrayNode());
        long last;
        try {
            last = Long.decode(block.asText());
        } catch (NumberFormatException e) {
            throw new SourceException.Unavailable(url + ": eth_blockNumber returned no block number: " + block, e);
        }
        // reachable: the roots and their trees (each theft address reaches X and its own root)
        return new Played(t1, t2, 2 + s + p1, 2 + s + p2, 1 + s, last);
    }

    /** Splits the root's funds into equal lots down {@code depth} levels; returns the addresses below the root. */
    private int tree(String root) {
        List<String> level = List.of(root);
        BigInteger lot = ETH.multiply(BigInteger.valueOf(10));
        int count = 0;
        for (int d = 0; d < depth; d++) {
            lot = lot.divide(BigInteger.valueOf(fanOut + 1));
            List<String> next = new ArrayList<>();
            for (String from : level) {
                fund(from);
                for (int k = 0; k < fanOut; k++) {
                    String to = fresh();
                    send(from, to, lot);
                    next.add(to);
                    count++;
                }
            }
            level = next;
        }
        return count;
    }

    private String fresh() {
        byte[] b = new byte[20];
        random.nextBytes(b);
        StringBuilder s = new StringBuilder("0x");
        for (byte v : b) {
            s.append(String.format("%02x", v & 0xFF));
        }
        return s.toString();
    }

    /** Gives {@code a} a balance for gas (a balance set by the node is not a transfer). */
    private void fund(String a) {
        ArrayNode p = JSON.createArrayNode();
        p.add(a);
        p.add("0x" + ETH.multiply(BigInteger.valueOf(1000)).toString(16));
        call("anvil_setBalance", p);
    }

    private void send(String from, String to, BigInteger value) {
        ArrayNode imp = JSON.createArrayNode();
        imp.add(from);
        call("anvil_impersonateAccount", imp);
        ArrayNode p = JSON.createArrayNode();
        ObjectNode tx = p.addObject();
        tx.put("from", from);
        tx.put("to", to);
        tx.put("value", "0x" + value.toString(16));
        JsonNode sent = call("eth_sendTransaction", p);
        if (!sent.isTextual()) {
            throw new SourceException.Unavailable(url + ": eth_sendTransaction returned no transaction hash: " + sent, null);
        }
        String hash = sent.asText();
        call("evm_mine", JSON.createArrayNode());
        JsonNode receipt = call("eth_getTransactionReceipt", JSON.createArrayNode().add(hash));
        if (receipt == null || receipt.isNull() || !"0x1".equals(receipt.path("status").asText())) {
            throw new SourceException.Unavailable(url + ": transaction " + hash + " of the scenario was not mined successfully: "
                    + receipt, null);
        }
    }

    private JsonNode call(String method, ArrayNode params) {
        ObjectNode req = JSON.createObjectNode();
        req.put("jsonrpc", "2.0");
        req.put("id", ++id);
        req.put("method", method);
        req.set("params", params);
        HttpResponse<String> r;
        try {
            r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(req.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SourceException.Unavailable(url + ": " + method + ": " + SourceException.describe(e, "node"), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException.Unavailable(url + ": " + method + ": interrupted", e);
        }
        if (r.statusCode() == 429) {
            throw new SourceException.RateLimited(url + ": " + method + ": HTTP 429 (rate limited)", null);
        }
        if (r.statusCode() != 200) {
            throw new SourceException.Unavailable(url + ": " + method + ": HTTP " + r.statusCode(), null);
        }
        JsonNode body;
        try {
            body = JSON.readTree(r.body());
        } catch (JsonProcessingException e) {
            throw new SourceException.Unavailable(url + ": " + method + ": the reply is not JSON", e);
        }
        if (body == null || !body.isObject()) {
            throw new SourceException.Unavailable(url + ": " + method + ": the reply is not a JSON-RPC object", null);
        }
        if (body.has("error")) {
            throw new SourceException.Unavailable(url + ": " + method + " failed: " + body.get("error"), null);
        }
        if (!body.has("result")) {
            throw new SourceException.Unavailable(url + ": " + method + ": the reply has neither result nor error", null);
        }
        return body.get("result");
    }
}
