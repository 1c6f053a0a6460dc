package dev.tracer.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.core.methods.response.VoidResponse;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.utils.Numeric;

/**
 * A laundering scenario played on a local node with web3j, from contracts committed with their
 * Solidity source ({@code core/src/test/evm/contracts}). It knows its ground truth: every value-carrying
 * hop it made, where the stolen funds end, and the spoofed transfers that must not count.
 *
 * <pre>
 *  victim ──100 ETH──► T (theft address; also gets 50,000 USDT from the token's deployer)
 *  T ──3 × 30 ETH──► S1, S2, S3 (fresh addresses, equal lots); T keeps 10 ETH
 *  S1 ──3 × 10 ETH──► Pool (mixer-like, fixed denomination; operator pays 2 × 10 ETH out to W1, W2)
 *  S2 ──29 ETH──► Forwarder.forward ──internal 14.5 ETH each──► D1, D2 (exchange deposit addresses)
 *  S2 ──1 ETH──► Forwarder.tryForward(Pool): the internal call fails, the Forwarder keeps 1 ETH
 *  T ──50,000 USDT──► S2 ──50,000 USDT──► Swap (DEX-like) ──internal 5 ETH (Swap event)──► S2
 *  S3 ──30 ETH──► Bridge.depositETH
 *  D1, D2 ──14.5 ETH each──► H (exchange hot wallet)
 *  A (attacker) makes a fake "UЅDТ" token emit Transfer(T → look-alikes of S1 and D1), and a
 *  zero-value real USDT transferFrom(T → look-alike of S3)
 * </pre>
 * Keys come from a seeded Random; the victim, the deployer and the attacker are funded with
 * {@code anvil_setBalance}. Gas costs nothing on the test node (gas price and base fee 0).
 */
public final class LaunderingScenario {
    public static final BigInteger ETH = BigInteger.TEN.pow(18);
    public static final BigInteger USDT_UNIT = BigInteger.TEN.pow(6);

    /** A value-carrying transfer the scenario made: asset is "ETH" or "USDT". */
    public record Hop(String from, String to, String asset, BigInteger amount, String kind, String tx) {
    }

    public final Map<String, String> names = new LinkedHashMap<>(); // role -> address (lower-case hex)
    public final List<Hop> hops = new ArrayList<>();
    public final List<String> spoofTxs = new ArrayList<>();
    public final List<String> lookalikes = new ArrayList<>();
    public String failedForwardTx;
    public long lastBlock;

    private final HttpService service;
    private final Web3j web3j;
    private final long chainId;
    private final Random random = new Random(20250221);
    private final ObjectMapper json = new ObjectMapper();

    private LaunderingScenario(String url, long chainId) {
        this.service = new HttpService(url);
        this.web3j = Web3j.build(service);
        this.chainId = chainId;
    }

    /** Plays the scenario on the node at {@code url} (a fresh anvil). */
    public static LaunderingScenario play(String url, long chainId) throws IOException {
        LaunderingScenario s = new LaunderingScenario(url, chainId);
        try {
            s.run();
        } finally {
            s.web3j.shutdown();
        }
        return s;
    }

    public String address(String role) {
        return names.get(role);
    }

    /** The label CSV that makes the pool a mixer, the bridge a bridge, the hot wallet an exchange and the swap a DEX. */
    public String labelsCsv() {
        return "chain,address,entity,category,source,confidence\n"
                + chainId + "," + address("Pool") + ",Test pool,mixer,scenario,100\n"
                + chainId + "," + address("Bridge") + ",Test bridge,bridge,scenario,100\n"
                + chainId + "," + address("H") + ",Test exchange hot wallet,exchange,scenario,100\n"
                + chainId + "," + address("Swap") + ",Test DEX,dex,scenario,100\n";
    }

    /** The token CSV that makes the scenario's USDT a genuine asset on the test chain. */
    public String tokensCsv() {
        return "chain_id,contract,symbol,decimals\n" + chainId + "," + address("USDT") + ",USDT,6\n";
    }

