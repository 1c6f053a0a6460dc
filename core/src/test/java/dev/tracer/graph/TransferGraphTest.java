package dev.tracer.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracer.model.Address;
import dev.tracer.model.Asset;
import dev.tracer.model.Chain;
import dev.tracer.model.Transfer;
import dev.tracer.model.TransferKind;
import dev.tracer.model.TxHash;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TransferGraphTest {
    private static final Chain ETH_CHAIN = Chain.ETHEREUM;
    private static final Asset ETH = Asset.nativeOf(ETH_CHAIN);
    private static final Asset STETH = Asset.token(addr(0xae7a), "stETH", 18, true);

    private static Address addr(int n) {
        return Address.parse(ETH_CHAIN, String.format("0x%040x", n));
    }

    private static TxHash hash(int n) {
        return TxHash.parse(ETH_CHAIN, String.format("0x%064x", n));
    }

    private static Transfer t(int tx, int txIndex, int position, int from, int to, Asset asset, BigInteger amount, long block) {
        return new Transfer(ETH_CHAIN, hash(tx), txIndex, position, addr(from), addr(to), asset, amount, block,
                Instant.ofEpochSecond(1_700_000_000L + block * 12), asset.isNative() ? TransferKind.NATIVE : TransferKind.TOKEN);
    }

    private static Transfer eth(int tx, int txIndex, int from, int to, long amount, long block) {
        return t(tx, txIndex, 0, from, to, ETH, BigInteger.valueOf(amount), block);
    }

    private static List<Transfer> sample() {
        List<Transfer> l = new ArrayList<>();
        l.add(eth(1, 0, 10, 20, 5, 100));
        l.add(eth(2, 3, 20, 30, 7, 100));
        l.add(eth(3, 1, 30, 10, 1, 100));
        l.add(t(3, 1, 2, 30, 40, STETH, BigInteger.valueOf(9), 100));
        l.add(t(3, 1, 1, 20, 40, STETH, BigInteger.valueOf(8), 100));
        l.add(eth(4, 0, 40, 10, 11, 101));
        l.add(eth(5, 2, 10, 10, 12, 99));
        l.add(eth(6, 0, 50, 20, 13, 102));
        l.add(eth(7, 0, 20, 50, 0, 102 + 1));
        return l;
    }

    private static TransferGraph build(List<Transfer> ts) {
        return TransferGraph.builder().addAll(ts).build();
    }

    private static List<Transfer> all(TransferGraph g) {
        List<Transfer> out = new ArrayList<>();
        for (int e = 0; e < g.edgeCount(); e++) {
            out.add(g.transfer(e));
        }
        return out;
    }

    @Test
    void idsAndEdgesDoNotDependOnInsertionOrder() {
        List<Transfer> ts = sample();
        TransferGraph g0 = build(ts);
        Random rnd = new Random(42);
        for (int round = 0; round < 20; round++) {
            List<Transfer> shuffled = new ArrayList<>(ts);
            Collections.shuffle(shuffled, rnd);
            TransferGraph g = build(shuffled);
            assertThat(g.addressCount()).isEqualTo(g0.addressCount());
            for (int a = 0; a < g.addressCount(); a++) {
                assertThat(g.address(a)).isEqualTo(g0.address(a));
            }
            for (int i = 0; i < g.assetCount(); i++) {
                assertThat(g.asset(i)).isEqualTo(g0.asset(i));
            }
            assertThat(all(g)).containsExactlyElementsOf(all(g0));
            for (int e = 0; e < g.edgeCount(); e++) {
                assertThat(g.from(e)).isEqualTo(g0.from(e));
                assertThat(g.to(e)).isEqualTo(g0.to(e));
                assertThat(g.assetId(e)).isEqualTo(g0.assetId(e));
            }
        }
    }

    /**
     * Above the size where the build sorts by radix buckets ({@link IntSort#RADIX_FROM}) and on
     * two threads: random hashes and addresses over the whole 160/256-bit range.
     */
    @Test
    void aLargeRandomGraphKeepsChainOrderAddressOrderAndTransactions() {
        Random rnd = new Random(20_26_11_24L);
        Address[] pool = new Address[45_000];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = Address.parse(ETH_CHAIN, "0x" + String.format("%040x", new BigInteger(160, rnd)));
        }
        List<Transfer> ts = new ArrayList<>();
        int txs = 0;
        while (ts.size() < 60_000) {
            TxHash h = TxHash.parse(ETH_CHAIN, "0x" + String.format("%064x", new BigInteger(256, rnd)));
            long block = 1_000 + rnd.nextInt(5_000);
            int txIndex = rnd.nextInt(200);
            int rows = 1 + rnd.nextInt(3);
            for (int p = 0; p < rows; p++) {
                ts.add(new Transfer(ETH_CHAIN, h, txIndex, p, pool[rnd.nextInt(pool.length)], pool[rnd.nextInt(pool.length)],
                        p == 0 ? ETH : STETH, BigInteger.valueOf(rnd.nextInt(1_000_000)), block,
                        Instant.ofEpochSecond(1_700_000_000L + block * 12), p == 0 ? TransferKind.NATIVE : TransferKind.TOKEN));
            }
            txs++;
        }
        Collections.shuffle(ts, rnd);
        TransferGraph serial = TransferGraph.builder().parallelFrom(Integer.MAX_VALUE).addAll(ts).build();
        TransferGraph parallel = TransferGraph.builder().parallelFrom(0).addAll(ts).build();
        List<Transfer> expected = new ArrayList<>(ts);
        expected.sort(Transfer.CHAIN_ORDER);
        for (TransferGraph g : List.of(serial, parallel)) {
            assertThat(all(g)).containsExactlyElementsOf(expected);
            assertThat(g.txCount()).isEqualTo(txs);
            for (int a = 1; a < g.addressCount(); a++) {
                assertThat(g.address(a - 1).value()).isLessThan(g.address(a).value());
            }
            for (int e = 0; e < g.edgeCount(); e += 97) {
                int[] of = g.edgesOf(g.tx(e));
                assertThat(of).contains(e);
                for (int f : of) {
                    assertThat(g.tx(f)).isEqualTo(g.tx(e));
                }
            }
        }
    }

    /**
     * The build groups rows into transactions in two halves split by the first bit of the hash,
     * and skips comparing neighbours whose leading hash bits differ: hashes here crowd both sides
     * of that bit and share whole first words, so that ties and near-ties decide.
     */
    @Test
    void transactionsAreNumberedInHashOrderAcrossBothHalvesOfTheHashSpace() {
        Random rnd = new Random(20_26_11_25L);
        String[] firstWords = {"0000000000000000", "7fffffffffffffff", "8000000000000000", "ffffffffffffffff",
            "7ffffffffffffffe", "8000000000000001"};
        Address[] pool = new Address[5_000];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = Address.parse(ETH_CHAIN, "0x" + String.format("%040x", new BigInteger(160, rnd)));
        }
        List<Transfer> ts = new ArrayList<>();
        java.util.Set<String> hashes = new java.util.HashSet<>();
        while (ts.size() < 70_000) {
            String first = rnd.nextInt(4) == 0 ? String.format("%016x", rnd.nextLong()) : firstWords[rnd.nextInt(firstWords.length)];
            // the rest differs from other hashes of the same first word only in its last bits, or not at all
            String rest = String.format("%048x", BigInteger.valueOf(rnd.nextInt(20_000)));
            TxHash h = TxHash.parse(ETH_CHAIN, "0x" + first + rest);
            hashes.add(h.value());
            long block = 1_000 + rnd.nextInt(50);
            int rows = 1 + rnd.nextInt(3);
            for (int p = 0; p < rows; p++) {
                ts.add(new Transfer(ETH_CHAIN, h, -1, ts.size(), pool[rnd.nextInt(pool.length)], pool[rnd.nextInt(pool.length)],
                        ETH, BigInteger.valueOf(1 + rnd.nextInt(1_000)), block, Instant.ofEpochSecond(1_700_000_000L + block * 12),
                        TransferKind.NATIVE));
            }
        }
        Collections.shuffle(ts, rnd);
        for (TransferGraph g : List.of(TransferGraph.builder().parallelFrom(Integer.MAX_VALUE).addAll(ts).build(),
                TransferGraph.builder().parallelFrom(0).addAll(ts).build())) {
            assertThat(g.txCount()).isEqualTo(hashes.size());
            String[] hashOf = new String[g.txCount()];
            for (int e = 0; e < g.edgeCount(); e++) {
                String h = g.tx(e).value();
                int id = g.txId(e);
                if (hashOf[id] == null) {
                    hashOf[id] = h;
                }
                assertThat(hashOf[id]).as("the hash of every transfer of transaction %d", id).isEqualTo(h);
            }
            for (int id = 1; id < hashOf.length; id++) {
                assertThat(hashOf[id - 1]).as("transactions %d and %d in hash order", id - 1, id).isLessThan(hashOf[id]);
            }
        }
    }

    @Test
    void buildingOnTwoThreadsGivesTheSameGraph() {
        List<Transfer> ts = sample();
        TransferGraph serial = TransferGraph.builder().parallelFrom(Integer.MAX_VALUE).addAll(ts).build();
        TransferGraph parallel = TransferGraph.builder().parallelFrom(0).addAll(ts).build();
        assertThat(all(parallel)).containsExactlyElementsOf(all(serial));
        for (int a = 0; a < serial.addressCount(); a++) {
            assertThat(parallel.address(a)).isEqualTo(serial.address(a));
            assertThat(parallel.outDegree(a)).isEqualTo(serial.outDegree(a));
            assertThat(parallel.inDegree(a)).isEqualTo(serial.inDegree(a));
            for (int k = 0; k < serial.outDegree(a); k++) {
                assertThat(parallel.outEdge(a, k)).isEqualTo(serial.outEdge(a, k));
            }
            for (int k = 0; k < serial.inDegree(a); k++) {
                assertThat(parallel.inEdge(a, k)).isEqualTo(serial.inEdge(a, k));
            }
        }
        assertThat(parallel.txCount()).isEqualTo(serial.txCount());
    }

    @Test
    void addressIdsAreInSortedOrder() {
        TransferGraph g = build(sample());
        assertThat(g.addressCount()).isEqualTo(5);
        for (int a = 1; a < g.addressCount(); a++) {
            assertThat(g.address(a - 1)).isLessThan(g.address(a));
        }
        assertThat(g.idOf(addr(10))).hasValue(0);
        assertThat(g.idOf(addr(50))).hasValue(4);
        assertThat(g.idOf(addr(99))).isEmpty();
        assertThat(g.assetCount()).isEqualTo(2);
        assertThat(g.asset(0)).isEqualTo(ETH);
        assertThat(g.asset(1)).isEqualTo(STETH);
        assertThat(g.chains()).containsExactly(ETH_CHAIN);
    }

    @Test
    void edgesAreInChainOrderAndRoundTripAsTransfers() {
        List<Transfer> ts = sample();
        TransferGraph g = build(ts);
        List<Transfer> expected = new ArrayList<>(ts);
        expected.sort(Transfer.CHAIN_ORDER);
        assertThat(all(g)).containsExactlyElementsOf(expected);
        // spot-check the order: block 99 first; in block 100 tx index 0, 1 (positions 0, 1, 2), 3
        assertThat(g.block(0)).isEqualTo(99);
        assertThat(g.tx(1)).isEqualTo(hash(1));
        assertThat(g.tx(2)).isEqualTo(hash(3));
        assertThat(g.position(2)).isEqualTo(0);
        assertThat(g.position(3)).isEqualTo(1);
        assertThat(g.position(4)).isEqualTo(2);
        assertThat(g.tx(5)).isEqualTo(hash(2));
        for (int e = 0; e < g.edgeCount(); e++) {
            Transfer x = g.transfer(e);
            assertThat(g.address(g.from(e))).isEqualTo(x.from());
            assertThat(g.address(g.to(e))).isEqualTo(x.to());
            assertThat(g.assetOf(e)).isEqualTo(x.asset());
            assertThat(g.amount(e)).isEqualTo(x.amount());
            assertThat(g.time(e)).isEqualTo(x.time());
            assertThat(g.epochSecond(e)).isEqualTo(x.time().getEpochSecond());
            assertThat(g.kind(e)).isEqualTo(x.kind());
            if (e > 0) {
                assertThat(Transfer.CHAIN_ORDER.compare(g.transfer(e - 1), x)).isNegative();
            }
        }
    }

    @Test
    void adjacencyListsEveryEdgeOfEachAddressInAscendingOrder() {
        TransferGraph g = build(sample());
        for (int a = 0; a < g.addressCount(); a++) {
            List<Integer> out = new ArrayList<>();
            List<Integer> in = new ArrayList<>();
            for (int e = 0; e < g.edgeCount(); e++) {
                if (g.from(e) == a) {
                    out.add(e);
                }
                if (g.to(e) == a) {
                    in.add(e);
                }
            }
            List<Integer> csrOut = new ArrayList<>();
            for (int i = 0; i < g.outDegree(a); i++) {
                csrOut.add(g.outEdge(a, i));
            }
            List<Integer> csrIn = new ArrayList<>();
            for (int i = 0; i < g.inDegree(a); i++) {
                csrIn.add(g.inEdge(a, i));
            }
            assertThat(csrOut).as("out of %s", g.address(a)).isEqualTo(out);
            assertThat(csrIn).as("in of %s", g.address(a)).isEqualTo(in);
        }
        // the self-transfer of address 10 appears in both its lists
        int a10 = g.idOf(addr(10)).orElseThrow();
        assertThat(g.from(g.outEdge(a10, 0))).isEqualTo(a10);
        assertThat(g.to(g.inEdge(a10, 0))).isEqualTo(a10);
        assertThat(g.inDegree(a10)).isEqualTo(3);
        assertThat(g.outDegree(a10)).isEqualTo(2);
        int a50 = g.idOf(addr(50)).orElseThrow();
        assertThat(g.outDegree(a50)).isEqualTo(1);
        assertThat(g.inDegree(a50)).isEqualTo(1);
    }

    @Test
    void amountsRoundTripExactlyWhateverTheirSize() {
        BigInteger two63 = BigInteger.ONE.shiftLeft(63);
        BigInteger[] amounts = {
            BigInteger.ZERO,
            BigInteger.ONE,
            BigInteger.TEN,
            BigInteger.valueOf(Long.MAX_VALUE),
            two63,                                          // 9223372036854775808: no trailing zero, > long
            two63.add(BigInteger.ONE),
            BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE),
            BigInteger.TEN.pow(22),                         // 10,000 ETH: mantissa 1, exponent 22
            new BigInteger("90375547917680000000000"),      // stETH of the Bybit theft
            new BigInteger("401346760000000000000000"),
            new BigInteger("123456789012345678901234567890"), // > 2^63, trailing zero but mantissa still too big
            new BigInteger("92233720368547758070"),          // (2^63-1)*10: mantissa exactly Long.MAX_VALUE
            new BigInteger("92233720368547758080"),          // 2^63*10: mantissa one past a long
            new BigInteger("9223372036854775800"),           // a scaled long just under Long.MAX_VALUE (long fast path)
            new BigInteger("9223372036854775810"),           // just over it: mantissa fits, the scaled value does not
            BigInteger.TEN.pow(18),                          // 1 ETH: the largest power of ten in a long
            BigInteger.valueOf(9).multiply(BigInteger.TEN.pow(18)),
            BigInteger.TEN.pow(19),                          // exponent beyond a long's powers
            BigInteger.TEN.pow(77),
            BigInteger.TEN.pow(78),                         // exponent beyond 77
            BigInteger.valueOf(7).multiply(BigInteger.TEN.pow(90)),
            BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE),
            BigInteger.ONE.shiftLeft(256),
        };
        List<Transfer> ts = new ArrayList<>();
        for (int i = 0; i < amounts.length; i++) {
            ts.add(t(1000 + i, 0, 0, 1, 2, i % 2 == 0 ? ETH : STETH, amounts[i], i));
        }
        TransferGraph g = build(ts);
        assertThat(g.edgeCount()).isEqualTo(amounts.length);
        for (int e = 0; e < g.edgeCount(); e++) {
            assertThat(g.amount(e)).as("edge %d", e).isEqualTo(amounts[e]);
            assertThat(g.transfer(e).amount()).isEqualTo(amounts[e]);
            assertThat(g.isZeroAmount(e)).isEqualTo(amounts[e].signum() == 0);
            checkWide(g, e, amounts[e]);
        }
        // the 128-bit view covers every amount below 2^127 but those with a mantissa past 64 bits and an exponent
        for (int e : new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 13, 14, 15, 16, 17}) {
            assertThat(g.amountHigh(e)).as("edge %d", e).isNotNegative();
        }
        assertThat(g.amountHigh(10)).as("mantissa 12345678901234567890123456789, exponent 1").isEqualTo(-1L);
        assertThat(g.amountHigh(12)).as("mantissa 2^63, exponent 1").isEqualTo(-1L);
        assertThat(g.amountHigh(18)).as("10^77").isEqualTo(-1L);
        assertThat(g.amountHigh(21)).as("2^256 - 1").isEqualTo(-1L);
    }

    @Test
    void wideAmountsAroundTwoToThe127() {
        BigInteger two127 = BigInteger.ONE.shiftLeft(127);
        BigInteger[] amounts = {
            BigInteger.TEN.pow(38),                                  // below 2^127 (1.7e38): exponent 38, both steps
            BigInteger.valueOf(17).multiply(BigInteger.TEN.pow(37)), // 1.7e38 < 2^127
            BigInteger.valueOf(18).multiply(BigInteger.TEN.pow(37)), // 1.8e38 > 2^127
            BigInteger.TEN.pow(39),
            BigInteger.valueOf(Long.MAX_VALUE).multiply(BigInteger.TEN.pow(19)), // first step past 64 bits
            new BigInteger("1844674407370955161").multiply(BigInteger.TEN.pow(20)), // mantissa × 10 still 64 bits
            two127.subtract(BigInteger.ONE).divide(BigInteger.TEN.pow(20)).multiply(BigInteger.TEN.pow(20)),
        };
        List<Transfer> ts = new ArrayList<>();
        for (int i = 0; i < amounts.length; i++) {
            ts.add(t(1000 + i, 0, 0, 1, 2, ETH, amounts[i], i));
        }
        TransferGraph g = build(ts);
        for (int e = 0; e < g.edgeCount(); e++) {
            assertThat(g.amount(e)).isEqualTo(amounts[e]);
            checkWide(g, e, amounts[e]);
        }
        assertThat(g.amountHigh(0)).isNotNegative();
        assertThat(g.amountHigh(1)).isNotNegative();
        assertThat(g.amountHigh(2)).isEqualTo(-1L);
        assertThat(g.amountHigh(3)).isEqualTo(-1L);
    }

    /** The 128-bit view: -1 or the exact amount, and -1 for every amount past 127 bits. */
    private static void checkWide(TransferGraph g, int e, BigInteger amount) {
        long hi = g.amountHigh(e);
        if (hi >= 0) {
            BigInteger lo = new BigInteger(Long.toUnsignedString(g.amountLow(e)));
            assertThat(BigInteger.valueOf(hi).shiftLeft(64).add(lo)).as("edge %d", e).isEqualTo(amount);
        } else {
            assertThat(hi).isEqualTo(-1L);
        }
        if (amount.bitLength() >= 128) {
            assertThat(hi).as("edge %d past 127 bits", e).isEqualTo(-1L);
        }
    }

    @Test
    void randomAmountsRoundTrip() {
        Random rnd = new Random(7);
        List<BigInteger> amounts = new ArrayList<>();
        List<Transfer> ts = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            BigInteger v = new BigInteger(1 + rnd.nextInt(256), rnd).multiply(BigInteger.TEN.pow(rnd.nextInt(30)));
            amounts.add(v);
            ts.add(t(i + 1, 0, 0, 1 + rnd.nextInt(5), 1 + rnd.nextInt(5), ETH, v, i));
        }
        TransferGraph g = build(ts);
        for (int e = 0; e < g.edgeCount(); e++) {
            assertThat(g.amount(e)).isEqualTo(amounts.get(e));
            checkWide(g, e, amounts.get(e));
        }
    }

    @Test
    void firstAfterFindsWhereFundsCanFirstMoveOn() {
        Random rnd = new Random(11);
        List<Transfer> ts = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            ts.add(t(i + 1, i % 3, 0, 1 + rnd.nextInt(12), 1 + rnd.nextInt(12), ETH, BigInteger.ONE, 100 + i / 3));
        }
        TransferGraph g = build(ts);
        for (int a = 0; a < g.addressCount(); a++) {
            for (int e = -1; e <= g.edgeCount(); e++) {
                int out = 0;
                while (out < g.outDegree(a) && g.outEdge(a, out) <= e) {
                    out++;
                }
                int in = 0;
                while (in < g.inDegree(a) && g.inEdge(a, in) <= e) {
                    in++;
                }
                assertThat(g.firstOutAfter(a, e)).as("address %d after %d", a, e).isEqualTo(out);
                assertThat(g.firstInAfter(a, e)).as("address %d after %d", a, e).isEqualTo(in);
            }
        }
    }

    @Test
    void emptyGraph() {
        TransferGraph g = TransferGraph.builder().build();
        assertThat(g.edgeCount()).isZero();
        assertThat(g.addressCount()).isZero();
        assertThat(g.chains()).isEmpty();
    }

    @Test
    void builderCanOnlyBuildOnce() {
        TransferGraph.Builder b = TransferGraph.builder().add(eth(1, 0, 1, 2, 3, 4));
        b.build();
        assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> b.add(eth(2, 0, 1, 2, 3, 4))).isInstanceOf(IllegalStateException.class);
    }

    /**
     * ethereum-etl's token_transfers.csv has no transaction_index, so the reader gives its rows
     * txIndex -1, while the same transaction's row in transactions.csv has its real index. The
     * graph keeps one index per hash (the first row's in sorted order, i.e. -1), so
     * {@code transfer(e)} of the native row no longer says where its transaction is in the block,
     * and the writer then drops the index from transactions.csv. The -1 rows also sort before
     * every other transaction of the block, splitting the transaction from its own value transfer.
     */
    @Test
    void aTransactionKeepsItsIndexWhenSomeOfItsRowsDoNotKnowIt() {
        Transfer first = eth(1, 0, 1, 2, 100, 500);            // tx index 0 in block 500
        Transfer nativeOfB = eth(2, 1, 2, 3, 50, 500);         // tx index 1 in block 500
        Transfer tokenOfB = t(2, -1, 1, 3, 4, STETH, BigInteger.TEN, 500); // same tx, index unknown
        TransferGraph g = build(List.of(first, nativeOfB, tokenOfB));
        List<Transfer> back = all(g);
        assertThat(back).filteredOn(x -> x.asset().equals(ETH) && x.tx().equals(hash(2)))
                .singleElement()
                .extracting(Transfer::txIndex)
                .as("transaction index of %s's own value transfer", hash(2))
                .isEqualTo(1);
        // and the transaction stays in one piece, after transaction 0 of the block
        assertThat(back.get(0).tx()).isEqualTo(hash(1));
    }

    private static TransferGraph.Builder.EvmRow row(int tx, int txIndex, int position, int family, boolean ordinal, int from,
                                                    int to, Asset asset, String amount, long block) {
        return TransferGraph.Builder.EvmRow.parse(hash(tx).value(), txIndex, position, family, ordinal, addr(from).value(),
                addr(to).value(), asset, amount, block, 1_700_000_000L + block * 12,
                asset.isNative() ? TransferKind.NATIVE : TransferKind.TOKEN);
    }

    /** Parsed rows give the graph that the same transfers as objects give, whatever their order. */
    @Test
    void parsedRowsBuildTheSameGraphAsTransfers() {
        String wide = "123456789012345678901234567890";           // mantissa of 64 to 128 bits
        String huge = "1234567890123456789012345678901234567891";  // beyond 128 bits
        List<TransferGraph.Builder.EvmRow> rows = List.of(
                row(1, 0, 0, 0, false, 10, 20, ETH, "5000", 100),
                row(3, 1, 2, 0, false, 30, 40, STETH, wide, 100),
                row(2, 3, 0, 0, false, 20, 30, ETH, huge, 100),
                row(3, 1, 1, 0, false, 20, 40, STETH, "0", 100),
                row(4, -1, 0, 0, false, 40, 10, ETH, "00120", 99));
        List<Transfer> ts = List.of(
                eth(1, 0, 10, 20, 5000, 100),
                t(3, 1, 2, 30, 40, STETH, new BigInteger(wide), 100),
                t(2, 3, 0, 20, 30, ETH, new BigInteger(huge), 100),
                t(3, 1, 1, 20, 40, STETH, BigInteger.ZERO, 100),
                eth(4, -1, 40, 10, 120, 99));
        TransferGraph.Builder b = TransferGraph.builder();
        for (int i = rows.size() - 1; i >= 0; i--) {
            b.add(rows.get(i));
        }
        assertThat(all(b.build())).isEqualTo(all(build(ts)));
    }

    /** Counted positions number a transaction's rows of one family in the order they were added, rows of other transactions between them. */
    @Test
    void countedPositionsFollowTheOrderRowsWereAddedPerTransactionAndFamily() {
        TransferGraph g = TransferGraph.builder()
                .add(row(2, 0, 7, 1, false, 10, 20, STETH, "1", 100))   // counted (1st of tx 2), explicit position 7
                .add(row(1, 0, 0, 1, true, 10, 20, STETH, "2", 100))    // 1st of tx 1
                .add(row(2, 0, 0, 1, true, 10, 20, STETH, "3", 100))    // 2nd of tx 2
                .add(row(1, 0, 0, 1, true, 10, 20, STETH, "4", 100))    // 2nd of tx 1
                .add(row(1, 0, 1000, 2, true, 10, 20, ETH, "5", 100))   // other family: 1st, from 1000
                .build();
        List<String> got = new ArrayList<>();
        for (Transfer x : all(g)) {
            got.add(x.tx().equals(hash(1)) ? "1:" + x.position() + "=" + x.amount() : "2:" + x.position() + "=" + x.amount());
        }
        assertThat(got).containsExactlyInAnyOrder("1:1=2", "1:2=4", "1:1001=5", "2:7=1", "2:2=3");
    }

    @Test
    void parsedRowsRejectMalformedCells() {
        assertThatThrownBy(() -> row(1, 0, 0, 0, false, 1, 2, ETH, "12.5e3", 1))
                .hasMessageContaining("non-numeric value '12.5e3'");
        assertThatThrownBy(() -> TransferGraph.Builder.EvmRow.parse("0x12", 0, 0, 0, false, addr(1).value(), addr(2).value(),
                ETH, "1", 1, 0, TransferKind.NATIVE)).hasMessageContaining("malformed transaction hash");
        assertThatThrownBy(() -> TransferGraph.Builder.EvmRow.parse(hash(1).value(), 0, 0, 0, false, "0x12",
                addr(2).value(), ETH, "1", 1, 0, TransferKind.NATIVE)).hasMessageContaining("0x12");
    }

    /** The eight-at-a-time hex packing accepts exactly 0-9 and a-f, in every position, and packs them in order. */
    @Test
    void hexPackingAcceptsExactlyLowerCaseHexDigits() {
        String base = "0x0123456789abcdeffedcba9876543210aabbccdd";
        long[] w = new long[3];
        assertThat(TransferGraph.Builder.packLowerHex(base, 2, 3, w)).isTrue();
        assertThat(w).containsExactly(0x0123456789abcdefL, 0xfedcba9876543210L, 0xaabbccddL);
        for (int pos = 2; pos < base.length(); pos++) {
            for (char c = 0; c < 300; c++) {
                String t = base.substring(0, pos) + c + base.substring(pos + 1);
                boolean hex = c >= '0' && c <= '9' || c >= 'a' && c <= 'f';
                assertThat(TransferGraph.Builder.packLowerHex(t, 2, 3, w)).as("%s at %d", (int) c, pos).isEqualTo(hex);
                if (hex) {
                    int shift = pos < 34 ? 4 * (15 - (pos - 2) % 16) : 4 * (7 - (pos - 34));
                    assertThat((w[(pos - 2) / 16] >>> shift) & 0xF).isEqualTo((long) Character.digit(c, 16));
                }
            }
        }
        assertThat(TransferGraph.Builder.packLowerHex(base.substring(0, 41), 2, 3, w)).isFalse();
        assertThat(TransferGraph.Builder.packLowerHex(base + "0", 2, 3, w)).isFalse();
    }
}
