package dev.tracer.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracer.model.Address;
import dev.tracer.model.Asset;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import java.util.function.ToIntFunction;

/**
 * A naive oracle of what a trace must find: one pass over every transfer of the data in the
 * direction of travel, with a ledger per address and asset ({@code BigInteger}s; for FIFO, a
 * queue of lots) kept from the first transfer on by the model's rule as docs/taint-models.md
 * states it. It knows nothing of the engine's reach pass, sorted replays, hub summaries, 128-bit
 * arithmetic or lazy result. {@link GlobalReplayOracleTest} runs it on small random datasets,
 * {@link GlobalReplayOnBenchDataTest} on the benchmark's generated data.
 *
 * <p>The rules:
 * <ul>
 *   <li>every inflow of a seed is stolen;</li>
 *   <li>an outflow larger than the balance is preceded by a credit of the missing amount from an
 *       unknown source, stolen at a seed and clean elsewhere;</li>
 *   <li>a self-transfer is a debit and a credit of the same lots, and counts in no tally;</li>
 *   <li>a backward trace is the same pass over the time-reversed data, senders and receivers
 *       swapped (the caller gives the moves that way);</li>
 *   <li>an endpoint absorbs the stolen value that reaches it and passes none on
 *       ({@link #reach} says which addresses a trace reaches and does not follow); so does an
 *       address no followed transfer of enough value reached, to which stolen value still came
 *       (by a transfer below the minimum amount);</li>
 *   <li>with a window start, nothing is stolen before it, and the seeds' holdings at the start
 *       (all of them, in every lot) are.</li>
 * </ul>
 */
final class GlobalReplay {
    private GlobalReplay() {
    }

    /**
     * One transfer in the direction of travel: sender and receiver as the trace sees them (swapped,
     * backward), an asset index, the amount; {@code value}: it carries value (a genuine asset, not
     * zero); {@code inWindow}: it is inside the trace's time window.
     */
    record Move(int from, int to, int asset, BigInteger amount, boolean value, boolean inWindow) {
    }

    /**
     * Every transfer of {@code g} in the direction of travel, with graph ids for addresses and
     * assets; a transfer carries value when it is not zero and {@code classifier} says its asset does.
     */
    static List<Move> moves(dev.tracer.graph.TransferGraph g, boolean forward, dev.tracer.assets.FakeTokenClassifier classifier) {
        boolean[] traced = new boolean[g.assetCount()];
        for (int i = 0; i < traced.length; i++) {
            traced[i] = classifier.classify(g.asset(i)).carriesValue();
        }
        List<Move> out = new ArrayList<>(g.edgeCount());
        for (int i = 0; i < g.edgeCount(); i++) {
            int e = forward ? i : g.edgeCount() - 1 - i;
            BigInteger amount = g.amount(e);
            boolean value = traced[g.assetId(e)] && amount.signum() > 0;
            out.add(forward ? new Move(g.from(e), g.to(e), g.assetId(e), amount, value, true)
                    : new Move(g.to(e), g.from(e), g.assetId(e), amount, value, true));
        }
        return out;
    }