    private void run() throws IOException {
        Credentials victim = key("victim");
        Credentials deployer = key("deployer");
        Credentials attacker = key("A");
        Credentials t = key("T");
        Credentials s1 = key("S1");
        Credentials s2 = key("S2");
        Credentials s3 = key("S3");
        Credentials d1 = key("D1");
        Credentials d2 = key("D2");
        key("H");
        key("W1");
        key("W2");
        fund(victim, ETH.multiply(BigInteger.valueOf(1000)));
        fund(deployer, ETH.multiply(BigInteger.valueOf(1000)));
        fund(attacker, ETH);

        String usdt = deploy(deployer, "Token", BigInteger.ZERO, new Utf8String("Tether USD"), new Utf8String("USDT"),
                new Uint8(6), new Uint256(USDT_UNIT.multiply(BigInteger.valueOf(1_000_000))));
        names.put("USDT", usdt);
        String fake = deploy(attacker, "FakeToken", BigInteger.ZERO, new Utf8String("Tether USD"),
                new Utf8String("U\u0405D\u0422"), new Uint8(6));
        names.put("FakeUSDT", fake);
        BigInteger denomination = ETH.multiply(BigInteger.TEN);
        names.put("Pool", deploy(deployer, "Pool", BigInteger.ZERO, new Uint256(denomination)));
        names.put("Swap", deploy(deployer, "Swap", ETH.multiply(BigInteger.valueOf(100)), new Address(usdt),
                new Uint256(BigInteger.TEN.pow(8))));
        names.put("Forwarder", deploy(deployer, "Forwarder", BigInteger.ZERO));
        names.put("Bridge", deploy(deployer, "Bridge", BigInteger.ZERO));

        // the theft
        pay(victim, address("T"), ETH.multiply(BigInteger.valueOf(100)), "victim", "T");
        BigInteger tokens = USDT_UNIT.multiply(BigInteger.valueOf(50_000));
        call(deployer, usdt, fn("transfer", new Address(address("T")), new Uint256(tokens)), BigInteger.ZERO);
        hops.add(new Hop(address("deployer"), address("T"), "USDT", tokens, "token", lastTx));

        // equal lots to fresh addresses
        BigInteger lot = ETH.multiply(BigInteger.valueOf(30));
        pay(t, address("S1"), lot, "T", "S1");
        pay(t, address("S2"), lot, "T", "S2");
        pay(t, address("S3"), lot, "T", "S3");

        // the mixer: three fixed-denomination deposits, two withdrawals to new addresses
        for (int i = 0; i < 3; i++) {
            call(s1, address("Pool"), fn("deposit", new Bytes32(word("commitment" + i))), denomination);
            hops.add(new Hop(address("S1"), address("Pool"), "ETH", denomination, "native", lastTx));
        }
        for (String w : new String[] {"W1", "W2"}) {
            call(deployer, address("Pool"), fn("withdraw", new Address(address(w)), new Bytes32(word("nullifier" + w))), BigInteger.ZERO);
            hops.add(new Hop(address("Pool"), address(w), "ETH", denomination, "internal", lastTx));
        }

        // ETH through a contract with internal calls, to two exchange deposit addresses
        BigInteger sent = ETH.multiply(BigInteger.valueOf(29));
        BigInteger half = sent.divide(BigInteger.TWO);
        call(s2, address("Forwarder"), fn("forward", new DynamicArray<>(Address.class,
                new Address(address("D1")), new Address(address("D2")))), sent);
        hops.add(new Hop(address("S2"), address("Forwarder"), "ETH", sent, "native", lastTx));
        hops.add(new Hop(address("Forwarder"), address("D1"), "ETH", half, "internal", lastTx));
        hops.add(new Hop(address("Forwarder"), address("D2"), "ETH", half, "internal", lastTx));
        call(s2, address("Forwarder"), fn("tryForward", new Address(address("Pool"))), ETH);
        hops.add(new Hop(address("S2"), address("Forwarder"), "ETH", ETH, "native", lastTx));
        failedForwardTx = lastTx;

        // the token through a DEX-like swap: token in, ETH out
        call(t, usdt, fn("transfer", new Address(address("S2")), new Uint256(tokens)), BigInteger.ZERO);
        hops.add(new Hop(address("T"), address("S2"), "USDT", tokens, "token", lastTx));
        call(s2, usdt, fn("approve", new Address(address("Swap")), new Uint256(tokens)), BigInteger.ZERO);
        call(s2, address("Swap"), fn("swapTokensForEth", new Uint256(tokens), new Address(address("S2"))), BigInteger.ZERO);
        hops.add(new Hop(address("S2"), address("Swap"), "USDT", tokens, "token", lastTx));
        hops.add(new Hop(address("Swap"), address("S2"), "ETH", tokens.multiply(BigInteger.TEN.pow(8)), "internal", lastTx));

        // the bridge
        call(s3, address("Bridge"), fn("depositETH", new Uint256(BigInteger.valueOf(56)), new Address(address("S3"))), lot);
        hops.add(new Hop(address("S3"), address("Bridge"), "ETH", lot, "native", lastTx));

        // deposit addresses sweep to the hot wallet
        pay(d1, address("H"), half, "D1", "H");
        pay(d2, address("H"), half, "D2", "H");

        // address poisoning: spoofed fake-token transfers and a zero-value real-token transfer "from" T
        String lookS1 = lookalike(address("S1"));
        String lookD1 = lookalike(address("D1"));
        String lookS3 = lookalike(address("S3"));
        lookalikes.addAll(List.of(lookS1, lookD1, lookS3));
        call(attacker, fake, fn("spoof", new Address(address("T")), new DynamicArray<>(Address.class,
                new Address(lookS1), new Address(lookD1)), new Uint256(USDT_UNIT.multiply(BigInteger.valueOf(30_000)))), BigInteger.ZERO);
        spoofTxs.add(lastTx);
        call(attacker, usdt, fn("transferFrom", new Address(address("T")), new Address(lookS3), new Uint256(BigInteger.ZERO)), BigInteger.ZERO);
        spoofTxs.add(lastTx);
        lastBlock = web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
    }

