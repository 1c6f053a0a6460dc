package dev.tracer.graph;

import dev.tracer.model.Address;
import dev.tracer.model.Asset;
import dev.tracer.model.Chain;
import dev.tracer.model.Transfer;
import dev.tracer.model.TransferKind;
import dev.tracer.model.TxHash;
import java.math.BigInteger;
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
 * Amounts are stored as a {@code long} mantissa and a power-of-ten exponent
 * ({@code 10,000 ETH = 1 × 10^22 wei} takes one long and one byte); the rare amount that does not
 * fit goes to a side table. Adjacency is compressed sparse rows, one by sender and one by
 * receiver, each listing edge ids in ascending (chronological) order.
 *
 * <p>Memory is O(V + E) with no object per transfer; building sorts, so it is O(E log E).
 */
public final class TransferGraph {
    private static final byte BIG = -1;
    private static final TransferKind[] KINDS = TransferKind.values();

    private final Address[] addresses;
    private final Map<Address, Integer> addressIds;
    private final Asset[] assets;
    private final TxHash[] txs;
    private final int[] txIndex;

    private final int[] src;
    private final int[] dst;
    private final int[] asset;
    private final int[] tx;
    private final int[] position;
    private final long[] block;
    private final long[] time;
    private final long[] mantissa;
    private final byte[] exponent;
    private final byte[] kind;
    private final Map<Integer, BigInteger> bigAmounts;

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
        rows.sort(Transfer.CHAIN_ORDER);

        TreeSet<Address> addressSet = new TreeSet<>();
        TreeSet<Asset> assetSet = new TreeSet<>();
        TreeMap<TxHash, Integer> txSet = new TreeMap<>();
        for (Transfer t : rows) {
            addressSet.add(t.from());
            addressSet.add(t.to());
            assetSet.add(t.asset());
            txSet.putIfAbsent(t.tx(), t.txIndex());
        }
        addresses = addressSet.toArray(new Address[0]);
        addressIds = new HashMap<>(addresses.length * 2);
        for (int i = 0; i < addresses.length; i++) {
            addressIds.put(addresses[i], i);
        }
        assets = assetSet.toArray(new Asset[0]);
        Map<Asset, Integer> assetIds = new HashMap<>();
        for (int i = 0; i < assets.length; i++) {
            assetIds.put(assets[i], i);
        }
        txs = txSet.keySet().toArray(new TxHash[0]);
        txIndex = new int[txs.length];
        Map<TxHash, Integer> txIds = new HashMap<>(txs.length * 2);
        for (int i = 0; i < txs.length; i++) {
            txIds.put(txs[i], i);
            txIndex[i] = txSet.get(txs[i]);
        }

        int m = rows.size();
        src = new int[m];
        dst = new int[m];
        asset = new int[m];
        tx = new int[m];
        position = new int[m];
        block = new long[m];
        time = new long[m];
        mantissa = new long[m];
        exponent = new byte[m];
        kind = new byte[m];
        bigAmounts = new HashMap<>();
        for (int e = 0; e < m; e++) {
            Transfer t = rows.get(e);
            src[e] = addressIds.get(t.from());
            dst[e] = addressIds.get(t.to());
            asset[e] = assetIds.get(t.asset());
            tx[e] = txIds.get(t.tx());
            position[e] = t.position();
            block[e] = t.block();
            time[e] = t.time().getEpochSecond();
            kind[e] = (byte) t.kind().ordinal();
            encodeAmount(e, t.amount());
        }
        int n = addresses.length;
        outStart = new int[n + 1];
        inStart = new int[n + 1];
        outEdges = new int[m];
        inEdges = new int[m];
        csr(src, outStart, outEdges);
        csr(dst, inStart, inEdges);
    }

    private void encodeAmount(int e, BigInteger v) {
        BigInteger m = v;
        int exp = 0;
        while (m.signum() != 0 && exp < 77) {
            BigInteger[] qr = m.divideAndRemainder(BigInteger.TEN);
            if (qr[1].signum() != 0) {
                break;
            }
            m = qr[0];
            exp++;
        }
        if (m.bitLength() < 64) {
            mantissa[e] = m.longValue();
            exponent[e] = (byte) exp;
        } else {
            exponent[e] = BIG;
            bigAmounts.put(e, v);
        }
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

    public static Builder builder() {
        return new Builder();
    }

    public int addressCount() {
        return addresses.length;
    }

    public int edgeCount() {
        return src.length;
    }

    public int assetCount() {
        return assets.length;
    }

    public Address address(int id) {
        return addresses[id];
    }

    public OptionalInt idOf(Address a) {
        Integer id = addressIds.get(a);
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
        return asset[e];
    }

    public Asset assetOf(int e) {
        return assets[asset[e]];
    }

    public BigInteger amount(int e) {
        byte x = exponent[e];
        if (x == BIG) {
            return bigAmounts.get(e);
        }
        BigInteger m = BigInteger.valueOf(mantissa[e]);
        return x == 0 ? m : m.multiply(BigInteger.TEN.pow(x));
    }

    public boolean isZeroAmount(int e) {
        return exponent[e] != BIG && mantissa[e] == 0;
    }

    public long block(int e) {
        return block[e];
    }

    public long epochSecond(int e) {
        return time[e];
    }

    public Instant time(int e) {
        return Instant.ofEpochSecond(time[e]);
    }

    public TxHash tx(int e) {
        return txs[tx[e]];
    }

    public int position(int e) {
        return position[e];
    }

    public TransferKind kind(int e) {
        return KINDS[kind[e]];
    }

    /** The transfer as a value object (allocates; for reports, not for hot loops). */
    public Transfer transfer(int e) {
        Asset a = assets[asset[e]];
        return new Transfer(a.chain(), txs[tx[e]], txIndex[tx[e]], position[e], addresses[src[e]],
                addresses[dst[e]], a, amount(e), block[e], time(e), kind(e));
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
        TreeMap<String, Chain> m = new TreeMap<>();
        for (Asset a : assets) {
            m.put(a.chain().name(), a.chain());
        }
        return List.copyOf(m.values());
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
