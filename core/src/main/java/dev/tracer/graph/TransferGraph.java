package dev.tracer.graph;

import dev.tracer.model.Address;
import dev.tracer.model.Asset;
import dev.tracer.model.Chain;
import dev.tracer.model.InvalidInputException;
import dev.tracer.model.Transfer;
import dev.tracer.model.TransferKind;
import dev.tracer.model.TxHash;
import java.math.BigInteger;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

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
 * power-of-ten exponent — {@code 10,000 ETH = 1 × 10^22 wei}) plus one int in each adjacency
 * list: 36 bytes. An amount whose mantissa does not fit a long keeps its low 64 bits in the
 * column and its high 64 bits and exponent in a side table sorted by edge (13 bytes more; the
 * rare mantissa beyond 128 bits is kept as a {@link BigInteger}). Blocks and their times are a
 * run-length table (edges are sorted by block). Each transaction's record (32 raw hash bytes,
 * its index in the block, its first transfer, its chain) is 41 bytes in an off-heap buffer. EVM
 * addresses are packed 20-byte words found through an open-addressing index (load ≤ 3/4); other
 * vertices (Bitcoin addresses, outputs, transactions) are kept as objects. Adjacency is
 * compressed sparse rows, by sender and by receiver, each listing edge ids in ascending
 * (chronological) order.
 *
 * <p>Building interns addresses as rows arrive (no address, hash or amount object per row on the
 * {@link Builder#add(Builder.EvmRow)} path), numbers transactions by sorting the rows' hashes, and
 * sorts ids with a natural merge sort: O(E) for input already in a few chain-ordered runs,
 * O(E log E) at worst. Lookups are O(1) except {@link #block(int)}, {@link #epochSecond(int)}
 * (O(log blocks)), {@link #amount(int)} and {@link #amountHigh(int)} of a wide amount (O(log wide amounts)) and
 * {@link #edgesOf(TxHash)} (O(log transactions)).
 */
public final class TransferGraph {
    private static final int BIG = 127;
    private static final TransferKind[] KINDS = TransferKind.values();
    private static final BigInteger[] TEN_POW = new BigInteger[78];
    /** 10^0 … 10^19 as unsigned longs: 10^18 is the largest a signed long holds, 10^19 only unsigned. */
    private static final long[] U_POW = new long[20];
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    static {
        U_POW[0] = 1;
        for (int i = 1; i < U_POW.length; i++) {
            U_POW[i] = 10 * U_POW[i - 1];
        }
        for (int i = 0; i < TEN_POW.length; i++) {
            TEN_POW[i] = BigInteger.TEN.pow(i);
        }
    }

    // vertices
    private final int addressCount;
    private final Chain[] chains;
    private final byte[] chainOf;       // null when there is one chain
    private final long[] evmWords;      // 3 longs per vertex: the 20 address bytes (packed vertices only)
    private final Address[] objects;    // null when every vertex is packed; else null where packed
    private final int[] index;          // open addressing over packed EVM addresses: id + 1, 0 = empty
    private final Map<Address, Integer> otherIds;

    private final Asset[] assets;

    // transactions
    private final int txCount;
    private static final int TX_STRIDE = 41; // hash 32, index in block 4, first edge 4, chain 1
    private final ByteBuffer txs;       // off-heap

    // transfers
    private final int[] src;
    private final int[] dst;
    private final int[] packed;         // asset (22 bits) | kind (3 bits) | exponent (7 bits)
    private final int[] tx;
    private final int[] position;
    private final long[] mantissa;      // the low 64 bits for a wide amount
    // wide amounts (exponent field BIG), sorted by edge: high 64 bits and exponent
    private final int[] wideEdges;
    private final long[] wideHigh;
    private final byte[] wideExp;
    private final Map<Integer, BigInteger> hugeAmounts; // mantissa beyond 128 bits (whole value)

    // blocks, run-length: blockFirstEdge[i] is the first edge of block blockNumber[i]
    private final int[] blockFirstEdge;
    private final long[] blockNumber;
    private final long[] blockTime;

    private final int[] outStart;
    private final int[] outEdges;
    private final int[] inStart;
    private final int[] inEdges;

    private TransferGraph(Builder b) {
        int m = b.rows;
        int nv = b.vertexCount;
        boolean parallel = m >= b.parallelRows; // large enough to put parts of the build on a second thread
        // grouping rows into transactions (a sort by hash) and ordering the vertices (below) are
        // independent: on a large graph the grouping runs on a second thread meanwhile
        Parallel<Builder.Txs> grouping = new Parallel<>(() -> b.transactions(parallel), parallel);

        // chains, in name order
        List<Chain> chainList = new ArrayList<>(b.chains);
        chainList.sort((x, y) -> x.name().compareTo(y.name()));
        if (chainList.size() > 127) {
            throw new IllegalArgumentException("too many chains in one graph: " + chainList.size());
        }
        chains = chainList.toArray(new Chain[0]);
        int[] chainMap = new int[b.chains.size()];
        for (int i = 0; i < chainMap.length; i++) {
            chainMap[i] = chainList.indexOf(b.chains.get(i));
        }

        // assets, in their natural order
        Integer[] assetOrder = new Integer[b.assets.size()];
        for (int i = 0; i < assetOrder.length; i++) {
            assetOrder[i] = i;
        }
        Arrays.sort(assetOrder, (x, y) -> b.assets.get(x).compareTo(b.assets.get(y)));
        if (assetOrder.length >= (1 << 22)) {
            throw new IllegalArgumentException("too many assets in one graph: " + assetOrder.length);
        }
        assets = new Asset[assetOrder.length];
        int[] assetRank = new int[assetOrder.length];
        for (int i = 0; i < assetOrder.length; i++) {
            assets[i] = b.assets.get(assetOrder[i]);
            assetRank[assetOrder[i]] = i;
        }

        // vertices, in (chain name, canonical text) order
        int[] vOrder;
        if (b.chains.size() == 1 && b.vObjects.isEmpty()) {
            // one chain, all packed: the order is that of the words, led by the first
            vOrder = IntSort.byKey(nv, v -> b.vWords[3 * v], (x, y) -> b.compareVertices(x, y, chainMap));
        } else {
            vOrder = identity(nv);
            IntSort.sort(vOrder, (x, y) -> b.compareVertices(x, y, chainMap));
        }
        int[] vRank = new int[nv];
        for (int i = 0; i < nv; i++) {
            vRank[vOrder[i]] = i;
        }
        addressCount = nv;
        chainOf = chains.length > 1 ? new byte[nv] : null;
        evmWords = new long[3 * nv];
        boolean anyObject = !b.objectIds.isEmpty();
        objects = anyObject ? new Address[nv] : null;
        otherIds = new HashMap<>();
        int capacity = Integer.highestOneBit(Math.max(4, (nv * 4 + 2) / 3)) << 1;
        index = new int[capacity];
        for (int id = 0; id < nv; id++) {
            int v = vOrder[id];
            if (chainOf != null) {
                chainOf[id] = (byte) chainMap[b.vChain[v]];
            }
            Address o = b.vObject(v);
            if (o == null) {
                evmWords[3 * id] = b.vWords[3 * v];
                evmWords[3 * id + 1] = b.vWords[3 * v + 1];
                evmWords[3 * id + 2] = b.vWords[3 * v + 2];
                insert(id);
            } else {
                objects[id] = o;
                otherIds.put(o, id);
            }
        }

        Builder.Txs txGroups = grouping.join();
        int nt = txGroups.count();
        // the transaction table is written on the second thread while this one orders the rows
        Parallel<ByteBuffer> table = new Parallel<>(() -> b.txTable(txGroups), parallel);

        // rows, in chain order: block, the transaction's index in its block, hash, position; stable
        // (transactions are numbered in hash order)
        int[] rOrder = identity(m);
        long[] rBlock = b.rBlock;
        int[] rTx = txGroups.ofRow();
        int[] rPos = b.rPosition;
        int[] txIndex = txGroups.index();
        // each row's transaction index, read once per row here rather than at random in every comparison
        // (transactions are numbered in hash order)
        int[] rIndex = new int[m];
        for (int r = 0; r < m; r++) {
            rIndex[r] = txIndex[rTx[r]];
        }
        IntSort.sort(rOrder, (x, y) -> {
            int c = Long.compare(rBlock[x], rBlock[y]);
            if (c != 0) {
                return c;
            }
            c = Integer.compare(rIndex[x], rIndex[y]);
            if (c != 0) {
                return c;
            }
            c = Integer.compare(rTx[x], rTx[y]);
            return c != 0 ? c : Integer.compare(rPos[x], rPos[y]);
        });

        txCount = nt;
        // each transaction's first transfer and chain, set in the fill below, then written in tx order
        int[] firstEdge = new int[nt];
        Arrays.fill(firstEdge, -1);
        byte[] txChain = new byte[nt];

        // the endpoints and their adjacency are filled on the second thread meanwhile
        int[] rowOrder = rOrder;
        Parallel<Endpoints> endpoints = new Parallel<>(() -> Endpoints.of(rowOrder, b.rSrc, b.rDst, vRank, nv),
                parallel);
        packed = new int[m];
        tx = new int[m];
        position = new int[m];
        mantissa = new long[m];
        hugeAmounts = new HashMap<>();
        int wides = 0;
        wides = b.wideCount;
        wideEdges = new int[wides];
        wideHigh = new long[wides];
        wideExp = new byte[wides];
        int w = 0;
        int[] wideAt = null; // per row: its place in the builder's wide table (only when there are wide rows)
        if (b.wideCount > 0) {
            wideAt = new int[m];
            for (int i = 0; i < b.wideCount; i++) {
                wideAt[b.wideRows[i]] = i;
            }
        }
        IntList firsts = new IntList();
        LongList numbers = new LongList();
        LongList times = new LongList();
        for (int e = 0; e < m; e++) {
            int r = rOrder[e];
            int txId = rTx[r];
            tx[e] = txId;
            if (firstEdge[txId] < 0) {
                firstEdge[txId] = e;
                // the transaction's chain is that of its first transfer in chain order
                txChain[txId] = (byte) chainMap[b.assetChain[b.rAsset[r]]];
            }
            position[e] = rPos[r];
            int exponent = b.rExp[r];
            mantissa[e] = b.rMantissa[r];
            if (exponent == BIG) {
                BigInteger h = b.huge.isEmpty() ? null : b.huge.get(r);
                if (h != null) {
                    hugeAmounts.put(e, h);
                } else {
                    int i = wideAt[r];
                    wideEdges[w] = e;
                    wideHigh[w] = b.wideHighs[i];
                    wideExp[w] = b.wideExps[i];
                    w++;
                }
            }
            packed[e] = (assetRank[b.rAsset[r]] << 10) | (b.rKind[r] << 7) | exponent;
            long block = rBlock[r];
            long time = b.rTime[r];
            if (numbers.size() == 0 || numbers.last() != block) {
                firsts.add(e);
                numbers.add(block);
                times.add(time);
            } else if (times.last() != time) {
                table.join(); // neither left running
                endpoints.join();
                throw new InvalidInputException("block " + block + " has two times ("
                        + Instant.ofEpochSecond(times.last()) + " and " + Instant.ofEpochSecond(time) + ") in transaction "
                        + b.rowHashText(r));
            }
        }
        txs = table.join();
        for (int t = 0; t < nt; t++) {
            txs.putInt(TX_STRIDE * t + 36, firstEdge[t]);
            txs.put(TX_STRIDE * t + 40, txChain[t]);
        }
        blockFirstEdge = firsts.toArray();
        blockNumber = numbers.toArray();
        blockTime = times.toArray();
        Endpoints ends = endpoints.join();
        src = ends.src();
        dst = ends.dst();
        outStart = ends.outStart();
        outEdges = ends.outEdges();
        inStart = ends.inStart();
        inEdges = ends.inEdges();
    }

    /** Each edge's endpoints (vertex ids, edges in chain order) and the two adjacency indexes over them. */
    private record Endpoints(int[] src, int[] dst, int[] outStart, int[] outEdges, int[] inStart, int[] inEdges) {
        static Endpoints of(int[] rowOrder, int[] rowSrc, int[] rowDst, int[] vertexRank, int vertices) {
            int m = rowOrder.length;
            int[] src = new int[m];
            int[] dst = new int[m];
            for (int e = 0; e < m; e++) {
                int r = rowOrder[e];
                src[e] = vertexRank[rowSrc[r]];
                dst[e] = vertexRank[rowDst[r]];
            }
            int[] outStart = new int[vertices + 1];
            int[] outEdges = new int[m];
            int[] inStart = new int[vertices + 1];
            int[] inEdges = new int[m];
            csr(src, outStart, outEdges);
            csr(dst, inStart, inEdges);
            return new Endpoints(src, dst, outStart, outEdges, inStart, inEdges);
        }
    }

    /** Graphs with at least this many transfers build their independent parts on two threads. */
    private static final int PARALLEL_ROWS = 1 << 16;

    /**
     * A computation run on a second platform thread (or, when {@code fork} is false, at
     * {@link #join()} on the caller's): the build's independent sorts and fills overlap on two
     * cores. An exception thrown by the computation is rethrown by {@link #join()} as it was.
     */
    private static final class Parallel<T> {
        private final java.util.concurrent.FutureTask<T> task;

        Parallel(java.util.concurrent.Callable<T> work, boolean fork) {
            this.task = new java.util.concurrent.FutureTask<>(work);
            if (fork) {
                Thread t = new Thread(task, "tracer-graph-build");
                t.setDaemon(true);
                t.start();
            }
        }

        T join() {
            task.run(); // no-op when the thread ran (or is running) it
            try {
                return task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while building the graph", e);
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
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

    /** Packs the 40 hex digits after "0x" of a canonical (lower-case) EVM address. */
    static void pack(CharSequence canonical, long[] words, int at) {
        long w0 = 0;
        long w1 = 0;
        long w2 = 0;
        for (int i = 0; i < 16; i++) {
            w0 = (w0 << 4) | nibble(canonical.charAt(2 + i));
        }
        for (int i = 16; i < 32; i++) {
            w1 = (w1 << 4) | nibble(canonical.charAt(2 + i));
        }
        for (int i = 32; i < 40; i++) {
            w2 = (w2 << 4) | nibble(canonical.charAt(2 + i));
        }
        words[at] = w0;
        words[at + 1] = w1;
        words[at + 2] = w2;
    }

    private static int nibble(char c) {
        return c <= '9' ? c - '0' : c - 'a' + 10;
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

    private Chain chainOfVertex(int id) {
        return chains[chainOf == null ? 0 : chainOf[id]];
    }

    private int findPacked(Chain chain, String canonical) {
        long[] w = new long[3];
        pack(canonical, w, 0);
        int mask = index.length - 1;
        int slot = hash(w[0], w[1], w[2]) & mask;
        while (index[slot] != 0) {
            int id = index[slot] - 1;
            if (evmWords[3 * id] == w[0] && evmWords[3 * id + 1] == w[1] && evmWords[3 * id + 2] == w[2]
                    && chainOfVertex(id).equals(chain)) {
                return id;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
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
        Address o = objects == null ? null : objects[id];
        return o != null ? o : packed(chainOfVertex(id), evmWords, id);
    }

    /** The EVM account packed as words {@code 3 id} to {@code 3 id + 2} of {@code words}. */
    private static Address packed(Chain chain, long[] words, int id) {
        return Address.evmOfWords(chain, words[3 * id], words[3 * id + 1], words[3 * id + 2]);
    }

    /** What vertex {@code id} is, without allocating (packed EVM addresses are accounts). */
    public Address.Kind addressKind(int id) {
        Address o = objects == null ? null : objects[id];
        return o == null ? Address.Kind.ACCOUNT : o.kind();
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
            int i = Arrays.binarySearch(wideEdges, e);
            if (i < 0) {
                return hugeAmounts.get(e);
            }
            BigInteger lo = unsigned(mantissa[e]);
            BigInteger m = unsigned(wideHigh[i]).shiftLeft(64).add(lo);
            return wideExp[i] == 0 ? m : m.multiply(TEN_POW[wideExp[i]]);
        }
        long m = mantissa[e];
        if (x == 0) {
            return BigInteger.valueOf(m);
        }
        // most amounts (up to about 9.2 ETH in wei) fit a long once scaled: no big multiply
        if (x < U_POW.length - 1 && m >= 0 && m <= Long.MAX_VALUE / U_POW[x]) {
            return BigInteger.valueOf(m * U_POW[x]);
        }
        return BigInteger.valueOf(m).multiply(TEN_POW[x]);
    }

    /**
     * The high 64 bits of the amount of {@code e} taken as a 128-bit unsigned number, or -1 when
     * the amount is 2^127 or more (or, rarely, below it with both a mantissa past 64 bits and a
     * power-of-ten exponent): with {@link #amountLow} it lets exact ledgers run on two longs and
     * fall back to {@link #amount} only past 127 bits. No allocation; O(log wide amounts) for a
     * mantissa past 63 bits, else O(1).
     */
    public long amountHigh(int e) {
        int x = packed[e] & 0x7F;
        if (x == 0) {
            return 0;
        }
        long m = mantissa[e];
        if (x < U_POW.length) {
            return Math.unsignedMultiplyHigh(m, U_POW[x]); // m < 2^63, 10^x < 2^64: below 2^63
        }
        if (x == BIG) {
            // a mantissa past 63 bits: full-precision wei amounts of 9.2 ETH and more, common; below 2^127 with no exponent
            int i = Arrays.binarySearch(wideEdges, e);
            return i >= 0 && wideExp[i] == 0 && wideHigh[i] >= 0 ? wideHigh[i] : -1;
        }
        if (x >= U_POW.length + U_POW.length - 1) {
            return -1;
        }
        long p = U_POW[x - (U_POW.length - 1)];
        if (Math.unsignedMultiplyHigh(m, p) != 0) {
            return -1;
        }
        long h = Math.unsignedMultiplyHigh(m * p, U_POW[U_POW.length - 1]);
        return h < 0 ? -1 : h;
    }

    /** The low 64 bits of the amount of {@code e} when {@link #amountHigh} is not -1. */
    public long amountLow(int e) {
        int x = packed[e] & 0x7F;
        long m = mantissa[e];
        if (x == BIG) {
            return m; // a wide mantissa keeps its low 64 bits here
        }
        if (x < U_POW.length) {
            return m * U_POW[x];
        }
        return m * U_POW[x - (U_POW.length - 1)] * U_POW[U_POW.length - 1];
    }

    private static BigInteger unsigned(long v) {
        BigInteger b = BigInteger.valueOf(v);
        return v >= 0 ? b : b.add(TWO_64);
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
        int at = TX_STRIDE * txId;
        return TxHash.ofWords(chains[txs.get(at + 40)], txs.getLong(at), txs.getLong(at + 8), txs.getLong(at + 16),
                txs.getLong(at + 24));
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

    /** The index in its block of transfer {@code e}'s transaction, or -1 when the data does not say. */
    public int txIndex(int e) {
        return txs.getInt(TX_STRIDE * tx[e] + 32);
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

    /**
     * The index in {@code a}'s sent transfers of the first one after transfer {@code e} in chain
     * order ({@link #outDegree} when none is): where funds that arrived by {@code e} can first
     * leave. Binary search, O(log degree).
     */
    public int firstOutAfter(int a, int e) {
        return firstAfter(outEdges, outStart[a], outStart[a + 1], e);
    }

    /** As {@link #firstOutAfter}, over {@code a}'s received transfers. */
    public int firstInAfter(int a, int e) {
        return firstAfter(inEdges, inStart[a], inStart[a + 1], e);
    }

    private static int firstAfter(int[] edges, int from, int to, int e) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (edges[mid] <= e) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - from;
    }

    /** This graph as a read-only JGraphT graph (no copy): vertices are address ids, edges transfer ids. */
    public JGraphTView asJGraphT() {
        return new JGraphTView(this);
    }

    /** Chains present, in name order. */
    public List<Chain> chains() {
        return List.of(chains);
    }

    /** A growable int array. */
    private static final class IntList {
        private int[] a = new int[16];
        private int n;

        void add(int v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, 2 * n);
            }
            a[n++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }

    /** A growable long array. */
    private static final class LongList {
        private long[] a = new long[16];
        private int n;

        void add(long v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, 2 * n);
            }
            a[n++] = v;
        }

        int size() {
            return n;
        }

        long last() {
            return a[n - 1];
        }

        long[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }

    /**
     * Collects transfers into primitive columns, interning addresses and assets as they come;
     * {@link #build()} sorts and packs them. Transfers come either as {@link Transfer} objects
     * ({@link #add(Transfer)}) or, for bulk readers, as {@link EvmRow}s parsed from text cells on
     * any thread, with no object per address, hash or amount ({@link #add(EvmRow)}). Either way
     * the graph is the same. Not thread-safe.
     *
     * <p>EVM addresses are interned through an open-addressing table (linear probing, load at
     * most 1/2) whose slots hold the 20 packed bytes, the chain and the id inline, so that a
     * look-up reads one slot: one memory miss per address where an index of ids over a separate
     * key array took two. Transaction hashes are not interned while rows arrive: every row keeps
     * its 32 hash bytes, and the build sorts the rows by hash (a primitive sort of 32-bit
     * prefixes, O(E log E)), which numbers the transactions in hash order and groups their rows in
     * the same pass; that replaces a hash table that at millions of transactions missed the cache
     * on every row.
     */
    public static final class Builder {
        private static final int FAMILIES = 8;
        private boolean built;
        // chains and assets, in first-seen order
        private final List<Chain> chains = new ArrayList<>();
        private final List<Asset> assets = new ArrayList<>();
        private final Map<Asset, Integer> assetIds = new HashMap<>();
        private int[] assetChain = new int[8];
        private Asset lastAsset;
        private int lastAssetId;
        // vertices: packed EVM words (3 longs), chain; objects for the rest
        private int vertexCount;
        private long[] vWords = new long[3 * 1024];
        private byte[] vChain = new byte[1024];
        private final Map<Integer, Address> vObjects = new HashMap<>();
        private final Map<Address, Integer> objectIds = new HashMap<>();
        // slots of 4 longs: the 3 words, then chain << 32 | (id + 1); 0 there marks an empty slot
        private long[] vTable = new long[4 * 2048];
        // rows; the transaction of a row is its hash (4 longs, "0x"-prefixed or not), numbered at build
        private int rows;
        private int[] rSrc = new int[1024];
        private int[] rDst = new int[1024];
        private int[] rAsset = new int[1024];
        private byte[] rKind = new byte[1024];
        private long[] rHash = new long[4 * 1024];
        private boolean[] rPrefixed = new boolean[1024];
        private int[] rTxIndex = new int[1024];
        private int[] rPosition = new int[1024];
        private byte[] rFamily = new byte[1024]; // counting family (low bits), ORDINAL when the position is base + count
        private boolean anyOrdinal; // whether some row's position is counted: only then do counts matter
        private long[] rBlock = new long[1024];
        private long[] rTime = new long[1024];
        private long[] rMantissa = new long[1024];
        private byte[] rExp = new byte[1024];
        // rows whose mantissa needs 64 to 128 bits, in row order: high 64 bits and exponent
        private int wideCount;
        private int[] wideRows = new int[64];
        private long[] wideHighs = new long[64];
        private byte[] wideExps = new byte[64];
        private final Map<Integer, BigInteger> huge = new HashMap<>();
        private final long[] scratch = new long[4];
        private static final int ORDINAL = 0x80;
        private int parallelRows = PARALLEL_ROWS;

        private Builder() {
        }

        /** Tests: build on two threads from this many transfers on (0: always; MAX_VALUE: never). */
        Builder parallelFrom(int transfers) {
            this.parallelRows = transfers;
            return this;
        }

        public Builder add(Transfer t) {
            checkOpen();
            Objects.requireNonNull(t, "transfer");
            int asset = asset(t.asset());
            int r = newRow();
            String v = t.tx().value();
            int start = v.startsWith("0x") ? 2 : 0;
            for (int k = 0; k < 4; k++) {
                long w = 0;
                for (int i = 0; i < 16; i++) {
                    w = (w << 4) | Character.digit(v.charAt(start + 16 * k + i), 16);
                }
                rHash[4 * r + k] = w;
            }
            rPrefixed[r] = start == 2;
            rTxIndex[r] = Math.max(-1, t.txIndex());
            rSrc[r] = vertex(t.from());
            rDst[r] = vertex(t.to());
            rAsset[r] = asset;
            rKind[r] = (byte) t.kind().ordinal();
            rPosition[r] = t.position();
            rBlock[r] = t.block();
            rTime[r] = t.time().getEpochSecond();
            Amount a = Amount.of(t.amount());
            putAmount(r, a.mantissa, a.exp, a.high, a.wideExp, a.huge);
            return this;
        }

        public Builder addAll(Iterable<Transfer> ts) {
            ts.forEach(this::add);
            return this;
        }

        /**
         * Adds one transfer between EVM accounts parsed by {@link EvmRow#parse}: the work left
         * here is interning its two addresses (one table slot each) and its asset (cached for runs
         * of one asset) and appending to the columns, O(1) expected.
         */
        public Builder add(EvmRow row) {
            checkOpen();
            int a = asset(row.asset);
            int chain = assetChain[a];
            int f = internPacked(row.f0, row.f1, row.f2, chain);
            int d = internPacked(row.t0, row.t1, row.t2, chain);
            int r = newRow();
            rSrc[r] = f;
            rDst[r] = d;
            rAsset[r] = a;
            rKind[r] = (byte) row.kind.ordinal();
            rHash[4 * r] = row.h0;
            rHash[4 * r + 1] = row.h1;
            rHash[4 * r + 2] = row.h2;
            rHash[4 * r + 3] = row.h3;
            rPrefixed[r] = row.prefixed;
            rTxIndex[r] = row.txIndex;
            rPosition[r] = row.position;
            if (row.family != 0) {
                rFamily[r] = (byte) (row.family | (row.ordinal ? ORDINAL : 0));
                anyOrdinal |= row.ordinal;
            }
            rBlock[r] = row.block;
            rTime[r] = row.epochSecond;
            putAmount(r, row.mantissa, row.exp, row.high, row.wideExp, row.huge);
            return this;
        }

        /**
         * A capacity hint: about {@code rows} more transfers are coming. Sizing the columns once
         * saves the copies of growing them (which at millions of rows cost garbage collections).
         * Changes nothing else.
         */
        public Builder expect(int rows) {
            checkOpen();
            int want = rows + this.rows;
            if (want > rSrc.length) {
                resize(want);
            }
            return this;
        }

        public TransferGraph build() {
            checkOpen();
            built = true;
            return new TransferGraph(this);
        }

        private void checkOpen() {
            if (built) {
                throw new IllegalStateException("builder already built");
            }
        }

        // ---- assets and chains ----

        private int asset(Asset a) {
            if (a == lastAsset) {
                return lastAssetId;
            }
            Integer id = assetIds.get(a);
            if (id == null) {
                id = assets.size();
                assets.add(a);
                assetIds.put(a, id);
                if (id == assetChain.length) {
                    assetChain = Arrays.copyOf(assetChain, 2 * id);
                }
                assetChain[id] = chain(a.chain());
            }
            lastAsset = a;
            lastAssetId = id;
            return id;
        }

        private int chain(Chain c) {
            int i = chains.indexOf(c);
            if (i < 0) {
                chains.add(c);
                i = chains.size() - 1;
            }
            return i;
        }

        // ---- vertices ----

        private int vertex(Address a) {
            if (a.chain().isEvm() && a.kind() == Address.Kind.ACCOUNT) {
                pack(a.value(), scratch, 0);
                return internPacked(scratch[0], scratch[1], scratch[2], chain(a.chain()));
            }
            Integer id = objectIds.get(a);
            if (id == null) {
                id = newVertex(chain(a.chain()));
                vObjects.put(id, a);
                objectIds.put(a, id);
            }
            return id;
        }

        private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

        /**
         * Packs lower-case hex digits of {@code text} from {@code from} into {@code words} longs
         * of 16 digits (the last one may hold 8: an address is 16 + 16 + 8), eight digits at a
         * time (SWAR: one 64-bit load checks and converts eight characters); false when a
         * character is not a lower-case hex digit or the text is too short.
         */
        static boolean packLowerHex(String text, int from, int words, long[] out) {
            byte[] b = text.getBytes(StandardCharsets.ISO_8859_1); // other characters become '?', not a digit
            int at = from;
            for (int k = 0; k < words; k++) {
                if (b.length - at >= 16) {
                    long hi = hex8((long) LONG_LE.get(b, at));
                    long lo = hex8((long) LONG_LE.get(b, at + 8));
                    if ((hi | lo) < 0) {
                        return false;
                    }
                    out[k] = hi << 32 | lo;
                    at += 16;
                } else if (b.length - at == 8) {
                    long v = hex8((long) LONG_LE.get(b, at));
                    if (v < 0) {
                        return false;
                    }
                    out[k] = v;
                    at += 8;
                } else {
                    return false;
                }
            }
            return at == b.length;
        }

        /**
         * Eight lower-case hex digits, the first in the lowest byte of {@code x}, as their 32-bit
         * value; -1 when a byte is not one of 0-9, a-f. Each range test is an addition that
         * carries into a byte's top bit exactly when the byte passes it.
         */
        static long hex8(long x) {
            final long top = 0x8080808080808080L;
            long atLeast0 = x + 0x5050505050505050L;       // b >= '0'
            long atMost9 = ~(x + 0x4646464646464646L);     // b <= '9'
            long atLeastA = x + 0x1F1F1F1F1F1F1F1FL;       // b >= 'a'
            long atMostF = ~(x + 0x1919191919191919L);     // b <= 'f'
            long ok = ((atLeast0 & atMost9) | (atLeastA & atMostF)) & ~x & top; // ~x: ASCII, so no carry crosses bytes
            if (ok != top) {
                return -1;
            }
            long v = (x & 0x0F0F0F0F0F0F0F0FL) + 9 * ((x >>> 6) & 0x0101010101010101L); // a-f: low nibble + 9
            v = Long.reverseBytes(v);
            v = (v | (v >>> 4)) & 0x00FF00FF00FF00FFL;
            v = (v | (v >>> 8)) & 0x0000FFFF0000FFFFL;
            return (v | (v >>> 16)) & 0xFFFFFFFFL;
        }

        /** The id of packed EVM address (w0, w1, w2) on chain number {@code chain}, new ids in first-seen order. */
        private int internPacked(long w0, long w1, long w2, int chain) {
            long[] t = vTable;
            int mask = (t.length >>> 2) - 1;
            int slot = (hash(w0, w1, w2) ^ chain) & mask;
            while (true) {
                int at = slot << 2;
                long tag = t[at + 3];
                if (tag == 0) {
                    int id = newVertex(chain);
                    vWords[3 * id] = w0;
                    vWords[3 * id + 1] = w1;
                    vWords[3 * id + 2] = w2;
                    t[at] = w0;
                    t[at + 1] = w1;
                    t[at + 2] = w2;
                    t[at + 3] = ((long) chain << 32) | (id + 1L);
                    if (2 * vertexCount > mask + 1) {
                        rehashVertices();
                    }
                    return id;
                }
                if (t[at] == w0 && t[at + 1] == w1 && t[at + 2] == w2 && (int) (tag >>> 32) == chain) {
                    return (int) tag - 1;
                }
                slot = (slot + 1) & mask;
            }
        }

        private int newVertex(int chain) {
            int id = vertexCount++;
            if (id == vChain.length) {
                vChain = Arrays.copyOf(vChain, 2 * id);
                vWords = Arrays.copyOf(vWords, 6 * id);
            }
            vChain[id] = (byte) chain;
            return id;
        }

        private void rehashVertices() {
            long[] t = new long[2 * vTable.length];
            int mask = (t.length >>> 2) - 1;
            for (int id = 0; id < vertexCount; id++) {
                if (!vObjects.isEmpty() && vObjects.containsKey(id)) {
                    continue;
                }
                long w0 = vWords[3 * id];
                long w1 = vWords[3 * id + 1];
                long w2 = vWords[3 * id + 2];
                int slot = (hash(w0, w1, w2) ^ vChain[id]) & mask;
                while (t[(slot << 2) + 3] != 0) {
                    slot = (slot + 1) & mask;
                }
                int at = slot << 2;
                t[at] = w0;
                t[at + 1] = w1;
                t[at + 2] = w2;
                t[at + 3] = ((long) vChain[id] << 32) | (id + 1L);
            }
            vTable = t;
        }

        Address vObject(int v) {
            return vObjects.isEmpty() ? null : vObjects.get(v);
        }

        /** Vertex order: chain name, then canonical text (for packed EVM words, unsigned word order). */
        int compareVertices(int x, int y, int[] chainRank) {
            int c = Integer.compare(chainRank[vChain[x]], chainRank[vChain[y]]);
            if (c != 0) {
                return c;
            }
            Address ox = vObject(x);
            Address oy = vObject(y);
            if (ox != null || oy != null) {
                Address ax = ox != null ? ox : packed(chains.get(vChain[x]), vWords, x);
                Address ay = oy != null ? oy : packed(chains.get(vChain[y]), vWords, y);
                return ax.compareTo(ay);
            }
            for (int k = 0; k < 3; k++) {
                c = Long.compareUnsigned(vWords[3 * x + k], vWords[3 * y + k]);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        }

        // ---- transactions ----

        /**
         * The transactions of the rows, numbered in hash order: {@code ofRow[r]} is row
         * {@code r}'s, {@code index[t]} the largest index in its block that transaction
         * {@code t}'s rows know (-1 for none), {@code firstRow[t]} a row holding its hash.
         */
        record Txs(int count, int[] ofRow, int[] index, int[] firstRow) {
        }

        /**
         * The graph's off-heap transaction table with each hash and index written, in
         * transaction order (the build writes the rest). O(transactions), one random read of a
         * row's hash each: the build runs it on its second thread.
         */
        ByteBuffer txTable(Txs t) {
            ByteBuffer table = ByteBuffer.allocateDirect(Math.max(1, TX_STRIDE * t.count()));
            for (int k = 0; k < t.count(); k++) {
                int at = TX_STRIDE * k;
                int h = 4 * t.firstRow()[k];
                table.putLong(at, rHash[h]);
                table.putLong(at + 8, rHash[h + 1]);
                table.putLong(at + 16, rHash[h + 2]);
                table.putLong(at + 24, rHash[h + 3]);
                table.putInt(at + 32, t.index()[k]);
            }
            return table;
        }

        /**
         * Groups the rows into transactions: sorts the rows by (hash, row), numbers the distinct
         * hashes in that order, takes each transaction's index in its block as the largest its
         * rows know, resolves counted positions ({@link EvmRow}'s families) by walking each
         * transaction's rows in the order they were added. O(E log E).
         *
         * <p>When every hash has the same form (all "0x"-prefixed or none), hash order is the
         * order of the packed words, and the rows split by the first bit of their hash into two
         * halves that share no transaction: each half is sorted and grouped by itself
         * ({@link #group}), on a second thread when {@code fork}, and the high half's
         * transactions are numbered after the low half's.
         */
        Txs transactions(boolean fork) {
            int n = rows;
            boolean oneForm = true;
            for (int i = 1; i < n && oneForm; i++) {
                oneForm = rPrefixed[i] == rPrefixed[0];
            }
            int[] ofRow = new int[n];
            int count;
            int[] firstRows;
            int[] order = null; // all rows in hash order: only the counted positions need it
            if (oneForm) {
                int lowRows = 0;
                for (int r = 0; r < n; r++) {
                    lowRows += rHash[4 * r] >= 0 ? 1 : 0;
                }
                int[] low = new int[lowRows];
                int[] high = new int[n - lowRows];
                for (int r = 0, l = 0, h = 0; r < n; r++) {
                    if (rHash[4 * r] >= 0) {
                        low[l++] = r;
                    } else {
                        high[h++] = r;
                    }
                }
                int bits = IntSort.idBits(n);
                Parallel<Group> highHalf = new Parallel<>(() -> group(high, bits, ofRow, HIGH_HALF), fork);
                Group lowHalf = group(low, bits, ofRow, 0);
                Group highGroups = highHalf.join();
                count = lowHalf.count() + highGroups.count();
                firstRows = Arrays.copyOf(lowHalf.firstRows(), count);
                System.arraycopy(highGroups.firstRows(), 0, firstRows, lowHalf.count(), highGroups.count());
                // the high half numbered its transactions from 0, marked: they come after the low half's
                for (int r = 0; r < n; r++) {
                    if (ofRow[r] < 0) {
                        ofRow[r] = (ofRow[r] & ~HIGH_HALF) + lowHalf.count();
                    }
                }
                if (anyOrdinal) {
                    order = new int[n];
                    long idMask = (1L << bits) - 1;
                    for (int i = 0; i < low.length; i++) {
                        order[i] = (int) (lowHalf.keys()[i] & idMask);
                    }
                    for (int i = 0; i < high.length; i++) {
                        order[low.length + i] = (int) (highGroups.keys()[i] & idMask);
                    }
                }
            } else {
                order = identity(n);
                IntSort.sort(order, this::compareRowHashes);
                // in hash order, only what grouping needs: a row's hash (one random read) and its transaction
                IntList firstRow = new IntList();
                int t = -1;
                int first = -1;
                for (int i = 0; i < n; i++) {
                    int r = order[i];
                    if (t < 0 || compareRowHashes(r, first) != 0) {
                        t++;
                        first = r;
                        firstRow.add(r);
                    }
                    ofRow[r] = t;
                }
                count = t + 1;
                firstRows = firstRow.toArray();
            }
            // in row order (sequential reads): each transaction's index, the largest its rows know
            int[] index = new int[count];
            Arrays.fill(index, -1);
            for (int r = 0; r < n; r++) {
                int x = rTxIndex[r];
                if (x > index[ofRow[r]]) {
                    index[ofRow[r]] = x;
                }
            }
            if (anyOrdinal) {
                // counted positions: each transaction's rows in the order they were added, which hash order keeps
                int[] counts = new int[FAMILIES];
                int cur = -1;
                for (int i = 0; i < n; i++) {
                    int r = order[i];
                    if (ofRow[r] != cur) {
                        cur = ofRow[r];
                        Arrays.fill(counts, 0);
                    }
                    int fam = rFamily[r];
                    if (fam != 0) {
                        int c = ++counts[fam & (FAMILIES - 1)];
                        if ((fam & ORDINAL) != 0) {
                            rPosition[r] += c;
                        }
                    }
                }
            }
            return new Txs(count, ofRow, index, firstRows);
        }

        /** Marks a row's transaction number as the high half's, before the low half's count is added. */
        private static final int HIGH_HALF = Integer.MIN_VALUE;

        /** One half's transactions: how many, each one's first row in hash order, the half's rows sorted (packed). */
        private record Group(int count, int[] firstRows, long[] keys) {
        }

        /**
         * Sorts {@code ids}, rows whose hashes share their first bit and whose hashes have one
         * form, by (hash, row) and numbers their distinct hashes from 0 in that order, writing
         * each row's number, or'ed with {@code mark}, to {@code ofRow}. The sort packs the top
         * bits of each hash's first word beside the row ({@link IntSort#packedByKey}), so a
         * row whose packed top bits differ from its neighbour's starts a transaction without
         * reading either hash; only neighbours whose top bits tie (mostly rows of one
         * transaction) compare their hashes, one random read each.
         */
        private Group group(int[] ids, int bits, int[] ofRow, int mark) {
            long[] keys = IntSort.packedByKey(ids, bits, r -> rHash[4 * r] << 1, this::compareRowHashThenRow);
            long idMask = (1L << bits) - 1;
            IntList firstRow = new IntList();
            int t = -1;
            int first = -1;
            long top = -1;
            for (long k : keys) {
                int r = (int) (k & idMask);
                if (t < 0 || k >>> bits != top || !sameHash(r, first)) {
                    t++;
                    first = r;
                    firstRow.add(r);
                }
                top = k >>> bits;
                ofRow[r] = t | mark;
            }
            return new Group(t + 1, firstRow.toArray(), keys);
        }

        private boolean sameHash(int x, int y) {
            int a = 4 * x;
            int b = 4 * y;
            return rHash[a] == rHash[b] && rHash[a + 1] == rHash[b + 1] && rHash[a + 2] == rHash[b + 2]
                    && rHash[a + 3] == rHash[b + 3];
        }

        private String rowHashText(int r) {
            StringBuilder b = new StringBuilder(rPrefixed[r] ? "0x" : "");
            for (int k = 0; k < 4; k++) {
                String h = Long.toHexString(rHash[4 * r + k]);
                b.append("0".repeat(16 - h.length())).append(h);
            }
            return b.toString();
        }

        /** Hash order: the {@link TxHash} text order ("0x"-prefixed on EVM chains); 0 for rows of one transaction. */
        int compareRowHashes(int x, int y) {
            if (rPrefixed[x] != rPrefixed[y]) {
                return rowHashText(x).compareTo(rowHashText(y));
            }
            for (int k = 0; k < 4; k++) {
                int c = Long.compareUnsigned(rHash[4 * x + k], rHash[4 * y + k]);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        }

        private int compareRowHashThenRow(int x, int y) {
            int c = compareRowHashes(x, y);
            return c != 0 ? c : Integer.compare(x, y);
        }

        // ---- rows and amounts ----

        private int newRow() {
            int r = rows++;
            if (r == rSrc.length) {
                resize(2 * r);
            }
            return r;
        }

        private void resize(int n) {
            rSrc = Arrays.copyOf(rSrc, n);
            rDst = Arrays.copyOf(rDst, n);
            rAsset = Arrays.copyOf(rAsset, n);
            rKind = Arrays.copyOf(rKind, n);
            rHash = Arrays.copyOf(rHash, 4 * n);
            rPrefixed = Arrays.copyOf(rPrefixed, n);
            rTxIndex = Arrays.copyOf(rTxIndex, n);
            rPosition = Arrays.copyOf(rPosition, n);
            rFamily = Arrays.copyOf(rFamily, n);
            rBlock = Arrays.copyOf(rBlock, n);
            rTime = Arrays.copyOf(rTime, n);
            rMantissa = Arrays.copyOf(rMantissa, n);
            rExp = Arrays.copyOf(rExp, n);
        }

        private void putAmount(int r, long mantissa, int exp, long high, int wideExp, BigInteger whole) {
            rMantissa[r] = mantissa;
            rExp[r] = (byte) exp;
            if (exp != BIG) {
                return;
            }
            if (whole != null) {
                huge.put(r, whole);
                return;
            }
            if (wideCount == wideRows.length) {
                wideRows = Arrays.copyOf(wideRows, 2 * wideCount);
                wideHighs = Arrays.copyOf(wideHighs, 2 * wideCount);
                wideExps = Arrays.copyOf(wideExps, 2 * wideCount);
            }
            wideRows[wideCount] = r;
            wideHighs[wideCount] = high;
            wideExps[wideCount] = (byte) wideExp;
            wideCount++;
        }

        /**
         * A non-negative amount as mantissa × 10^exponent (trailing zeros, at most 76): the
         * mantissa in {@code mantissa} when it fits 63 bits; else exponent {@link #BIG} and the
         * mantissa's low 64 bits in {@code mantissa}, its high 64 bits and the exponent in
         * {@code high} and {@code wideExp}, or beyond 128 bits the whole value in {@code huge}.
         */
        private record Amount(long mantissa, int exp, long high, int wideExp, BigInteger huge) {
            static Amount of(BigInteger v) {
                if (v.signum() == 0) {
                    return new Amount(0, 0, 0, 0, null);
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
                    return new Amount(m.longValue(), exp, 0, 0, null);
                }
                if (m.bitLength() <= 128) {
                    return new Amount(m.longValue(), BIG, m.shiftRight(64).longValue(), exp, null);
                }
                return new Amount(m.longValue(), BIG, 0, 0, v);
            }
        }

        /**
         * One transfer between EVM accounts, parsed from text cells and packed: the hash as four
         * longs, each address as three, the amount as a long mantissa and a power-of-ten exponent
         * (a {@link BigInteger} only for the rare mantissa of 19 digits or more). Immutable and
         * made without the builder, so a reader can parse on one thread while the builder interns
         * on another. Parsing is one pass over each cell, O(length).
         */
        public static final class EvmRow {
            private final long h0;
            private final long h1;
            private final long h2;
            private final long h3;
            private final boolean prefixed;
            private final int txIndex;
            private final int position;
            private final int family;
            private final boolean ordinal;
            private final long f0;
            private final long f1;
            private final long f2;
            private final long t0;
            private final long t1;
            private final long t2;
            private final Asset asset;
            private final long mantissa;
            private final int exp;
            private final long high;
            private final int wideExp;
            private final BigInteger huge;
            private final long block;
            private final long epochSecond;
            private final TransferKind kind;

            private EvmRow(long[] h, boolean prefixed, int txIndex, int position, int family, boolean ordinal, long[] from,
                           long[] to, Asset asset, Amount amount, long mantissa, int exp, long block, long epochSecond,
                           TransferKind kind) {
                this.h0 = h[0];
                this.h1 = h[1];
                this.h2 = h[2];
                this.h3 = h[3];
                this.prefixed = prefixed;
                this.txIndex = txIndex;
                this.position = position;
                this.family = family;
                this.ordinal = ordinal;
                this.f0 = from[0];
                this.f1 = from[1];
                this.f2 = from[2];
                this.t0 = to[0];
                this.t1 = to[1];
                this.t2 = to[2];
                this.asset = asset;
                if (amount != null) {
                    this.mantissa = amount.mantissa;
                    this.exp = amount.exp;
                    this.high = amount.high;
                    this.wideExp = amount.wideExp;
                    this.huge = amount.huge;
                } else {
                    this.mantissa = mantissa;
                    this.exp = exp;
                    this.high = 0;
                    this.wideExp = 0;
                    this.huge = null;
                }
                this.block = block;
                this.epochSecond = epochSecond;
                this.kind = kind;
            }

            /**
             * Parses one EVM transfer. {@code hash} is parsed as {@link TxHash#parse} does,
             * {@code from} and {@code to} as {@link Address#parse} does (an EIP-55 checksum is
             * checked for mixed case), {@code amount} is a non-negative integer in base units, in
             * decimal digits.
             *
             * <p>Positions can be counted instead of given: rows added with the same
             * {@code family} (1 to 7; 0 for none) are counted per transaction in the order they
             * are added to the builder, the count including the row; when {@code ordinal} the
             * row's position is {@code position} plus that count (a reader's numbering of a
             * transaction's rows when the file gives none).
             *
             * @param txIndex     the transaction's index in its block, or -1 when unknown
             * @param epochSecond the block's time
             * @throws InvalidInputException    for a malformed hash, address or amount, or a negative block
             * @throws IllegalArgumentException for an asset on a chain that is not an EVM chain
             */
            public static EvmRow parse(String hash, int txIndex, int position, int family, boolean ordinal, String from,
                                       String to, Asset asset, String amount, long block, long epochSecond,
                                       TransferKind kind) {
                Chain chain = asset.chain();
                if (!chain.isEvm()) {
                    throw new IllegalArgumentException("EVM rows take EVM transfers, not " + chain);
                }
                if (family < 0 || family >= FAMILIES || ordinal && family == 0) {
                    throw new IllegalArgumentException("family " + family);
                }
                long[] h = new long[4];
                boolean prefixed = packHash(chain, hash, h);
                long[] f = packAddress(chain, from);
                long[] t = packAddress(chain, to);
                if (block < 0) {
                    throw new InvalidInputException("negative block in " + (prefixed ? "0x" : "") + hexOf(h));
                }
                String a = amount == null ? "" : amount.strip();
                int from0 = 0;
                int to0 = a.length();
                while (from0 < to0 && a.charAt(from0) <= ' ') {
                    from0++;
                }
                while (to0 > from0 && a.charAt(to0 - 1) <= ' ') {
                    to0--;
                }
                if (from0 == to0) {
                    throw new InvalidInputException("empty value");
                }
                for (int i = from0; i < to0; i++) {
                    char c = a.charAt(i);
                    if (c < '0' || c > '9') {
                        throw new InvalidInputException((c == '-' && i == from0 ? "negative" : "non-numeric") + " value '"
                                + amount + "' (expected an integer in base units)");
                    }
                }
                while (from0 < to0 - 1 && a.charAt(from0) == '0') {
                    from0++;
                }
                // an EVM value is a uint256: 78 digits may exceed 2^256 - 1 (1.16e77), more always do
                if (to0 - from0 >= 78 && new BigInteger(a.substring(from0, to0)).bitLength() > 256) {
                    throw new InvalidInputException("value '" + a.substring(from0, to0) + "' exceeds 2^256 - 1, the most a"
                            + " transfer can carry");
                }
                int end = to0;
                while (end > from0 + 1 && a.charAt(end - 1) == '0' && to0 - end < 76) {
                    end--;
                }
                if (end - from0 <= 18) {
                    long m = 0;
                    for (int i = from0; i < end; i++) {
                        m = m * 10 + (a.charAt(i) - '0');
                    }
                    return new EvmRow(h, prefixed, txIndex, position, family, ordinal, f, t, asset, null, m,
                            m == 0 ? 0 : to0 - end, block, epochSecond, kind);
                }
                return new EvmRow(h, prefixed, txIndex, position, family, ordinal, f, t, asset,
                        Amount.of(new BigInteger(a.substring(from0, to0))), 0, 0, block, epochSecond, kind);
            }

            /** Packs a transaction hash into {@code out}; true when its text form is "0x"-prefixed. */
            private static boolean packHash(Chain chain, String hash, long[] out) {
                String t = hash == null ? "" : hash;
                int start = t.startsWith("0x") || t.startsWith("0X") ? 2 : 0;
                if (t.length() - start == 64 && packLowerHex(t, start, 4, out)) {
                    return chain.isEvm();
                }
                String v = TxHash.parse(chain, hash).value();
                int s = v.startsWith("0x") ? 2 : 0;
                packLowerHex(v, s, 4, out);
                return s == 2;
            }

            private static long[] packAddress(Chain chain, String text) {
                long[] w = new long[3];
                if (text == null || text.length() != 42 || text.charAt(0) != '0' || text.charAt(1) != 'x'
                        || !packLowerHex(text, 2, 3, w)) {
                    pack(Address.parse(chain, text).value(), w, 0);
                }
                return w;
            }

            private static String hexOf(long[] h) {
                StringBuilder b = new StringBuilder();
                for (long w : h) {
                    String x = Long.toHexString(w);
                    b.append("0".repeat(16 - x.length())).append(x);
                }
                return b.toString();
            }
        }
    }
}