    // ------------------------------------------------------------------ helpers

    private final Map<String, Credentials> keys = new LinkedHashMap<>();
    private String lastTx;

    private Credentials key(String role) {
        BigInteger k;
        do {
            k = new BigInteger(256, random);
        } while (k.signum() == 0 || k.bitLength() > 255);
        Credentials c = Credentials.create(ECKeyPair.create(k));
        keys.put(role, c);
        names.put(role, c.getAddress().toLowerCase(Locale.ROOT));
        return c;
    }

    /** Same first and last four hex digits as {@code a}, different in between (no key needed: nobody spends from it). */
    private String lookalike(String a) {
        StringBuilder b = new StringBuilder(a.substring(0, 6));
        for (int i = 0; i < 32; i++) {
            b.append(Character.forDigit(random.nextInt(16), 16));
        }
        return b.append(a.substring(38)).toString();
    }

    private static byte[] word(String s) {
        return Numeric.toBytesPadded(new BigInteger(1, org.web3j.crypto.Hash.sha3(s.getBytes(java.nio.charset.StandardCharsets.UTF_8))), 32);
    }

    private void fund(Credentials c, BigInteger wei) throws IOException {
        VoidResponse r = new Request<>("anvil_setBalance", List.of(c.getAddress(), Numeric.encodeQuantity(wei)),
                service, VoidResponse.class).send();
        if (r.hasError()) {
            throw new IllegalStateException("anvil_setBalance: " + r.getError().getMessage());
        }
    }

    private static Function fn(String name, Type<?>... args) {
        return new Function(name, List.of(args), List.of());
    }

    private void pay(Credentials from, String to, BigInteger wei, String fromRole, String toRole) throws IOException {
        send(from, to, "0x", wei, false);
        hops.add(new Hop(address(fromRole), to, "ETH", wei, "native", lastTx));
    }

    private void call(Credentials from, String to, Function f, BigInteger wei) throws IOException {
        send(from, to, FunctionEncoder.encode(f), wei, false);
    }

    private String deploy(Credentials from, String contract, BigInteger wei, Type<?>... ctorArgs) throws IOException {
        JsonNode c = json.readTree(contractsDir().resolve(contract + ".json").toFile());
        String data = c.get("bytecode").asText() + (ctorArgs.length == 0 ? "" : FunctionEncoder.encodeConstructor(List.of(ctorArgs)));
        TransactionReceipt r = send(from, "", data, wei, true);
        return r.getContractAddress().toLowerCase(Locale.ROOT);
    }

    private TransactionReceipt send(Credentials from, String to, String data, BigInteger wei, boolean create) throws IOException {
        RawTransactionManager m = new RawTransactionManager(web3j, from, chainId);
        EthSendTransaction s = m.sendTransaction(BigInteger.ZERO, BigInteger.valueOf(3_000_000), to, data, wei, create);
        if (s.hasError()) {
            throw new IllegalStateException("transaction from " + from.getAddress() + " failed: " + s.getError().getMessage());
        }
        lastTx = s.getTransactionHash();
        TransactionReceipt r = null;
        for (int i = 0; i < 200 && r == null; i++) { // anvil mines each transaction at once, answering a moment later
            r = web3j.ethGetTransactionReceipt(lastTx).send().getTransactionReceipt().orElse(null);
            if (r == null) {
                try {
                    Thread.sleep(25);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }
        }
        if (r == null) {
            throw new IllegalStateException("no receipt for " + lastTx + " after 5 s");
        }
        if (!r.isStatusOK()) {
            throw new IllegalStateException("transaction " + lastTx + " reverted");
        }
        return r;
    }

    /** core/src/test/evm/contracts: the system property tracer.contracts, else found above the working directory. */
    public static Path contractsDir() {
        String p = System.getProperty("tracer.contracts");
        if (p != null && Files.isDirectory(Path.of(p))) {
            return Path.of(p);
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("core/src/test/evm/contracts"))) {
                return d.resolve("core/src/test/evm/contracts");
            }
        }
        throw new IllegalStateException("core/src/test/evm/contracts not found above " + Path.of("").toAbsolutePath());
    }
}
