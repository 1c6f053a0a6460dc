package dev.tracer.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracer.model.Address;
import dev.tracer.model.Asset;
import dev.tracer.source.Dataset;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The engine against an independent oracle. On random datasets (those of
 * {@link TaintConservationPropertiesTest}: up to 12 addresses, 60 transfers of ETH, stETH and an
 * imitation token, amounts up to 2^100), taint must be what one naive pass over every transfer
 * of the data in the direction of travel gives, with a ledger per address and asset kept by the
 * model's rule as docs/taint-models.md states it. The oracle knows nothing of the engine's reach
 * pass by earliest arrival, sorted replays, hub summaries, 128-bit arithmetic or lazy result: it
 * keeps {@code BigInteger}s (and, for FIFO, a queue of lots) for every address of the data, from
 * the first transfer on.
 *
 * <p>The rules it applies:
 * <ul>
 *   <li>every inflow of the seed is stolen;</li>
 *   <li>an outflow larger than the balance is preceded by a credit of the missing amount from an
 *       unknown source, stolen at the seed and clean elsewhere;</li>
 *   <li>a self-transfer is a debit and a credit of the same lots, and counts in no tally;</li>
 *   <li>a backward trace is the same pass over the time-reversed data, senders and receivers
 *       swapped;</li>
 *   <li>an endpoint absorbs the stolen value that reaches it and passes none on: a stop (an
 *       address labelled as an exchange), a frontier (the data lacks its outflows; its inflows,
 *       backward), an address at the hop limit, one cut by its sender's fan-out cap
 *       ({@link #endpoints} says which addresses a trace reaches and how);</li>
 *   <li>with a window start, nothing is stolen before it, and the seed's holdings at the start
 *       (all of them, in every lot) are.</li>
 * </ul>
 * Compared per address and asset: the stolen value received from others, sent to others and held
 * at the end; and the endpoints with their kinds and amounts. Minimum amounts are left out: which
 * transfers they cut depends on the amounts, which is the engine's rule to state, not the data's.
 */
class GlobalReplayOracleTest {

    @Provide
    Arbitrary<TaintConservationPropertiesTest.Spec> complete() {
        return TaintConservationPropertiesTest.specs(false, false, true).map(s -> {
            List<Boolean> all = Collections.nCopies(s.n(), true);
            return new TaintConservationPropertiesTest.Spec(s.n(), s.txs(), all, all, s.seed(), s.exchange(), 1000,
                    BigDecimal.ZERO, TracePolicy.DEFAULT_FAN_OUT_CAP, s.forward(), 0);
        });
    }

    /**
     * Coverage as generated, except at the seed and the stop: an address whose outflows
     * (forward; inflows backward) the data lacks is a frontier, which absorbs what reaches it.
     */
    @Provide
    Arbitrary<TaintConservationPropertiesTest.Spec> partial() {
        return TaintConservationPropertiesTest.specs(false, false, true).map(s -> {
            List<Boolean> out = new ArrayList<>(s.outComplete());
            List<Boolean> in = new ArrayList<>(s.inComplete());
            for (int i : new int[] {s.seed(), s.exchange()}) {
                if (i >= 0) {
                    out.set(i, true);
                    in.set(i, true);
                }
            }
            return new TaintConservationPropertiesTest.Spec(s.n(), s.txs(), out, in, s.seed(), s.exchange(), 1000,
                    BigDecimal.ZERO, TracePolicy.DEFAULT_FAN_OUT_CAP, s.forward(), 0);
        });
    }

    @Property(tries = 300)
    void everyModelIsTheGlobalReplayWithFrontiers(@ForAll("partial") TaintConservationPropertiesTest.Spec s) {
        for (TaintModel model : TaintConservationPropertiesTest.MODELS) {
            assertMatchesOracle(s, model);
        }
        reachesOthersIn(50);
        Statistics.label("a frontier absorbed taint").coverage(c -> c.check(true).percentage(p -> p > 20));
    }

    /** Hop limits of 2 to 4 and fan-out caps of 1 to 3, where they cut; no minimum amount. */
    @Provide
    Arbitrary<TaintConservationPropertiesTest.Spec> cut() {
        return TaintConservationPropertiesTest.specs(true, false, true).map(s -> new TaintConservationPropertiesTest.Spec(
                s.n(), s.txs(), s.outComplete(), s.inComplete(), s.seed(), s.exchange(), 2 + s.hops() % 3, BigDecimal.ZERO,
                s.fanOutCap(), s.forward(), 0));
    }

    @Property(tries = 300)
    void everyModelIsTheGlobalReplayWithHopLimitsAndFanOutCaps(@ForAll("cut") TaintConservationPropertiesTest.Spec s) {
        for (TaintModel model : TaintConservationPropertiesTest.MODELS) {
            assertMatchesOracle(s, model);
        }
        reachesOthersIn(50);
        Statistics.label("a hop limit absorbed taint").coverage(c -> c.check(true).percentage(p -> p > 2));
        Statistics.label("a fan-out cut absorbed taint").coverage(c -> c.check(true).percentage(p -> p > 2));
    }

    /** The same with a window start: the seed's holdings at the start are what was stolen. */
    @Provide
    Arbitrary<TaintConservationPropertiesTest.Spec> completeWindowed() {
        return TaintConservationPropertiesTest.specs(false, true, false).map(s -> {
            List<Boolean> all = Collections.nCopies(s.n(), true);
            return new TaintConservationPropertiesTest.Spec(s.n(), s.txs(), all, all, s.seed(), s.exchange(), 1000,
                    BigDecimal.ZERO, TracePolicy.DEFAULT_FAN_OUT_CAP, true, s.beforeSince());
        });
    }

    @Property(tries = 200)
    void everyModelIsTheGlobalReplayInAWindow(@ForAll("completeWindowed") TaintConservationPropertiesTest.Spec s) {
        for (TaintModel model : TaintConservationPropertiesTest.MODELS) {
            assertMatchesOracle(s, model);
        }
        reachesOthersIn(20);
    }

    /** The generator must give the oracle something to disagree about: taint beyond the seed. */
    static void reachesOthersIn(int percent) {
        Statistics.label("taint reached another address").coverage(c -> c.check(true).percentage(p -> p > percent));
    }

    @Property(tries = 300)
    void haircutIsTheGlobalReplay(@ForAll("complete") TaintConservationPropertiesTest.Spec s) {
        assertMatchesOracle(s, new HaircutTaint());
        reachesOthersIn(70);
        Statistics.label("a stop absorbed taint").coverage(c -> c.check(true).percentage(p -> p > 10));
    }

    @Property(tries = 300)
    void fifoIsTheGlobalReplay(@ForAll("complete") TaintConservationPropertiesTest.Spec s) {
        assertMatchesOracle(s, new FifoTaint());
        reachesOthersIn(70);
        Statistics.label("a stop absorbed taint").coverage(c -> c.check(true).percentage(p -> p > 10));
    }

    @Property(tries = 300)
    void poisonIsTheGlobalReplay(@ForAll("complete") TaintConservationPropertiesTest.Spec s) {
        assertMatchesOracle(s, new PoisonTaint());
        reachesOthersIn(70);
        Statistics.label("a stop absorbed taint").coverage(c -> c.check(true).percentage(p -> p > 10));
    }

    static void assertMatchesOracle(TaintConservationPropertiesTest.Spec s, TaintModel model) {
        Map<String, BigInteger[]> want = replay(s, model.name());
        Statistics.label("taint reached another address").collect(want.keySet().stream()
                .anyMatch(k -> !k.startsWith(String.format("%02d ", s.seed()))));
        TraceResult t = trace(s, model);
        Map<String, BigInteger[]> got = new TreeMap<>();
        for (TraceResult.Node n : t.nodes()) {
            int a = TaintConservationPropertiesTest.indexOf(s, n.address());
            for (int x = 0; x < 2; x++) {
                Asset asset = TaintConservationPropertiesTest.ASSETS[x];
                BigInteger[] v = {TaintConservationPropertiesTest.get(n.received(), asset),
                    TaintConservationPropertiesTest.get(n.sent(), asset), TaintConservationPropertiesTest.get(n.held(), asset)};
                if (n.role() == TraceResult.Role.SEED) {
                    v[0] = BigInteger.ZERO; // a seed's inflows are what was stolen, not taint it received
                }
                if (v[0].signum() != 0 || v[1].signum() != 0 || v[2].signum() != 0) {
                    got.put(key(a, x), v);
                }
            }
        }
        assertThat(render(got)).as("%s: received, sent, held per address and asset", model.name()).isEqualTo(render(want));
        Map<String, String> endpoints = new TreeMap<>();
        for (TraceResult.Endpoint e : t.endpoints()) {
            int x = e.amount().asset().equals(TaintConservationPropertiesTest.ETH) ? 0 : 1;
            String k = key(TaintConservationPropertiesTest.indexOf(s, e.address()), x);
            assertThat(endpoints.put(k, e.kind() + " " + e.amount().value())).as("%s: two endpoints for %s", model.name(), k).isNull();
        }
        Map<String, String> expected = new TreeMap<>();
        Map<Integer, EndpointKind> sinks = endpoints(s);
        want.forEach((k, v) -> {
            EndpointKind sink = sinks.get(Integer.parseInt(k.substring(0, 2)));
            if (sink != null) {
                if (v[0].signum() > 0) {
                    expected.put(k, sink + " " + v[0]);
                }
            } else if (v[2].signum() > 0) {
                expected.put(k, EndpointKind.HELD + " " + v[2]);
            }
        });
        Statistics.label("a stop absorbed taint").collect(expected.values().stream().anyMatch(v -> v.startsWith("STOPPED")));
        Statistics.label("a frontier absorbed taint").collect(expected.values().stream().anyMatch(v -> v.startsWith("FRONTIER")));
        Statistics.label("a hop limit absorbed taint").collect(expected.values().stream().anyMatch(v -> v.startsWith("HOP_LIMIT")));
        Statistics.label("a fan-out cut absorbed taint").collect(expected.values().stream()
                .anyMatch(v -> v.startsWith("FAN_OUT_CUT")));
        assertThat(endpoints).as("%s: endpoints", model.name()).isEqualTo(expected);
    }

    static TraceResult trace(TaintConservationPropertiesTest.Spec s, TaintModel model) {
        Dataset d = TaintConservationPropertiesTest.dataset(s, false); // coverage as the spec says
        Address seed = TaintConservationPropertiesTest.address(s.seed());
        return Tracer.builder().dataset(d).labels(TaintConservationPropertiesTest.labels(s)).classifier(TaintConservationPropertiesTest.CLASSIFIER)
                .model(model).policy(TaintConservationPropertiesTest.policy(s)).build()
                .trace(List.of(Seed.address(seed)), s.forward() ? Direction.FORWARD : Direction.BACKWARD);
    }

    /**
     * Which addresses a trace of {@code s} reaches and does not follow, with why: one pass over
     * the transfers in the direction of travel. The seed is followed from the start; a transfer
     * of value in the window from a followed address, after the transfer that reached it, reaches
     * its receiver if nothing reached it before, at one hop more than the sender. The receiver is
     * then an endpoint (which absorbs the stolen value that reaches it and passes none on) if it
     * is a stop, if the data lacks its outflows (inflows, backward), if it is at the hop limit, or
     * if its sender has already had the fan-out cap's number of receivers followed; else it is
     * followed. Addresses not in the map are followed or never reached.
     */
    static Map<Integer, EndpointKind> endpoints(TaintConservationPropertiesTest.Spec s) {
        List<TaintConservationPropertiesTest.Tx> order = new ArrayList<>(s.txs());
        if (!s.forward()) {
            Collections.reverse(order);
        }
        Map<Integer, EndpointKind> ends = new TreeMap<>();
        Map<Integer, Integer> hop = new TreeMap<>();   // reached addresses
        Map<Integer, Integer> reachedAt = new TreeMap<>();
        Map<Integer, Integer> fanOut = new TreeMap<>();
        hop.put(s.seed(), 0);
        reachedAt.put(s.seed(), -1);
        for (int k = 0; k < order.size(); k++) {
            TaintConservationPropertiesTest.Tx t = order.get(k);
            int from = s.forward() ? t.from() : t.to();
            int to = s.forward() ? t.to() : t.from();
            boolean inWindow = s.beforeSince() == 0 || TaintConservationPropertiesTest.inWindow(s, k);
            if (!t.carriesValue() || !inWindow || !hop.containsKey(from) || ends.containsKey(from)
                    || reachedAt.get(from) >= k || hop.containsKey(to)) {
                continue;
            }
            int h = hop.get(from) + 1;
            hop.put(to, h);
            reachedAt.put(to, k);
            boolean complete = s.forward() ? s.outComplete().get(to) : s.inComplete().get(to);
            if (to == s.exchange()) {
                ends.put(to, EndpointKind.STOPPED);
            } else if (!complete) {
                ends.put(to, EndpointKind.FRONTIER);
            } else if (h >= s.hops()) {
                ends.put(to, EndpointKind.HOP_LIMIT);
            } else if (fanOut.getOrDefault(from, 0) >= s.fanOutCap()) {
                ends.put(to, EndpointKind.FAN_OUT_CUT);
            } else {
                fanOut.merge(from, 1, Integer::sum);
            }
        }
        return ends;
    }

    static String key(int address, int asset) {
        return String.format("%02d %s", address, TaintConservationPropertiesTest.ASSETS[asset].symbol());
    }

    static Map<String, String> render(Map<String, BigInteger[]> m) {
        Map<String, String> r = new TreeMap<>();
        m.forEach((k, v) -> r.put(k, "received " + v[0] + ", sent " + v[1] + ", held " + v[2]));
        return r;
    }

    // ---------------------------------------------------------------- the oracle

    /** A lot: an amount and whether it is stolen. */
    record Lot(BigInteger amount, boolean stolen) {
    }

    /** One address's holding of one asset under one model. */
    static final class Holding {
        BigInteger balance = BigInteger.ZERO;
        BigInteger tainted = BigInteger.ZERO;
        boolean poisoned;
        final Deque<Lot> lots = new ArrayDeque<>();
        BigInteger received = BigInteger.ZERO;
        BigInteger sent = BigInteger.ZERO;

        void credit(List<Lot> in) {
            for (Lot l : in) {
                balance = balance.add(l.amount());
                if (l.stolen()) {
                    tainted = tainted.add(l.amount());
                    poisoned = true;
                }
                lots.addLast(l);
            }
        }

        List<Lot> debit(String model, BigInteger amount) {
            List<Lot> out = new ArrayList<>();
            switch (model) {
                case "haircut" -> {
                    BigInteger share = amount.equals(balance) ? tainted : tainted.multiply(amount).divide(balance);
                    tainted = tainted.subtract(share);
                    out.add(new Lot(share, true));
                    out.add(new Lot(amount.subtract(share), false));
                }
                case "poison" -> out.add(new Lot(amount, poisoned));
                case "fifo" -> {
                    BigInteger need = amount;
                    while (need.signum() > 0) {
                        Lot head = lots.pollFirst();
                        if (head.amount().compareTo(need) <= 0) {
                            out.add(head);
                            need = need.subtract(head.amount());
                        } else {
                            out.add(new Lot(need, head.stolen()));
                            lots.addFirst(new Lot(head.amount().subtract(need), head.stolen()));
                            need = BigInteger.ZERO;
                        }
                        if (out.get(out.size() - 1).stolen()) {
                            tainted = tainted.subtract(out.get(out.size() - 1).amount());
                        }
                    }
                }
                default -> throw new IllegalArgumentException(model);
            }
            balance = balance.subtract(amount);
            if (!model.equals("fifo")) {
                lots.clear(); // only FIFO keeps order
            }
            out.removeIf(l -> l.amount().signum() == 0);
            return out;
        }

        /** Marks everything held as stolen: the seed's holdings at a window's start. */
        void stealAll() {
            tainted = balance;
            poisoned = true;
            List<Lot> all = new ArrayList<>(lots);
            lots.clear();
            BigInteger sum = all.stream().map(Lot::amount).reduce(BigInteger.ZERO, BigInteger::add);
            if (sum.signum() > 0) {
                lots.addLast(new Lot(sum, true));
            }
        }

        BigInteger held(String model) {
            return model.equals("poison") ? (poisoned ? balance : BigInteger.ZERO) : tainted;
        }
    }

    static BigInteger stolen(List<Lot> lots) {
        return lots.stream().filter(Lot::stolen).map(Lot::amount).reduce(BigInteger.ZERO, BigInteger::add);
    }

    /** Address and asset to {received, sent, held}, for every holding with any of them non-zero. */
    static Map<String, BigInteger[]> replay(TaintConservationPropertiesTest.Spec s, String model) {
        List<TaintConservationPropertiesTest.Tx> order = new ArrayList<>(s.txs());
        if (!s.forward()) {
            Collections.reverse(order);
        }
        Map<String, Holding> holdings = new TreeMap<>();
        Map<Integer, EndpointKind> sinks = endpoints(s);
        boolean started = s.beforeSince() == 0;
        for (int k = 0; k < order.size(); k++) {
            TaintConservationPropertiesTest.Tx t = order.get(k);
            if (!started && TaintConservationPropertiesTest.inWindow(s, k)) {
                started = true; // windows are forward only, so k is the transfer's index in the spec
                for (int x = 0; x < 2; x++) {
                    Holding seed = holdings.get(key(s.seed(), x));
                    if (seed != null) {
                        seed.stealAll();
                    }
                }
            }
            if (!t.carriesValue()) {
                continue;
            }
            int from = s.forward() ? t.from() : t.to();
            int to = s.forward() ? t.to() : t.from();
            Holding h = holdings.computeIfAbsent(key(from, t.asset()), x -> new Holding());
            boolean fromSeed = started && from == s.seed();
            if (fromSeed) {
                h.poisoned = true;
            }
            if (t.amount().compareTo(h.balance) > 0) {
                h.credit(List.of(new Lot(t.amount().subtract(h.balance), fromSeed)));
            }
            List<Lot> draw = h.debit(model, t.amount());
            Holding r = holdings.computeIfAbsent(key(to, t.asset()), x -> new Holding());
            if (started && to == s.seed()) {
                r.credit(List.of(new Lot(t.amount(), true)));
            } else if (sinks.containsKey(to)) {
                r.credit(List.of(new Lot(t.amount(), false))); // an endpoint absorbs the taint: it is not followed
            } else {
                r.credit(draw);
            }
            if (from != to) {
                h.sent = h.sent.add(stolen(draw));
                if (!(started && to == s.seed())) {
                    r.received = r.received.add(stolen(draw));
                }
            }
        }
        if (!started) {
            // the window starts after the last transfer: the seed's holdings then are what was stolen
            for (int x = 0; x < 2; x++) {
                Holding seed = holdings.get(key(s.seed(), x));
                if (seed != null) {
                    seed.stealAll();
                }
            }
        }
        Map<String, BigInteger[]> out = new TreeMap<>();
        holdings.forEach((k, h) -> {
            BigInteger[] v = {h.received, h.sent, h.held(model)};
            if (sinks.containsKey(Integer.parseInt(k.substring(0, 2)))) {
                v[2] = BigInteger.ZERO; // what an endpoint holds is reported as what reached it
            }
            if (v[0].signum() != 0 || v[1].signum() != 0 || v[2].signum() != 0) {
                out.put(k, v);
            }
        });
        return out;
    }
}
