package dev.tracer.bitcoin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracer.assets.AssetRegistry;
import dev.tracer.assets.FakeTokenClassifier;
import dev.tracer.model.Address;
import dev.tracer.model.Asset;
import dev.tracer.model.BlockRange;
import dev.tracer.model.Chain;
import dev.tracer.model.TxHash;
import dev.tracer.source.Dataset;
import dev.tracer.trace.Direction;
import dev.tracer.trace.Seed;
import dev.tracer.trace.TaintModel;
import dev.tracer.trace.TracePolicy;
import dev.tracer.trace.TraceResult;
import dev.tracer.trace.Tracer;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;

/**
 * The account model's conservation properties, on random UTXO graphs built the way the sources
 * build them ({@link BtcTx} → {@link UtxoEdges} → {@link TxSet} with its per-vertex coverage):
 * coinbases and payments spending earlier outputs, fees, unspent outputs, transactions left out of
 * the data (frontiers), incomplete block sets, dust outputs; seeds are outputs or transactions,
 * forward and backward.
 */
class UtxoConservationPropertiesTest {
    static final Asset SAT = Asset.nativeOf(Chain.BITCOIN);
    static final List<String> MODELS = List.of("poison", "haircut", "fifo");

    record Case(TxSet set, Seed seed, Direction direction, Set<Address> dust, int hops) {
    }

    static TxHash id(long seed, int h, int i) {
        return TxHash.parse(Chain.BITCOIN, String.format("%016x%016x%016x%016x", seed, h, i, 0xb17c01L));
    }

    static BtcOutput out(int index, long value, Random r) {
        String a = "addr" + r.nextInt(12);
        return new BtcOutput(index, value, ScriptKind.P2WPKH, Optional.of(a), a);
    }

    static Case build(long seed, int blocks, boolean complete, int dropPercent, int dustPercent) {
        Random r = new Random(seed);
        Map<Outpoint, BtcOutput> unspent = new LinkedHashMap<>();
        List<BtcTx> txs = new ArrayList<>();
        for (int h = 0; h < blocks; h++) {
            int n = 1 + r.nextInt(4);
            for (int i = 0; i < n; i++) {
                TxHash txid = id(seed, h, i);
                Confirmation c = new Confirmation(100 + h, Instant.ofEpochSecond(1_600_000_000L + h * 600L), i, Optional.empty());
                List<BtcOutput> outs = new ArrayList<>();
                List<BtcInput> ins = new ArrayList<>();
                boolean coinbase = h == 0 || unspent.isEmpty() || r.nextInt(5) == 0;
                long total;
                if (coinbase) {
                    total = 1 + (long) (r.nextDouble() * 5_000_000_000L);
                } else {
                    List<Outpoint> pool = new ArrayList<>(unspent.keySet());
                    int k = 1 + r.nextInt(Math.min(3, pool.size()));
                    total = 0;
                    for (int j = 0; j < k; j++) {
                        Outpoint op = pool.remove(r.nextInt(pool.size()));
                        BtcOutput spent = unspent.remove(op);
                        ins.add(new BtcInput(j, op, 0xffffffffL, Optional.of(spent)));
                        total += spent.value();
                    }
                    long fee = r.nextInt(3) == 0 ? 0 : (long) (r.nextDouble() * (total / 10.0));
                    total -= fee;
                }
                int m = 1 + r.nextInt(4);
                long left = total;
                for (int j = 0; j < m; j++) {
                    long v = j == m - 1 ? left : (long) (r.nextDouble() * left);
                    left -= v;
                    outs.add(out(j, v, r));
                }
                BtcTx t = new BtcTx(txid, 2, 0, 200, coinbase, ins, outs, Optional.of(c));
                txs.add(t);
                t.outputs().forEach(o -> unspent.put(new Outpoint(txid, o.index()), o));
            }
        }
        List<BtcTx> kept = new ArrayList<>();
        for (BtcTx t : txs) {
            if (r.nextInt(100) >= dropPercent) {
                kept.add(t);
            }
        }
        if (kept.isEmpty()) {
            kept.add(txs.get(txs.size() - 1));
        }
        boolean allKept = kept.size() == txs.size();
        TxSet set = TxSet.of(kept, new BlockRange(100, 100 + blocks - 1), complete && allKept);
        BtcTx pick = kept.get(r.nextInt(kept.size()));
        Direction d = r.nextBoolean() ? Direction.FORWARD : Direction.BACKWARD;
        Seed s = r.nextInt(3) == 0 ? Seed.tx(pick.txid())
                : Seed.address(UtxoEdges.outputVertex(pick.txid(), pick.outputs().get(r.nextInt(pick.outputs().size()))));
        TreeSet<Address> dust = new TreeSet<>();
        for (BtcTx t : kept) {
            for (BtcOutput o : t.outputs()) {
                if (r.nextInt(100) < dustPercent) {
                    dust.add(UtxoEdges.outputVertex(t.txid(), o));
                }
            }
        }
        if (s.address().isPresent()) {
            dust.remove(s.address().get());
        }
        return new Case(set, s, d, dust, 1 + r.nextInt(8));
    }