    /** An address and an asset index. */
    record Key(int address, int asset) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            return address != o.address ? Integer.compare(address, o.address) : Integer.compare(asset, o.asset);
        }
    }

    /**
     * Which addresses a trace reaches, and which of those it does not follow ({@link #ends}, with
     * why); one pass over the moves, for a policy without a minimum amount.
     */
    static Reach reach(List<Move> moves, Set<Integer> seeds, IntPredicate stop, IntPredicate complete, int hops,
                       int fanOutCap) {
        return reach(moves, seeds, a -> false, a -> false, stop, complete, m -> true, hops, fanOutCap);
    }

    /**
     * What a trace reaches: one pass over the moves. The seeds are followed from the start; a move
     * of value in the window, {@code enough} for the minimum amount, from a followed address after
     * the move that reached it, reaches its receiver if nothing reached it before, at one hop more
     * than the sender, or none when the receiver is {@code free} (an output, from the transaction
     * that created or spends it: in the UTXO model a hop is a transaction). The receiver is then an
     * endpoint if it is a {@code sink} (the fee), a stop, if the data lacks its outflows in the
     * direction of travel, if it is at the hop limit, or if its sender has already had the fan-out
     * cap's number of receivers followed (asked in that order); else it is followed.
     */
    static Reach reach(List<Move> moves, Set<Integer> seeds, IntPredicate sink, IntPredicate free, IntPredicate stop,
                       IntPredicate complete, java.util.function.Predicate<Move> enough, int hops, int fanOutCap) {
        Map<Integer, EndpointKind> ends = new HashMap<>();
        Map<Integer, Integer> hop = new HashMap<>();
        Map<Integer, Integer> reachedAt = new HashMap<>();
        Map<Integer, Integer> fanOut = new HashMap<>();
        for (int s : seeds) {
            hop.put(s, 0);
            reachedAt.put(s, -1);
        }
        for (int k = 0; k < moves.size(); k++) {
            Move m = moves.get(k);
            if (!m.value() || !m.inWindow() || !enough.test(m) || !hop.containsKey(m.from()) || ends.containsKey(m.from())
                    || reachedAt.get(m.from()) >= k || hop.containsKey(m.to())) {
                continue;
            }
            int h = hop.get(m.from()) + (free.test(m.to()) ? 0 : 1);
            hop.put(m.to(), h);
            reachedAt.put(m.to(), k);
            if (sink.test(m.to())) {
                ends.put(m.to(), EndpointKind.FEE);
            } else if (stop.test(m.to())) {
                ends.put(m.to(), EndpointKind.STOPPED);
            } else if (!complete.test(m.to())) {
                ends.put(m.to(), EndpointKind.FRONTIER);
            } else if (h >= hops) {
                ends.put(m.to(), EndpointKind.HOP_LIMIT);
            } else if (fanOut.getOrDefault(m.from(), 0) >= fanOutCap) {
                ends.put(m.to(), EndpointKind.FAN_OUT_CUT);
            } else {
                fanOut.merge(m.from(), 1, Integer::sum);
            }
        }
        return new Reach(hop.keySet(), ends);
    }

    /**
     * The addresses a trace reached ({@code reached}: followed ones, endpoints and seeds), and its
     * endpoints with why they were not followed.
     */
    record Reach(Set<Integer> reached, Map<Integer, EndpointKind> ends) {
    }

    /**
     * What the oracle found: per address and asset {received from others, sent to others, held at
     * the end} of stolen value, for every holding with any of them non-zero (an endpoint's held is
     * 0: what reached it is its endpoint amount); and the endpoints, with those the replay found
     * (an address reached by no followed transfer of enough value, to which stolen value still
     * came: below the minimum).
     */
    record Found(Map<Key, BigInteger[]> holdings, Map<Integer, EndpointKind> ends) {
    }

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

        /** Marks everything held as stolen: a seed's holdings at a window's start. */
        void stealAll() {
            tainted = balance;
            poisoned = true;
            BigInteger sum = lots.stream().map(Lot::amount).reduce(BigInteger.ZERO, BigInteger::add);
            lots.clear();
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

    /**
     * Replays {@code moves}. {@code windowed}: the trace has a window start, which is at the first
     * move in the window (or after the last move, when none is).
     */
    static Found replay(List<Move> moves, Set<Integer> seeds, Reach reach, boolean windowed, String model) {
        Map<Integer, EndpointKind> sinks = new HashMap<>(reach.ends());
        Map<Key, Holding> holdings = new HashMap<>();
        boolean started = !windowed;
        for (Move m : moves) {
            if (!started && m.inWindow()) {
                started = true;
                stealAll(holdings, seeds);
            }
            if (!m.value()) {
                continue;
            }
            Holding h = holdings.computeIfAbsent(new Key(m.from(), m.asset()), x -> new Holding());
            boolean fromSeed = started && seeds.contains(m.from());
            if (fromSeed) {
                h.poisoned = true;
            }
            if (m.amount().compareTo(h.balance) > 0) {
                h.credit(List.of(new Lot(m.amount().subtract(h.balance), fromSeed)));
            }
            List<Lot> draw = h.debit(model, m.amount());
            Holding r = holdings.computeIfAbsent(new Key(m.to(), m.asset()), x -> new Holding());
            boolean toSeed = started && seeds.contains(m.to());
            if (toSeed) {
                r.credit(List.of(new Lot(m.amount(), true)));
            } else if (sinks.containsKey(m.to())) {
                r.credit(List.of(new Lot(m.amount(), false))); // an endpoint absorbs the taint: it is not followed
            } else if (!reach.reached().contains(m.to())) {
                if (stolen(draw).signum() > 0) { // stolen value by a transfer below the minimum: an endpoint now
                    sinks.put(m.to(), EndpointKind.BELOW_MINIMUM);
                }
                r.credit(List.of(new Lot(m.amount(), false)));
            } else {
                r.credit(draw);
            }
            if (m.from() != m.to()) {
                h.sent = h.sent.add(stolen(draw));
                if (!toSeed) {
                    r.received = r.received.add(stolen(draw));
                }
            }
        }
        if (!started) {
            stealAll(holdings, seeds);
        }
        Map<Key, BigInteger[]> out = new TreeMap<>();
        holdings.forEach((k, h) -> {
            boolean end = sinks.containsKey(k.address());
            boolean reached = reach.reached().contains(k.address()) || end;
            BigInteger[] v = {h.received, h.sent, end || !reached ? BigInteger.ZERO : h.held(model)};
            if (v[0].signum() != 0 || v[1].signum() != 0 || v[2].signum() != 0) {
                out.put(k, v);
            }
        });
        return new Found(out, sinks);
    }

    private static void stealAll(Map<Key, Holding> holdings, Set<Integer> seeds) {
        holdings.forEach((k, h) -> {
            if (seeds.contains(k.address())) {
                h.stealAll();
            }
        });
    }

    /**
     * Asserts that {@code t} is what the oracle found: per address and asset the stolen value
     * received (0 for a seed: its inflows are what was stolen), sent and held, and every endpoint
     * with its kind and amount ({@code sinks}' kinds for endpoints, HELD elsewhere).
     */
    static void assertMatches(String what, TraceResult t, Found found, ToIntFunction<Address> id, ToIntFunction<Asset> asset) {
        Map<Key, BigInteger[]> want = found.holdings();
        Map<Integer, EndpointKind> sinks = found.ends();
        Map<Key, String> got = new TreeMap<>();
        for (TraceResult.Node n : t.nodes()) {
            int a = id.applyAsInt(n.address());
            java.util.SortedSet<Asset> assets = new java.util.TreeSet<>(n.received().keySet());
            assets.addAll(n.sent().keySet());
            assets.addAll(n.held().keySet());
            for (Asset x : assets) {
                BigInteger[] v = {n.role() == TraceResult.Role.SEED ? BigInteger.ZERO : n.received().getOrDefault(x, BigInteger.ZERO),
                    n.sent().getOrDefault(x, BigInteger.ZERO), n.held().getOrDefault(x, BigInteger.ZERO)};
                if (v[0].signum() != 0 || v[1].signum() != 0 || v[2].signum() != 0) {
                    got.put(new Key(a, asset.applyAsInt(x)), render(v));
                }
            }
        }
        Map<Key, String> expected = new TreeMap<>();
        want.forEach((k, v) -> expected.put(k, render(v)));
        assertSame(what + ": received, sent, held per address and asset", got, expected);
        Map<Key, String> endpoints = new TreeMap<>();
        for (TraceResult.Endpoint e : t.endpoints()) {
            Key k = new Key(id.applyAsInt(e.address()), asset.applyAsInt(e.amount().asset()));
            assertThat(endpoints.put(k, e.kind() + " " + e.amount().value())).as("%s: two endpoints for %s", what, k).isNull();
        }
        Map<Key, String> ends = new TreeMap<>();
        want.forEach((k, v) -> {
            EndpointKind sink = sinks.get(k.address());
            if (sink != null) {
                if (v[0].signum() > 0) {
                    ends.put(k, sink + " " + v[0]);
                }
            } else if (v[2].signum() > 0) {
                ends.put(k, EndpointKind.HELD + " " + v[2]);
            }
        });
        assertSame(what + ": endpoints", endpoints, ends);
    }

    /** Asserts equal maps, naming only the entries that differ (at most 20): the maps can be large. */
    private static void assertSame(String what, Map<Key, String> engine, Map<Key, String> oracle) {
        java.util.SortedSet<Key> keys = new java.util.TreeSet<>(engine.keySet());
        keys.addAll(oracle.keySet());
        List<String> differ = new ArrayList<>();
        for (Key k : keys) {
            if (!java.util.Objects.equals(engine.get(k), oracle.get(k))) {
                differ.add("address " + k.address() + " asset " + k.asset() + ": engine " + engine.get(k) + ", oracle " + oracle.get(k));
            }
        }
        assertThat(differ.subList(0, Math.min(20, differ.size()))).as("%s: %d of %d entries differ", what, differ.size(), keys.size())
                .isEmpty();
    }

    private static String render(BigInteger[] v) {
        return "received " + v[0] + ", sent " + v[1] + ", held " + v[2];
    }
}
