package dev.tracer.bench;

import dev.tracer.model.Address;
import dev.tracer.model.Chain;
import dev.tracer.source.SourceException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes seeded synthetic transfer data in the ethereum-etl CSV schema ({@code transactions.csv},
 * {@code token_transfers.csv}, {@code tokens.csv}, {@code dataset.json} covering every address,
 * and {@code labels.csv} naming the exchange hot wallets and DEX routers). The same seed and
 * size give byte-identical files; nothing depends on the clock or on hash order.
 *
 * <p>The shape imitates a slice of Ethereum mainnet:
 * <ul>
 *   <li>about one distinct address per {@value #TRANSFERS_PER_ADDRESS} transfers, chosen with a
 *       heavy tail (address {@code i} of {@code A} is drawn as {@code A·u³}, so the busiest 1 % of
 *       addresses make about a fifth of the ordinary transfers);
 *   <li>{@value #HOT_WALLETS} exchange hot wallets and {@value #ROUTERS} DEX routers/pools that
 *       take part in roughly a third of all transfers (deposits, withdrawals, swaps);
 *   <li>native ETH and ERC-20 transfers (the calling transaction's zero-value row plus the token
 *       event), swaps (ETH into a router, a token back from a pool), equal-lot splits (2–40
 *       lots of one round amount), consolidations (2–20 senders into one address), hot-wallet
 *       withdrawal runs and a trickle of imitation-token poisoning;
 *   <li>amounts both round (1–4 significant digits) and full-precision; full-precision 18-decimal
 *       amounts above 2<sup>63</sup> are common, as on mainnet;
 *   <li>80–200 transactions per 12-second block, so the data spans time and a time-respecting
 *       walk cannot reach everything.
 * </ul>
 * Token contracts are the bundled registry's real contracts (genuine assets the tracer follows)
 * plus two imitation tokens. Generation is O(transfers) time and O(addresses) memory.
 */
public final class TransferDataGenerator {
    /** Transfers per distinct ordinary address, on average. */
    public static final int TRANSFERS_PER_ADDRESS = 5;
    /** Exchange hot wallets. */
    public static final int HOT_WALLETS = 20;
    /** DEX routers and pools. */
    public static final int ROUTERS = 10;

    private static final long FIRST_BLOCK = 20_000_000L;
    private static final long FIRST_TIME = 1_717_000_000L;
    private static final String TRANSFER_CALL = "0xa9059cbb";

    /** A token the generator uses: contract, symbol, decimals, whether it is genuine. */
    private record Token(String contract, String symbol, int decimals) {
    }

    private static final Token[] TOKENS = {
        new Token("0xdac17f958d2ee523a2206206994597c13d831ec7", "USDT", 6),
        new Token("0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48", "USDC", 6),
        new Token("0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2", "WETH", 18),
        new Token("0x6b175474e89094c44da98b954eedeac495271d0f", "DAI", 18),
        new Token("0xae7ab96520de3a18e5e111b5eaab095312d7fe84", "stETH", 18),
        new Token("0x2260fac5e5542a773aa44fbcfedf7c193bc2c599", "WBTC", 8),
    };
    /** Imitation tokens (Cyrillic look-alike symbols on unknown contracts). */
    private static final Token[] FAKES = {
        new Token("0x0d99217c4084b141dcab56d83693994ba8fda911", "USDТ", 6),
        new Token("0x1c75a0e50e488a8ef04cb681d24486c74a2802d7", "USDС", 6),
    };

    /** The files {@link #write} writes into its directory. */
    static final List<String> FILES = List.of("dataset.json", "labels.csv", "token_transfers.csv", "tokens.csv", "transactions.csv");

    /** What was written. */
    public record Generated(Path dir, long transfers, long transactions, long tokenTransfers, int addresses,
                            List<Address> exchanges, List<Address> routers, long firstBlock, long lastBlock) {
    }

    private final long targetTransfers;
    private final long seed;

    /**
     * @param transfers how many transfers (graph edges: transaction rows plus token events) to write, at least 1000
     * @param seed      the random seed; the same seed and size give the same bytes
     */
    public TransferDataGenerator(long transfers, long seed) {
        if (transfers < 1000) {
            throw new IllegalArgumentException("at least 1000 transfers, got " + transfers);
        }
        this.targetTransfers = transfers;
        this.seed = seed;
    }

    /** Writes the files into {@code dir} (created if missing; existing files of the same names are replaced). */
    public Generated write(Path dir) {
        try {
            Files.createDirectories(dir);
            return new Run(dir).run();
        } catch (IOException e) {
            throw new SourceException.Unavailable(dir + ": cannot write benchmark data: " + e.getMessage(), e);
        }
    }

    /** One generation: the random stream and the writers. */
    private final class Run {
        private final Path dir;
        private final Random rnd = new Random(seed);
        private final int population;
        private final String[] ordinary;
        private final String[] hot = new String[HOT_WALLETS];
        private final String[] routers = new String[ROUTERS];
        private final StringBuilder line = new StringBuilder(512);
        private Writer txOut;
        private Writer tokOut;
        private long block = FIRST_BLOCK;
        private int txInBlock;
        private int blockSize;
        private long transfers;
        private long transactions;
        private long tokenTransfers;
        private long nonce;

        Run(Path dir) {
            this.dir = dir;
            this.population = (int) Math.max(1000, targetTransfers / TRANSFERS_PER_ADDRESS);
            this.ordinary = new String[population];
            for (int i = 0; i < HOT_WALLETS; i++) {
                hot[i] = randomAddress();
            }
            for (int i = 0; i < ROUTERS; i++) {
                routers[i] = randomAddress();
            }
            blockSize = 80 + rnd.nextInt(121);
        }

        Generated run() throws IOException {
            try (Writer tx = writer("transactions.csv"); Writer tok = writer("token_transfers.csv")) {
                txOut = tx;
                tokOut = tok;
                tx.write("hash,nonce,block_number,transaction_index,from_address,to_address,value,gas,gas_price,input,"
                        + "block_timestamp,receipt_status\n");
                tok.write("token_address,from_address,to_address,value,transaction_hash,log_index,block_number,"
                        + "block_timestamp\n");
                while (transfers < targetTransfers) {
                    event();
                }
            }
            try (Writer w = writer("tokens.csv")) {
                w.write("address,symbol,name,decimals,total_supply\n");
                for (Token t : TOKENS) {
                    w.write(t.contract + "," + t.symbol + "," + t.symbol + "," + t.decimals + ",\n");
                }
                for (Token t : FAKES) {
                    w.write(t.contract + "," + t.symbol + ",," + t.decimals + ",\n");
                }
            }
            List<Address> ex = new ArrayList<>();
            List<Address> ro = new ArrayList<>();
            try (Writer w = writer("labels.csv")) {
                w.write("chain,address,entity,category,source,confidence\n");
                for (int i = 0; i < HOT_WALLETS; i++) {
                    w.write("ethereum," + hot[i] + ",Exchange " + (i + 1) + " hot wallet,exchange,synthetic,90\n");
                    ex.add(Address.ofCanonical(Chain.ETHEREUM, hot[i]));
                }
                for (int i = 0; i < ROUTERS; i++) {
                    w.write("ethereum," + routers[i] + ",DEX " + (i + 1) + ",dex,synthetic,90\n");
                    ro.add(Address.ofCanonical(Chain.ETHEREUM, routers[i]));
                }
            }
            try (Writer w = writer("dataset.json")) {
                w.write("{\n  \"format\" : \"tracer-dataset/1\",\n  \"chain\" : \"ethereum\",\n  \"chain_id\" : 1,\n"
                        + "  \"blocks\" : {\n    \"first\" : " + FIRST_BLOCK + ",\n    \"last\" : " + block + "\n  },\n"
                        + "  \"coverage\" : {\n    \"every_address\" : true,\n    \"complete_outflows\" : [ ],\n"
                        + "    \"complete_inflows\" : [ ]\n  },\n"
                        + "  \"description\" : \"synthetic benchmark data: " + transfers + " transfers, seed " + seed + "\"\n}\n");
            }
            int used = 0;
            for (String s : ordinary) {
                used += s == null ? 0 : 1;
            }
            return new Generated(dir, transfers, transactions, tokenTransfers, used + HOT_WALLETS + ROUTERS,
                    List.copyOf(ex), List.copyOf(ro), FIRST_BLOCK, block);
        }

        private Writer writer(String name) throws IOException {
            return new BufferedWriter(Files.newBufferedWriter(dir.resolve(name), StandardCharsets.UTF_8), 1 << 16);
        }

        // ---- events ----

        private void event() throws IOException {
            int r = rnd.nextInt(100);
            if (r < 38) {
                eth(pick(), pick(), ethAmount());
            } else if (r < 50) {
                eth(pick(), hotWallet(), ethAmount());
            } else if (r < 58) {
                if (rnd.nextBoolean()) {
                    eth(hotWallet(), pick(), ethAmount());
                } else {
                    token(hotWallet(), pick(), TOKENS[rnd.nextInt(2)]);
                }
            } else if (r < 78) {
                token(pick(), pick(), TOKENS[rnd.nextInt(TOKENS.length)]);
            } else if (r < 87) {
                swap();
            } else if (r < 91) {
                split();
            } else if (r < 95) {
                consolidation();
            } else if (r < 97) {
                poison();
            } else {
                withdrawals();
            }
        }

        private void eth(String from, String to, String value) throws IOException {
            String hash = nextTx();
            transaction(hash, from, to, value, "0x");
        }

        private void token(String from, String to, Token t) throws IOException {
            String hash = nextTx();
            if (transaction(hash, from, t.contract, "0", TRANSFER_CALL + pad(to) + pad(Long.toHexString(rnd.nextLong() >>> 1)))) {
                tokenTransfer(t, from, to, tokenAmount(t), hash, 0);
            }
        }

        /** ETH into a router; a token back to the user from a pool; the router's fee to a pool. */
        private void swap() throws IOException {
            String user = pick();
            String router = routers[rnd.nextInt(ROUTERS / 2)];
            String pool = routers[ROUTERS / 2 + rnd.nextInt(ROUTERS / 2)];
            String hash = nextTx();
            if (transaction(hash, user, router, ethAmount(), "0x3593564c" + pad(user))) {
                Token t = TOKENS[rnd.nextInt(TOKENS.length)];
                tokenTransfer(TOKENS[2], router, pool, tokenAmount(TOKENS[2]), hash, 3);
                tokenTransfer(t, pool, user, tokenAmount(t), hash, 7);
            }
        }

        /** One address sends 2–40 equal round lots to fresh-looking addresses, one transaction each. */
        private void split() throws IOException {
            String from = pick();
            int k = 2 + rnd.nextInt(39);
            String lot = round(1 + rnd.nextInt(9), 17 + rnd.nextInt(4));
            for (int i = 0; i < k; i++) {
                eth(from, pick(), lot);
            }
        }

        /** 2–20 addresses send their funds to one address. */
        private void consolidation() throws IOException {
            String to = pick();
            int k = 2 + rnd.nextInt(19);
            for (int i = 0; i < k; i++) {
                eth(pick(), to, ethAmount());
            }
        }

        /** A zero-value or imitation-token transfer aimed at a busy address. */
        private void poison() throws IOException {
            Token fake = FAKES[rnd.nextInt(FAKES.length)];
            String attacker = pick();
            String hash = nextTx();
            if (transaction(hash, attacker, fake.contract, "0", TRANSFER_CALL + pad(attacker))) {
                tokenTransfer(fake, pick(), pick(), rnd.nextBoolean() ? "0" : tokenAmount(fake), hash, 0);
            }
        }

        /** A hot wallet pays out 5–50 withdrawals. */
        private void withdrawals() throws IOException {
            String from = hotWallet();
            int k = 5 + rnd.nextInt(46);
            for (int i = 0; i < k; i++) {
                if (rnd.nextInt(3) == 0) {
                    token(from, pick(), TOKENS[rnd.nextInt(2)]);
                } else {
                    eth(from, pick(), ethAmount());
                }
            }
        }

        // ---- rows ----

        private String nextTx() {
            if (txInBlock >= blockSize) {
                block++;
                txInBlock = 0;
                blockSize = 80 + rnd.nextInt(121);
            }
            txInBlock++;
            transactions++;
            return "0x" + hex64() + hex64() + hex64() + hex64();
        }

        private long time() {
            return FIRST_TIME + 12 * (block - FIRST_BLOCK);
        }

        /** Writes a transaction row; false when it failed (receipt status 0: it moves nothing). */
        private boolean transaction(String hash, String from, String to, String value, String input) throws IOException {
            StringBuilder b = line;
            b.setLength(0);
            b.append(hash).append(',').append(nonce++ % 5000).append(',').append(block).append(',')
                    .append(txInBlock - 1).append(',').append(from).append(',').append(to).append(',').append(value)
                    .append(',').append(21_000 + rnd.nextInt(200_000)).append(',').append(1 + rnd.nextInt(90))
                    .append("000000000,").append(input).append(',').append(time()).append(',')
                    .append(rnd.nextInt(200) == 0 ? '0' : '1').append('\n');
            txOut.append(b);
            boolean ok = b.charAt(b.length() - 2) == '1';
            if (ok) {
                transfers++;
            }
            return ok;
        }

        private void tokenTransfer(Token t, String from, String to, String value, String hash, int logIndex) throws IOException {
            StringBuilder b = line;
            b.setLength(0);
            b.append(t.contract).append(',').append(from).append(',').append(to).append(',').append(value).append(',')
                    .append(hash).append(',').append(logIndex).append(',').append(block).append(',').append(time())
                    .append('\n');
            tokOut.append(b);
            transfers++;
            tokenTransfers++;
        }

        // ---- values ----

        private String pick() {
            double u = rnd.nextDouble();
            int i = (int) (population * u * u * u);
            String a = ordinary[i];
            if (a == null) {
                a = randomAddress();
                ordinary[i] = a;
            }
            return a;
        }

        private String hotWallet() {
            double u = rnd.nextDouble();
            return hot[(int) (HOT_WALLETS * u * u)];
        }

        private String randomAddress() {
            return "0x" + hex64() + hex64() + hex64().substring(0, 8);
        }

        private String hex64() {
            String h = Long.toHexString(rnd.nextLong());
            return "0".repeat(16 - h.length()) + h;
        }

        private static String pad(String hex) {
            String h = hex.startsWith("0x") ? hex.substring(2) : hex;
            return "0".repeat(Math.max(0, 64 - h.length())) + h;
        }

        /** 0.001 to 1000 ETH in wei; 70 % round (1–4 significant digits), 30 % full precision. */
        private String ethAmount() {
            int digits = 16 + rnd.nextInt(7); // 10^15 .. 10^22 wei
            return rnd.nextInt(10) < 7 ? round(1 + rnd.nextInt(4), digits) : precise(digits);
        }

        private String tokenAmount(Token t) {
            if (t.decimals <= 8) {
                int digits = t.decimals + 1 + rnd.nextInt(6);
                return rnd.nextBoolean() ? round(1 + rnd.nextInt(3), digits) : precise(digits);
            }
            int digits = 16 + rnd.nextInt(9); // 0.001 to 1,000,000 tokens
            return rnd.nextBoolean() ? round(1 + rnd.nextInt(4), digits) : precise(digits);
        }

        /** A number of {@code digits} digits whose first {@code significant} are random, the rest zeros. */
        private String round(int significant, int digits) {
            StringBuilder b = new StringBuilder(digits);
            b.append((char) ('1' + rnd.nextInt(9)));
            for (int i = 1; i < digits; i++) {
                b.append(i < significant ? (char) ('0' + rnd.nextInt(10)) : '0');
            }
            return b.toString();
        }

        private String precise(int digits) {
            return round(digits, digits);
        }
    }
}
