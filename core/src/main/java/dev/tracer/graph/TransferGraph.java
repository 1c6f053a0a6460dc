package dev.tracer.graph;

import dev.tracer.model.Address;
import dev.tracer.model.Asset;
import dev.tracer.model.Chain;
import dev.tracer.model.Transfer;
import dev.tracer.model.TransferKind;
import dev.tracer.model.TxHash;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An immutable, compact store of transfers.
 *
 * <p>Layout: transfer {@code e} (an int, 0..{@link #edgeCount()}-1) is a row across primitive
 * columns; rows are sorted in chain order (block, transaction index, hash, position), so a
 * smaller edge id is never later on chain. Addresses, assets and transaction hashes are interned
 * to ints in sorted order, so ids are the same for the same data whatever order it was added in.
 *
 * <p>Per transfer the heap holds five ints and one long (sender, receiver, asset/kind/exponent
 * packed in one int, transaction, position, and the amount as a long mantissa with a
 * power-of-ten exponent — {@code 10,000 ETH = 1 × 10^22 wei}; the rare amount that does not fit
 * goes to a side table) plus one int in each adjacency list: 36 bytes. Blocks and their times are
 * a run-length table (edges are sorted by block). Each transaction's record (32 raw hash bytes,
 * its index in the block, its first transfer, its chain) is 41 bytes in an off-heap buffer. EVM addresses are packed 20-byte words found through an
 * open-addressing index; other vertices (Bitcoin addresses, outputs, transactions) are kept as
 * objects. Adjacency is compressed sparse rows, by sender and by receiver, each listing edge ids
 * in ascending (chronological) order.
 *
 * <p>Building sorts: O(E log E). Lookups are O(1) except {@link #block(int)},
 * {@link #epochSecond(int)} (O(log blocks)) and {@link #edgesOf(TxHash)} (O(log transactions)).
 */
public final class TransferGraph {
    private static final int BIG = 127;
    private static final TransferKind[] KINDS = TransferKind.values();
    private static final BigInteger[] TEN_POW = new BigInteger[78];

    static {
        for (int i = 0; i < TEN_POW.length; i++) {
            TEN_POW[i] = BigInteger.TEN.pow(i);
        }
    }

    // vertices
    private final int addressCount;
    private final Chain[] chains;
    private final byte[] chainOf;
    private final long[] evmWords;      // 3 longs per vertex: the 20 address bytes (packed vertices only)
    private final Address[] objects;    // null where the vertex is a packed EVM address
    private final int[] index;          // open addressing over packed EVM addresses: id + 1, 0 = empty
    private final Map<Address, Integer> otherIds;

    private final Asset[] assets;

    // transactions
    private final int txCount;
    private static final int TX_STRIDE = 41; // hash 32, index in block 4, first edge 4, chain 1
    private final ByteBuffer txs;       // off-heap
    private final boolean[] txEvm;      // hash display form per chain

    // transfers
    private final int[] src;
    private final int[] dst;
    private final int[] packed;         // asset (22 bits) | kind (3 bits) | exponent (7 bits)
    private final int[] tx;
    private final int[] position;
    private final long[] mantissa;
    private final Map<Integer, BigInteger> bigAmounts;

    // blocks, run-length: blockFirstEdge[i] is the first edge of block blockNumber[i]
    private final int[] blockFirstEdge;
    private final long[] blockNumber;
    private final long[] blockTime;

    private final int[] outStart;
    private final int[] outEdges;
    private final int[] inStart;
    private final int[] inEdges;

    private TransferGraph(Builder b) {
        // a transaction has one index in its block; rows that do not know it (token transfers
        // from ethereum-etl) take it from a row of the same transaction that does
        Map<TxHash, Integer> known = new HashMap<>();
        for (Transfer t : b.rows) {
            if (t.txIndex() >= 0) {
                known.merge(t.tx(), t.txIndex(), Math::max);
            }
        }
        List<Transfer> rows = new ArrayList<>(b.rows.size());
        for (Transfer t : b.rows) {
            Integer i = known.get(t.tx());
            rows.add(i == null || i == t.txIndex() ? t : new Transfer(t.chain(), t.tx(), i, t.position(), t.from(), t.to(),
                    t.asset(), t.amount(), t.block(), t.time(), t.kind()));
        }
        b.rows.clear();
        rows.sort(Transfer.CHAIN_ORDER);

        // vertices, in sorted order
        TreeSet<Address> addressSet = new TreeSet<>();
        TreeMap<String, Chain> chainSet = new TreeMap<>();
        TreeSet<Asset> assetSet = new TreeSet<>();
        for (Transfer t : rows) {
            addressSet.add(t.from());
            addressSet.add(t.to());
            assetSet.add(t.asset());
            chainSet.put(t.chain().name(), t.chain());
        }
        chains = chainSet.values().toArray(new Chain[0]);
        if (chains.length > 127) {
            throw new IllegalArgumentException("too many chains in one graph: " + chains.length);
        }
        Map<Chain, Integer> chainIds = new HashMap<>();
        for (int i = 0; i < chains.length; i++) {
            chainIds.put(chains[i], i);
        }
        addressCount = addressSet.size();
        chainOf = new byte[addressCount];
        evmWords = new long[3 * addressCount];
        objects = new Address[addressCount];
        otherIds = new HashMap<>();
        int capacity = Integer.highestOneBit(Math.max(4, addressCount * 2 - 1)) << 1;
        index = new int[capacity];
        Map<Address, Integer> addressIds = new HashMap<>(addressCount * 2);
        int id = 0;
        for (Address a : addressSet) {
            chainOf[id] = (byte) (int) chainIds.get(a.chain());
            if (a.chain().isEvm() && a.kind() == Address.Kind.ACCOUNT) {
                pack(a.value(), evmWords, 3 * id);
                insert(id);
            } else {
                objects[id] = a;
                otherIds.put(a, id);
            }
            addressIds.put(a, id);
            id++;
        }
        assets = assetSet.toArray(new Asset[0]);
        if (assets.length >= (1 << 22)) {
            throw new IllegalArgumentException("too many assets in one graph: " + assets.length);
        }
        Map<Asset, Integer> assetIds = new HashMap<>();
        for (int i = 0; i < assets.length; i++) {
            assetIds.put(assets[i], i);
        }

        // transactions, in hash order
        TreeMap<TxHash, Transfer> txSet = new TreeMap<>();
        for (Transfer t : rows) {
            txSet.putIfAbsent(t.tx(), t);
        }
        txCount = txSet.size();
        txs = ByteBuffer.allocateDirect(Math.max(1, TX_STRIDE * txCount));
        txEvm = new boolean[chains.length];
        for (int i = 0; i < chains.length; i++) {
            txEvm[i] = chains[i].isEvm();
        }
        Map<TxHash, Integer> txIds = new HashMap<>(txCount * 2);
        int ti = 0;
        for (Map.Entry<TxHash, Transfer> en : txSet.entrySet()) {
            String hex = en.getKey().value();
            hex = hex.startsWith("0x") ? hex.substring(2) : hex;
            int at = TX_STRIDE * ti;
            for (int k = 0; k < 32; k++) {
                txs.put(at + k, (byte) Integer.parseInt(hex, 2 * k, 2 * k + 2, 16));
            }
            txs.putInt(at + 32, en.getValue().txIndex());
            txs.putInt(at + 36, -1);
            txs.put(at + 40, (byte) (int) chainIds.get(en.getValue().chain()));
            txIds.put(en.getKey(), ti);
            ti++;
        }

        int m = rows.size();
        src = new int[m];
        dst = new int[m];
        packed = new int[m];
        tx = new int[m];
        position = new int[m];
        mantissa = new long[m];
        bigAmounts = new HashMap<>();
        List<Integer> firsts = new ArrayList<>();
        List<Long> numbers = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        for (int e = 0; e < m; e++) {
            Transfer t = rows.get(e);
            src[e] = addressIds.get(t.from());
            dst[e] = addressIds.get(t.to());
            int txId = txIds.get(t.tx());
            tx[e] = txId;
            if (txs.getInt(TX_STRIDE * txId + 36) < 0) {
                txs.putInt(TX_STRIDE * txId + 36, e);
            }
            position[e] = t.position();
            int exponent = encodeAmount(e, t.amount());
            packed[e] = (assetIds.get(t.asset()) << 10) | (t.kind().ordinal() << 7) | exponent;
            if (numbers.isEmpty() || numbers.get(numbers.size() - 1) != t.block()) {
                firsts.add(e);
                numbers.add(t.block());
                times.add(t.time().getEpochSecond());
            } else if (times.get(times.size() - 1) != t.time().getEpochSecond()) {
                throw new dev.tracer.model.InvalidInputException("block " + t.block() + " has two times ("
                        + Instant.ofEpochSecond(times.get(times.size() - 1)) + " and " + t.time() + ") in transaction " + t.tx());
            }
        }
        blockFirstEdge = firsts.stream().mapToInt(Integer::intValue).toArray();
        blockNumber = numbers.stream().mapToLong(Long::longValue).toArray();
        blockTime = times.stream().mapToLong(Long::longValue).toArray();
        outStart = new int[addressCount + 1];
        inStart = new int[addressCount + 1];
        outEdges = new int[m];
        inEdges = new int[m];
        csr(src, outStart, outEdges);
        csr(dst, inStart, inEdges);
    }

    private int encodeAmount(int e, BigInteger v) {
        if (v.signum() == 0) {
            mantissa[e] = 0;
            return 0;
        }
        BigInteger m = v;
        int exp = 0;
        while (exp < 76) {
            BigInteger[] qr = m.divideAndRemainder(BigInteger.TEN);
            if (qr[1].signum() != 0) {
                break;
            }
            m = qr[0];
            exp++;
        }
        if (m.bitLength() < 64) {
            mantissa[e] = m.longValue();
            return exp;
        }
        bigAmounts.put(e, v);
        return BIG;
    }

    private static void csr(int[] endpoint, int[] start, int[] edges) {
        for (int v : endpoint) {
            start[v + 1]++;
        }
        for (int i = 0; i < start.length - 1; i++) {
            start[i + 1] += start[i];
        }
        int[] fill = Arrays.copyOf(start, start.length - 1);
        for (int e = 0; e < endpoint.length; e++) {
            edges[fill[endpoint[e]]++] = e;
        }
    }

    // ---- packed EVM addresses ----

    private static void pack(String canonical, long[] words, int at) {
        long w0 = 0;
        long w1 = 0;
        long w2 = 0;
        for (int i = 0; i < 40; i++) {
            long nibble = Character.digit(canonical.charAt(2 + i), 16);
            if (i < 16) {
                w0 = (w0 << 4) | nibble;
            } else if (i < 32) {
                w1 = (w1 << 4) | nibble;
            } else {
                w2 = (w2 << 4) | nibble;
            }
        }
        words[at] = w0;
        words[at + 1] = w1;
        words[at + 2] = w2;
    }

    private static int hash(long w0, long w1, long w2) {
        long h = w0 * 0x9E3779B97F4A7C15L ^ w1 * 0xC2B2AE3D27D4EB4FL ^ w2 * 0x165667B19E3779F9L;
        return (int) (h ^ (h >>> 32));
    }

    private void insert(int id) {
        int mask = index.length - 1;
        int slot = hash(evmWords[3 * id], evmWords[3 * id + 1], evmWords[3 * id + 2]) & mask;
        while (index[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        index[slot] = id + 1;
    }

    private int findPacked(Chain chain, String canonical) {
        long[] w = new long[3];
        pack(canonical, w, 0);
        int mask = index.length - 1;
        int slot = hash(w[0], w[1], w[2]) & mask;
        while (index[slot] != 0) {
            int id = index[slot] - 1;
            if (evmWords[3 * id] == w[0] && evmWords[3 * id + 1] == w[1] && evmWords[3 * id + 2] == w[2]
                    && chains[chainOf[id]].equals(chain)) {
                return id;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    private static String unpack(long[] words, int at) {
        char[] c = new char[42];
        c[0] = '0';
        c[1] = 'x';
        for (int i = 0; i < 40; i++) {
            long w = i < 16 ? words[at] : i < 32 ? words[at + 1] : words[at + 2];
            int shift = i < 32 ? 4 * (15 - (i % 16)) : 4 * (7 - (i - 32));
            c[2 + i] = Character.forDigit((int) ((w >>> shift) & 0xF), 16);
        }
        return new String(c);
    }

    public static Builder builder() {
        return new Builder();
    }

    public int addressCount() {
        return addressCount;
    }

    public int edgeCount() {
        return src.length;
    }

    public int assetCount() {
        return assets.length;
    }

    public int txCount() {
        return txCount;
    }

    /** The vertex with this id (allocates for packed EVM addresses). */
    public Address address(int id) {
        Address o = objects[id];
        return o != null ? o : Address.ofCanonical(chains[chainOf[id]], unpack(evmWords, 3 * id));
    }

    public OptionalInt idOf(Address a) {
        if (a.chain().isEvm() && a.kind() == Address.Kind.ACCOUNT) {
            int id = findPacked(a.chain(), a.value());
            return id < 0 ? OptionalInt.empty() : OptionalInt.of(id);
        }
        Integer id = otherIds.get(a);
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    public Asset asset(int assetId) {
        return assets[assetId];
    }

    public int from(int e) {
        return src[e];
    }

    public int to(int e) {
        return dst[e];
    }

    public int assetId(int e) {
        return packed[e] >>> 10;
    }

    public Asset assetOf(int e) {
        return assets[packed[e] >>> 10];
    }

    public BigInteger amount(int e) {
        int x = packed[e] & 0x7F;
        if (x == BIG) {
            return bigAmounts.get(e);
        }
        BigInteger m = BigInteger.valueOf(mantissa[e]);
        return x == 0 ? m : m.multiply(TEN_POW[x]);
    }

    public boolean isZeroAmount(int e) {
        return (packed[e] & 0x7F) != BIG && mantissa[e] == 0;
    }

    private int blockRow(int e) {
        int i = Arrays.binarySearch(blockFirstEdge, e);
        return i >= 0 ? i : -i - 2;
    }

    /** Block number, by binary search over the run-length block table: O(log blocks). */
    public long block(int e) {
        return blockNumber[blockRow(e)];
    }

    /** Block time in Unix seconds, from the block table: O(log blocks). */
    public long epochSecond(int e) {
        return blockTime[blockRow(e)];
    }

    public Instant time(int e) {
        return Instant.ofEpochSecond(epochSecond(e));
    }

    /** The transaction's id (transactions are numbered in hash order). */
    public int txId(int e) {
        return tx[e];
    }

    public boolean sameTx(int e1, int e2) {
        return tx[e1] == tx[e2];
    }

    public TxHash tx(int e) {
        return txHash(tx[e]);
    }

    private TxHash txHash(int txId) {
        char[] c = new char[64];
        for (int k = 0; k < 32; k++) {
            int v = txs.get(TX_STRIDE * txId + k) & 0xFF;
            c[2 * k] = Character.forDigit(v >>> 4, 16);
            c[2 * k + 1] = Character.forDigit(v & 0xF, 16);
        }
        String hex = new String(c);
        return new TxHash(txEvm[txs.get(TX_STRIDE * txId + 40)] ? "0x" + hex : hex);
    }

    /** The transfers of transaction {@code h}, in chain order (empty when it is not in the graph). */
    public int[] edgesOf(TxHash h) {
        String hex = h.value().startsWith("0x") ? h.value().substring(2) : h.value();
        byte[] want = new byte[32];
        for (int k = 0; k < 32; k++) {
            want[k] = (byte) Integer.parseInt(hex, 2 * k, 2 * k + 2, 16);
        }
        int lo = 0;
        int hi = txCount - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = compareHash(mid, want);
            if (c == 0) {
                int first = txs.getInt(TX_STRIDE * mid + 36);
                int last = first;
                while (last + 1 < src.length && tx[last + 1] == mid) {
                    last++;
                }
                int[] out = new int[last - first + 1];
                for (int i = 0; i < out.length; i++) {
                    out[i] = first + i;
                }
                return out;
            }
            if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return new int[0];
    }

    private int compareHash(int txId, byte[] want) {
        for (int k = 0; k < 32; k++) {
            int c = Integer.compare(txs.get(TX_STRIDE * txId + k) & 0xFF, want[k] & 0xFF);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    public int position(int e) {
        return position[e];
    }

    public TransferKind kind(int e) {
        return KINDS[(packed[e] >>> 7) & 0x7];
    }

    /** The transfer as a value object (allocates; for reports, not for hot loops). */
    public Transfer transfer(int e) {
        Asset a = assetOf(e);
        return new Transfer(a.chain(), tx(e), txs.getInt(TX_STRIDE * tx[e] + 32), position[e], address(src[e]),
                address(dst[e]), a, amount(e), block(e), time(e), kind(e));
    }

    /** Number of transfers sent by address {@code a}. */
    public int outDegree(int a) {
        return outStart[a + 1] - outStart[a];
    }

    /** The {@code i}-th transfer sent by {@code a}, in chain order. */
    public int outEdge(int a, int i) {
        return outEdges[outStart[a] + i];
    }

    public int inDegree(int a) {
        return inStart[a + 1] - inStart[a];
    }

    /** The {@code i}-th transfer received by {@code a}, in chain order. */
    public int inEdge(int a, int i) {
        return inEdges[inStart[a] + i];
    }

    /** This graph as a read-only JGraphT graph (no copy): vertices are address ids, edges transfer ids. */
    public JGraphTView asJGraphT() {
        return new JGraphTView(this);
    }

    /** Chains present, in name order. */
    public List<Chain> chains() {
        return List.of(chains);
    }

    /** Collects transfers; {@link #build()} sorts and packs them. Not thread-safe. */
    public static final class Builder {
        private final List<Transfer> rows = new ArrayList<>();
        private boolean built;

        private Builder() {
        }

        public Builder add(Transfer t) {
            if (built) {
                throw new IllegalStateException("builder already built");
            }
            rows.add(Objects.requireNonNull(t, "transfer"));
            return this;
        }

        public Builder addAll(Iterable<Transfer> ts) {
            ts.forEach(this::add);
            return this;
        }

        public TransferGraph build() {
            if (built) {
                throw new IllegalStateException("builder already built");
            }
            built = true;
            return new TransferGraph(this);
        }
    }
}