    static Map<String, TraceResult> traceAll(Case c) {
        Dataset d = c.set().dataset("random UTXO graph");
        Map<String, TraceResult> out = new TreeMap<>();
        for (String m : MODELS) {
            try {
                out.put(m, Tracer.builder().dataset(d).classifier(new FakeTokenClassifier(AssetRegistry.bundled()))
                        .model(TaintModel.named(m)).policy(TracePolicy.builder().maxHops(c.hops()).build()).dust(c.dust())
                        .build().trace(List.of(c.seed()), c.direction()));
            } catch (dev.tracer.model.InvalidInputException e) {
                return Map.of(); // a seed transaction whose outputs are all zero moves nothing
            }
        }
        return out;
    }

    static BigInteger total(Map<Asset, BigInteger> m) {
        return m.getOrDefault(SAT, BigInteger.ZERO);
    }

    static List<String> shape(TraceResult t) {
        return t.nodes().stream().map(n -> n.address() + " hop " + n.hop() + " " + n.role()
                + (n.role() == TraceResult.Role.ENDPOINT ? " " + n.endpoint().orElseThrow() : "")).toList();
    }

    @Property(tries = 300)
    void haircutAndFifoConserveTheSeedsAmountToTheSatoshi(@ForAll long seed, @ForAll @IntRange(min = 1, max = 7) int blocks,
                                                          @ForAll boolean complete, @ForAll @IntRange(min = 0, max = 30) int drop,
                                                          @ForAll @IntRange(min = 0, max = 20) int dust) {
        Case c = build(seed, blocks, complete, drop, dust);
        Map<String, TraceResult> r = traceAll(c);
        if (r.isEmpty()) {
            return;
        }
        Statistics.label("direction").collect(c.direction());
        Statistics.label("endpoint kinds").collect(r.get("haircut").endpoints().stream().map(e -> e.kind().code()).sorted().distinct().toList());
        for (String m : List.of("haircut", "fifo")) {
            TraceResult t = r.get(m);
            assertThat(total(t.endpointTotals())).as("%s: endpoints vs seeds, %s", m, c).isEqualTo(total(t.seedAmounts()));
        }
        // a transaction passes on all it receives (outputs and fee): only a coinbase, where a backward trace
        // ends, holds value, and only a coinbase creates value the data cannot explain
        Set<TxHash> coinbases = new TreeSet<>();
        c.set().transactions().stream().filter(BtcTx::coinbase).forEach(t -> coinbases.add(t.txid()));
        for (String m : MODELS) {
            for (TraceResult.Endpoint e : r.get(m).endpoints()) {
                if (e.address().kind() == Address.Kind.TRANSACTION && e.kind() == dev.tracer.trace.EndpointKind.HELD) {
                    assertThat(c.direction()).as("%s: %s held at %s", m, e.amount(), e.address()).isEqualTo(Direction.BACKWARD);
                    assertThat(coinbases).as("%s", e.address()).contains(TxHash.parse(Chain.BITCOIN, e.address().value().substring(3)));
                }
            }
            if (c.direction() == Direction.FORWARD) {
                for (TraceResult.UnexplainedInflow u : r.get(m).unexplained()) {
                    assertThat(u.countedAsStolen() || u.address().kind() == Address.Kind.TRANSACTION
                            && coinbases.contains(TxHash.parse(Chain.BITCOIN, u.address().value().substring(3))))
                            .as("%s: unexplained %s at %s", m, u.amount(), u.address()).isTrue();
                }
            }
        }
        Statistics.label("transactions followed").collect(Math.min(3, (int) r.get("haircut").nodes().stream()
                .filter(n -> n.address().kind() == Address.Kind.TRANSACTION && n.endpoint().isEmpty()).count()));
        Statistics.label("transactions followed").coverage(x -> x.check(0).percentage(p -> p < 70));
        Statistics.label("fee endpoint").coverage(x -> x.check(true).percentage(p -> p > 10));
        Statistics.label("fee endpoint").collect(r.get("haircut").endpoints().stream().anyMatch(e -> e.kind().code().equals("fee")));
        Statistics.label("frontier").collect(r.get("haircut").endpoints().stream().anyMatch(e -> e.kind().code().equals("frontier")));
        Statistics.label("frontier").coverage(x -> x.check(true).percentage(p -> p > 10));
        Statistics.label("dust").collect(r.get("haircut").endpoints().stream().anyMatch(e -> e.kind().code().equals("dust")));
        Statistics.label("dust").coverage(x -> x.check(true).percentage(p -> p > 5));
    }

    @Property(tries = 300)
    void theTracedSetDoesNotDependOnTheModelAndPoisonBoundsHaircut(@ForAll long seed, @ForAll @IntRange(min = 1, max = 7) int blocks,
                                                                   @ForAll boolean complete, @ForAll @IntRange(min = 0, max = 30) int drop) {
        Case c = build(seed, blocks, complete, drop, 5);
        Map<String, TraceResult> r = traceAll(c);
        if (r.isEmpty()) {
            return;
        }
        assertThat(shape(r.get("haircut"))).isEqualTo(shape(r.get("poison"))).isEqualTo(shape(r.get("fifo")));
        Map<Address, BigInteger> poison = new TreeMap<>();
        r.get("poison").nodes().forEach(n -> poison.put(n.address(), total(n.received())));
        for (TraceResult.Node n : r.get("haircut").nodes()) {
            assertThat(poison.getOrDefault(n.address(), BigInteger.ZERO)).as("%s", n.address())
                    .isGreaterThanOrEqualTo(total(n.received()));
        }
    }
}
