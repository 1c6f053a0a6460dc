package dev.tracer.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracer.assets.AssetRegistry;
import dev.tracer.graph.TransferGraph;
import dev.tracer.model.Address;
import dev.tracer.model.Asset;
import dev.tracer.model.Chain;
import dev.tracer.model.Transfer;
import dev.tracer.model.TransferKind;
import dev.tracer.model.TxHash;
import dev.tracer.source.Dataset;
import dev.tracer.source.etl.EtlCsvReader;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator is deterministic and its data reads into the same graph by either builder path. */
class BenchDataTest {
    @TempDir
    Path tmp;

    private static String digest(Path dir) throws IOException, NoSuchAlgorithmException {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (String f : new String[] {"transactions.csv", "token_transfers.csv", "tokens.csv", "labels.csv", "dataset.json"}) {
            md.update(f.getBytes());
            md.update(Files.readAllBytes(dir.resolve(f)));
        }
        return HexFormat.of().formatHex(md.digest());
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherBytes() throws Exception {
        TransferDataGenerator.Generated a = new TransferDataGenerator(5000, 11).write(tmp.resolve("a"));
        new TransferDataGenerator(5000, 11).write(tmp.resolve("b"));
        new TransferDataGenerator(5000, 12).write(tmp.resolve("c"));
        assertThat(digest(tmp.resolve("a"))).isEqualTo(digest(tmp.resolve("b")));
        assertThat(digest(tmp.resolve("a"))).isNotEqualTo(digest(tmp.resolve("c")));
        assertThat(a.transfers()).isBetween(5000L, 5100L);
        assertThat(a.exchanges()).hasSize(TransferDataGenerator.HOT_WALLETS);
    }

    @Test
    void dataIsHeavyTailedAndReadsWhole() {
        TransferDataGenerator.Generated gen = new TransferDataGenerator(20_000, 3).write(tmp);
        Dataset d = new EtlCsvReader(AssetRegistry.bundled()).read(tmp);
        TransferGraph g = d.graph();
        assertThat((long) g.edgeCount()).isEqualTo(gen.transfers());
        assertThat(d.coverage().everyAddress()).isTrue();
        // the hot wallets and routers (30 of thousands of addresses) take part in a large share of transfers
        long hot = 0;
        for (Address a : gen.exchanges()) {
            int id = g.idOf(a).orElseThrow();
            hot += g.inDegree(id) + g.outDegree(id);
        }
        for (Address a : gen.routers()) {
            int id = g.idOf(a).orElseThrow();
            hot += g.inDegree(id) + g.outDegree(id);
        }
        assertThat(g.addressCount()).isGreaterThan(2000);
        assertThat(hot).isGreaterThan(g.edgeCount() / 5);
        // tokens, zero-value calls and amounts too wide for a long are all there
        int tokens = 0;
        int wide = 0;
        for (int e = 0; e < g.edgeCount(); e++) {
            tokens += g.kind(e) == TransferKind.TOKEN ? 1 : 0;
            wide += g.amount(e).bitLength() > 63 ? 1 : 0;
        }
        assertThat(tokens).isGreaterThan(g.edgeCount() / 10);
        assertThat(wide).isGreaterThan(g.edgeCount() / 50);
    }

    @Test
    void columnarReadEqualsTransferByTransferBuild() {
        new TransferDataGenerator(8000, 5).write(tmp);
        TransferGraph g = new EtlCsvReader(AssetRegistry.bundled()).read(tmp).graph();
        List<Transfer> all = new ArrayList<>();
        for (int e = 0; e < g.edgeCount(); e++) {
            all.add(g.transfer(e));
        }
        Collections.shuffle(all, new Random(1));
        TransferGraph h = TransferGraph.builder().addAll(all).build();
        assertThat(h.edgeCount()).isEqualTo(g.edgeCount());
        assertThat(h.addressCount()).isEqualTo(g.addressCount());
        assertThat(h.txCount()).isEqualTo(g.txCount());
        for (int e = 0; e < g.edgeCount(); e++) {
            assertThat(h.transfer(e)).isEqualTo(g.transfer(e));
            assertThat(h.txId(e)).isEqualTo(g.txId(e));
        }
        for (int a = 0; a < g.addressCount(); a++) {
            assertThat(h.address(a)).isEqualTo(g.address(a));
            assertThat(h.outDegree(a)).isEqualTo(g.outDegree(a));
        }
    }

    @Test
    void csrWalkIsTimeRespectingHopLimitedAndStopsAtStops() {
        Chain eth = Chain.ETHEREUM;
        String a = "0x" + "a".repeat(40);
        String b = "0x" + "b".repeat(40);
        String c = "0x" + "c".repeat(40);
        String d = "0x" + "d".repeat(40);
        TransferGraph g = TransferGraph.builder()
                .add(t(1, 10, a, b))
                .add(t(2, 5, b, c))   // before b was reached: visited by no walk
                .add(t(3, 20, b, d))
                .add(t(4, 30, d, c))
                .build();
        int ia = g.idOf(Address.parse(eth, a)).orElseThrow();
        int id = g.idOf(Address.parse(eth, d)).orElseThrow();
        boolean[] none = new boolean[g.addressCount()];
        assertThat(new CsrWalk(g, none, 6, 1000).walk(ia)).isEqualTo(3); // a→b, b→d, d→c
        assertThat(new CsrWalk(g, none, 1, 1000).walk(ia)).isEqualTo(1); // b is at the hop limit
        boolean[] stopD = new boolean[g.addressCount()];
        stopD[id] = true;
        assertThat(new CsrWalk(g, stopD, 6, 1000).walk(ia)).isEqualTo(2);
        CsrWalk reused = new CsrWalk(g, none, 6, 1000);
        assertThat(reused.walk(ia)).isEqualTo(reused.walk(ia));
    }

    @Test
    void chainOrderWalkReachesByEarliestArrivalAndReplaysInAndOut() {
        Chain eth = Chain.ETHEREUM;
        String a = "0x" + "a".repeat(40);
        String b = "0x" + "b".repeat(40);
        String c = "0x" + "c".repeat(40);
        String d = "0x" + "d".repeat(40);
        String x = "0x" + "e".repeat(40);
        TransferGraph g = TransferGraph.builder()
                .add(t(1, 10, a, b))
                .add(t(2, 5, b, c))   // before b was reached: neither reach nor replay
                .add(t(3, 20, b, d))
                .add(t(4, 30, d, c))
                .add(t(5, 25, x, d))  // received by d after d was reached: replayed
                .add(t(6, 40, a, d))  // a later way to d: d keeps its earliest arrival (t3)
                .build();
        int ia = g.idOf(Address.parse(eth, a)).orElseThrow();
        int id = g.idOf(Address.parse(eth, d)).orElseThrow();
        boolean[] none = new boolean[g.addressCount()];
        // a: t1, t6; b: t3; d: t5, t4, t6 (received after its arrival); each edge once
        assertThat(new ChainOrderWalk(g, none, 6, 1000).walk(ia)).isEqualTo(5);
        // d at the hop limit: only a's and b's sent transfers
        assertThat(new ChainOrderWalk(g, none, 2, 1000).walk(ia)).isEqualTo(3);
        boolean[] stopD = new boolean[g.addressCount()];
        stopD[id] = true;
        assertThat(new ChainOrderWalk(g, stopD, 6, 1000).walk(ia)).isEqualTo(3);
        // fan-out cap 1: a passes on only b; d is reached from b
        assertThat(new ChainOrderWalk(g, none, 6, 1).walk(ia)).isEqualTo(5);
        ChainOrderWalk reused = new ChainOrderWalk(g, none, 6, 1000);
        assertThat(reused.walk(ia)).isEqualTo(reused.walk(ia)).isEqualTo(5);
    }

    /**
     * The walk against its definition, computed the slowest obvious way: every transfer of the graph
     * in chain order, a receiver settled by the first value-carrying one from an expanded sender
     * after that sender's arrival; then every value-carrying transfer sent or received by an
     * expanded address after its arrival, once. On heavy-tailed generated data, from many starts.
     */
    @Test
    void chainOrderWalkVisitsWhatAScanOfEveryTransferInChainOrderVisits() {
        new TransferDataGenerator(20_000, 7).write(tmp);
        TransferGraph g = new EtlCsvReader(AssetRegistry.bundled()).read(tmp).graph();
        boolean[] stop = new boolean[g.addressCount()];
        for (int a = 0; a < g.addressCount(); a += 7) {
            stop[a] = true;
        }
        Random rnd = new Random(23);
        long total = 0;
        for (int hops : new int[] {1, 2, 4, 6}) {
            for (int cap : new int[] {1, 3, 1000}) {
                ChainOrderWalk walk = new ChainOrderWalk(g, stop, hops, cap);
                for (int i = 0; i < 60; i++) {
                    int start = rnd.nextInt(g.addressCount());
                    long n = walk.walk(start);
                    assertThat(n).as("from %s, %d hops, cap %d", g.address(start), hops, cap)
                            .isEqualTo(scanInChainOrder(g, stop, hops, cap, start));
                    total += n;
                }
            }
        }
        assertThat(total).isGreaterThan(100_000);
    }

    private static long scanInChainOrder(TransferGraph g, boolean[] stop, int maxHops, int cap, int start) {
        int n = g.addressCount();
        int[] arrival = new int[n];
        java.util.Arrays.fill(arrival, -2); // -2: not reached
        boolean[] expanded = new boolean[n];
        int[] hop = new int[n];
        int[] passed = new int[n];
        arrival[start] = -1;
        expanded[start] = true;
        for (int e = 0; e < g.edgeCount(); e++) {
            int a = g.from(e);
            int r = g.to(e);
            if (!expanded[a] || e <= arrival[a] || g.isZeroAmount(e) || arrival[r] != -2) {
                continue;
            }
            arrival[r] = e;
            if (stop[r] || hop[a] + 1 >= maxHops || passed[a] >= cap) {
                continue;
            }
            passed[a]++;
            expanded[r] = true;
            hop[r] = hop[a] + 1;
        }
        long visited = 0;
        for (int e = 0; e < g.edgeCount(); e++) {
            int a = g.from(e);
            int r = g.to(e);
            if (!g.isZeroAmount(e) && (expanded[a] && e > arrival[a] || expanded[r] && e > arrival[r])) {
                visited++;
            }
        }
        return visited;
    }

    @Test
    void jgraphtWalkVisitsWhatTheCsrWalkVisits() throws IOException {
        // native transfers only, written in chain order: JGraphT keeps them in that order too, so
        // both walks meet receivers in the same order and must count the same edges
        Random rnd = new Random(19);
        StringBuilder csv = new StringBuilder("hash,block_number,transaction_index,from_address,to_address,value,"
                + "receipt_status,block_timestamp\n");
        for (int i = 0; i < 600; i++) {
            long block = 100 + i / 3;
            csv.append(String.format("0x%064x,%d,%d,0x%040x,0x%040x,%d,1,%d%n", i + 1, block, i % 3, 1 + rnd.nextInt(60),
                    1 + rnd.nextInt(60), rnd.nextInt(5) == 0 ? 0 : 1 + rnd.nextInt(1000), 1_600_000_000L + 12 * block));
        }
        Files.writeString(tmp.resolve("transactions.csv"), csv);
        Files.writeString(tmp.resolve("dataset.json"), "{\"format\": \"tracer-dataset/1\", \"chain\": \"ethereum\", "
                + "\"chain_id\": 1, \"blocks\": {\"first\": 100, \"last\": 299}, \"coverage\": {\"every_address\": true, "
                + "\"complete_outflows\": [], \"complete_inflows\": []}, \"description\": \"walk test\"}\n");
        TransferGraph g = new EtlCsvReader(AssetRegistry.bundled()).read(tmp).graph();
        org.jgrapht.Graph<String, JGraphTBaseline.TransferEdge> object = JGraphTBaseline.load(tmp);
        boolean[] stop = new boolean[g.addressCount()];
        java.util.Set<String> stops = new java.util.HashSet<>();
        for (int a = 0; a < g.addressCount(); a += 7) {
            stop[a] = true;
            stops.add(g.address(a).value());
        }
        long total = 0;
        for (int hops : new int[] {1, 2, 4, 6}) {
            for (int cap : new int[] {1, 3, 1000}) {
                CsrWalk csr = new CsrWalk(g, stop, hops, cap);
                for (int a = 0; a < g.addressCount(); a++) {
                    long n = csr.walk(a);
                    assertThat(JGraphTBaseline.walk(object, g.address(a).value(), stops, hops, cap))
                            .as("from %s, %d hops, cap %d", g.address(a), hops, cap).isEqualTo(n);
                    total += n;
                }
            }
        }
        assertThat(total).isGreaterThan(10_000);
    }

    private static Transfer t(int i, long block, String from, String to) {
        Chain eth = Chain.ETHEREUM;
        return new Transfer(eth, TxHash.parse(eth, "0x" + String.format("%064x", i)), 0, 0, Address.parse(eth, from),
                Address.parse(eth, to), Asset.nativeOf(eth), BigInteger.TEN, block, Instant.ofEpochSecond(1000 + block),
                TransferKind.NATIVE);
    }

    @Test
    void samplesGiveMediansAndPercentiles() {
        Samples s = Samples.of(5, 1, 4, 2, 3);
        assertThat(s.median()).isEqualTo(3);
        assertThat(Samples.of(1, 2, 3, 4).median()).isEqualTo(2.5);
        assertThat(s.percentile(100)).isEqualTo(5);
        assertThat(s.percentile(20)).isEqualTo(1);
        assertThat(s.percentile(99)).isEqualTo(5);
    }
}
