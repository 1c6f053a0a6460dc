package dev.tracer.trace;

import dev.tracer.assets.AssetVerdict;
import dev.tracer.graph.TransferGraph;
import dev.tracer.label.Label;
import dev.tracer.label.LabelStore;
import dev.tracer.model.Address;
import dev.tracer.model.Amount;
import dev.tracer.model.Asset;
import dev.tracer.model.TransferKind;
import dev.tracer.source.Dataset;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.concurrent.Executor;

/** The state of one {@link Tracer#trace} call: pass 1 (reach) and pass 2 (taint). Not thread-safe. */
final class TraceRun {
    private static final byte UNSEEN = 0;
    private static final byte FOLLOWED = 1;
    private static final byte ENDPOINT = 2;
    private static final int STOP_CONFIDENCE = 50;
    private static final int REPLAY_STEP = 16;
    private static final int REPLAY_CHECKPOINTS = 128;

    private final TransferGraph g;
    private final Dataset data;
    private final LabelStore labels;
    private final TaintModel model;
    private final TracePolicy policy;
    private final Direction direction;
    private final boolean fwd;
    private final boolean[] traced;
    private final BigInteger[] minBase;
    /** This direction's view of the graph (immutable: the result's values use it after the trace). */
    private final TravelView view;
    /** Finds the poisoning the result lists, and makes its values when read. */
    private final Poisonings poisonings;
    /** Which addresses have calls or excluded transfers to list at all (most have none). */
    private final OutflowMarks marks;

    // pass 1
    private final byte[] status;
    private final int[] hop;
    private final EndpointKind[] reason;
    private final int[] cutBy;
    private final int[] fanOut;
    private final int[] reachOrd;
    private final int[] parent;
    private final boolean[] seed;
    private final boolean[] active; // per address id: its node state is active (see TraceScratch#active)
    private final TraceScratch scratch;
    private int[] touchedIds;
    private final HubMemo memo;
    private final int[] dust; // sorted ids of dust outputs (usually none)
    private final java.util.BitSet labelled; // ids of labelled addresses (never modified)
    /** Makes the result's values on read; holds nothing of this run. */
    private final ResultValues values;
    // pass 2
    private final TreeMap<Integer, BigInteger> introduced = new TreeMap<>();
    // the transfers that carried taint, as found: edge and tainted part
    private int[] tracedEdge = new int[64];
    private Draw[] tracedPart = new Draw[64]; // the draw whose tainted part the transfer carried
    private int tracedCount;
    private final List<Unexplained> unexplained = new ArrayList<>();
    /** Clean replays made ahead by another thread for the followed addresses {@link #replayIds} (ascending), or null. */
    private MadeAhead<Replay> replays;
    private int[] replayIds;
    /** Where a large trace's {@link #startSide side work} and {@link SideParts} are done while this run goes on. */
    private final Executor sideExecutor;
    /** Touched addresses (after pass 1, and at the result) from which work is handed to {@link #sideExecutor}. */
    private final int sideFrom;
    private final List<String> warnings = new ArrayList<>();
    // swaps: tainted swap-like outflows waiting for their proceeds, per sender
    private final SwapRule swaps;
    private final Map<Integer, java.util.ArrayDeque<Offer>> offers = new HashMap<>();
    private final List<TraceResult.Conversion> conversions = new ArrayList<>();
    private final TreeMap<Integer, BigInteger> convertedIn = new TreeMap<>();
    private final Map<Long, BigInteger> swappedOut = new HashMap<>();
    // same-transaction swaps: offers already matched, per address (later proceeds of that transaction use them too)
    private final Map<Integer, List<Offer>> sameTxUsed = new HashMap<>();
    // proceeds that came before their swap's token-out in chain order: inflow edges waiting for that outflow edge
    private final Map<Integer, List<Integer>> awaitingSwap = new HashMap<>();

    /**
     * A swap-like tainted outflow, by edge, still able to explain proceeds: in the same transaction
     * (any unit) or, as an unexplained inflow, later (same {@code unit}; null when the asset has none).
     */
    private static final class Offer {
        final int edge;
        final int receiver;
        final int asset;
        final String unit;
        final String rule;
        final BigInteger total;
        final BigInteger tainted;
        BigInteger remaining;

        Offer(int edge, int receiver, int asset, String unit, String rule, BigInteger total, BigInteger tainted) {
            this.edge = edge;
            this.receiver = receiver;
            this.asset = asset;
            this.unit = unit;
            this.rule = rule;
            this.total = total;
            this.tainted = tainted;
            this.remaining = total;
        }
    }

    private int scanned;
    /** How many positions {@link #gather} returned. */
    private int gathered;
    /** Transfers of addresses taint reached before their pass-1 arrival, by (position, address); null until one. */
    private java.util.PriorityQueue<Long> late;

    /**
     * An unexplained inflow by ids: {@code missing} of transfer {@code edge}'s asset credited at
     * {@code address} before that transfer. Sorted by transfer, then address.
     */
    private record Unexplained(int edge, int address, BigInteger missing, boolean countedAsStolen, BigInteger tainted) {
        TraceResult.UnexplainedInflow value(ResultValues v, TransferGraph g) {
            return new TraceResult.UnexplainedInflow(v.address(address), Amount.of(g.assetOf(edge), missing),
                    v.transfer(edge), countedAsStolen, tainted);
        }
    }

    /**
     * An endpoint by ids, with what it is sorted by (asset id, then amount descending, then
     * address id); {@code path} holds the edges whose transactions are its evidence.
     */
    private record Ranked(int asset, int address, BigInteger amount, long hi, long lo, EndpointKind kind, int hop, int[] path) {
        /**
         * An endpoint row; {@code (hi, lo)} is the amount as a {@link Wide} pair, {@code hi} -1
         * when it is past 127 bits, so the endpoint sort ({@code TraceRun.rank}) reads no big
         * integer for any realistic amount.
         */
        static Ranked of(int asset, int address, BigInteger amount, EndpointKind kind, int hop, int[] path) {
            boolean wide = Wide.fits(amount);
            return new Ranked(asset, address, amount, wide ? Wide.hi(amount) : -1, wide ? Wide.lo(amount) : 0, kind, hop, path);
        }

        TraceResult.Endpoint value(ResultValues v, SortedMap<Asset, BigInteger> traced) {
            Asset a = v.asset(asset);
            return new TraceResult.Endpoint(v.address(address), kind, v.label(address), hop, Amount.of(a, amount),
                    TraceResult.share(amount, traced.get(a)), v.txs(path));
        }
    }

    /** A ledger gap by ids (see {@link TraceResult.LedgerGap}), without the address's totals. */
    private record GapRow(int address, int asset, BigInteger unexplained, boolean countedAsStolen, BigInteger tainted) {
        TraceResult.LedgerGap value(ResultValues v, LedgerTotals totals) {
            BigInteger[] t = totals.of(address, asset);
            return new TraceResult.LedgerGap(v.address(address), v.asset(asset), t[0], t[1], unexplained,
                    countedAsStolen, tainted);
        }
    }

    /**
     * A node by ids: its tallies are indexed by asset id (null: none), {@code kind} is null when
     * it has no endpoint kind and {@code reachedBy} is -1 when it was not reached by a transfer.
     */
    private record NodeRow(int id, int hop, TraceResult.Role role, EndpointKind kind, int[] assets, BigInteger[] received,
                           BigInteger[] sent, BigInteger[] held, int reachedBy) {
        TraceResult.Node value(ResultValues v) {
            return new TraceResult.Node(v.address(id), hop, role, Optional.ofNullable(kind), v.label(id),
                    v.tally(assets, received), v.tally(assets, sent), v.tally(assets, held), v.reachedBy(reachedBy));
        }
    }

    /**
     * Ledgers and tallies of one reached address, one slot per asset it has moved, so its size
     * does not grow with the number of assets in the data: an export with thousands of tokens
     * costs each reached address no more than one with nine. Most addresses move one asset, so
     * the first slot lives in the object's own fields and the arrays are made only for a second:
     * the taint pass reads a ledger or a tally with one memory access fewer, and the state of a
     * reached address is one object instead of five (besides its ledgers and tallies).
     */
    private final class NodeState {
        final int id;
        int asset0 = -1;
        Ledger ledger0;
        // slot 0's tallies: as Wide pairs (high word -1: none yet) until one is past 127 bits, then the BigInteger
        long received0Hi = -1;
        long received0Lo;
        long sent0Hi = -1;
        long sent0Lo;
        BigInteger received0;
        BigInteger sent0;
        int[] assets; // slots 1 and after, at index slot - 1; null until the second asset
        Ledger[] ledgers;
        BigInteger[] received;
        BigInteger[] sent;
        int slots;
        // whether taint has reached it is TraceScratch#active, by id
        int inCur;
        int outCur;

        NodeState(int id) {
            this.id = id;
        }

        /** The slot of {@code asset}, added when new. O(slots); the first asset without reading an array. */
        int slot(int asset) {
            if (asset == asset0) {
                return 0;
            }
            for (int i = 1; i < slots; i++) {
                if (assets[i - 1] == asset) {
                    return i;
                }
            }
            if (slots == 0) {
                asset0 = asset;
                return slots++;
            }
            if (assets == null) {
                assets = new int[2];
                ledgers = new Ledger[2];
                received = new BigInteger[2];
                sent = new BigInteger[2];
            } else if (slots - 1 == assets.length) {
                assets = Arrays.copyOf(assets, 2 * assets.length);
                ledgers = Arrays.copyOf(ledgers, 2 * ledgers.length);
                received = Arrays.copyOf(received, 2 * received.length);
                sent = Arrays.copyOf(sent, 2 * sent.length);
            }
            assets[slots - 1] = asset;
            return slots++;
        }

        Ledger ledger(int asset) {
            int i = slot(asset);
            if (i == 0) {
                if (ledger0 == null) {
                    ledger0 = model.newLedger();
                }
                return ledger0;
            }
            if (ledgers[i - 1] == null) {
                ledgers[i - 1] = model.newLedger();
            }
            return ledgers[i - 1];
        }

        /** Adds the tainted part of {@code d} to the received tally of {@code asset}. */
        void addReceived(int asset, Draw d) {
            int i = slot(asset);
            long hi;
            if (i > 0) {
                received[i - 1] = plus(received[i - 1], d.tainted());
            } else if (received0 == null && d.isWide() && (hi = plusHi(received0Hi, received0Lo, d)) >= 0) {
                received0Hi = hi;
                received0Lo += d.taintedLo();
            } else {
                received0 = plus(bigOf(received0, received0Hi, received0Lo), d.tainted());
                received0Hi = -1;
                received0Lo = 0;
            }
        }

        /** Adds the tainted part of {@code d} to the sent tally of {@code asset}. */
        void addSent(int asset, Draw d) {
            int i = slot(asset);
            long hi;
            if (i > 0) {
                sent[i - 1] = plus(sent[i - 1], d.tainted());
            } else if (sent0 == null && d.isWide() && (hi = plusHi(sent0Hi, sent0Lo, d)) >= 0) {
                sent0Hi = hi;
                sent0Lo += d.taintedLo();
            } else {
                sent0 = plus(bigOf(sent0, sent0Hi, sent0Lo), d.tainted());
                sent0Hi = -1;
                sent0Lo = 0;
            }
        }

        /**
         * The high word of a slot-0 tally {@code (hi, lo)} (none: -1 and 0) plus the tainted part of
         * wide draw {@code d}; negative when the sum is past 127 bits.
         */
        private static long plusHi(long hi, long lo, Draw d) {
            return hi < 0 ? d.taintedHi() : Wide.addHi(hi, lo, d.taintedHi(), d.taintedLo());
        }

        /** A slot-0 tally as a BigInteger: {@code big} when past 127 bits, else the pair (null: none). */
        private static BigInteger bigOf(BigInteger big, long hi, long lo) {
            return big != null ? big : hi < 0 ? null : Wide.big(hi, lo);
        }

        /** A tally plus {@code v}; null is an empty tally. */
        private static BigInteger plus(BigInteger tally, BigInteger v) {
            return tally == null ? v : tally.add(v);
        }

        int assetAt(int i) {
            return i == 0 ? asset0 : assets[i - 1];
        }

        /** The ledger of slot {@code i}, or null when none was made. */
        Ledger ledgerAt(int i) {
            return i == 0 ? ledger0 : ledgers[i - 1];
        }

        BigInteger receivedAt(int i) {
            return i == 0 ? bigOf(received0, received0Hi, received0Lo) : received[i - 1];
        }

        /** Whether any asset's received tally is positive (slot 0's read from its pair, with no BigInteger). */
        boolean receivedAny() {
            if (slots == 0) {
                return false;
            }
            if (received0 == null ? received0Hi > 0 || received0Hi == 0 && received0Lo != 0 : received0.signum() > 0) {
                return true;
            }
            for (int i = 1; i < slots; i++) {
                BigInteger r = received[i - 1];
                if (r != null && r.signum() > 0) {
                    return true;
                }
            }
            return false;
        }

        /** The assets of the slots, in slot order: a new array. */
        int[] assetArray() {
            int[] out = new int[slots];
            for (int i = 0; i < slots; i++) {
                out[i] = assetAt(i);
            }
            return out;
        }

        /** The received tallies by slot (null: none): a new array. */
        BigInteger[] receivedArray() {
            return tallies(bigOf(received0, received0Hi, received0Lo), received);
        }

        /** The sent tallies by slot (null: none): a new array. */
        BigInteger[] sentArray() {
            return tallies(bigOf(sent0, sent0Hi, sent0Lo), sent);
        }

        private BigInteger[] tallies(BigInteger first, BigInteger[] rest) {
            BigInteger[] out = new BigInteger[slots];
            if (slots > 0) {
                out[0] = first;
                if (slots > 1) {
                    System.arraycopy(rest, 0, out, 1, slots - 1);
                }
            }
            return out;
        }
    }

    TraceRun(Dataset data, LabelStore labels, TaintModel model, TracePolicy policy, Direction direction,
             AssetVerdict[] verdicts, boolean[] traced, BigInteger[] minBase, SwapRule swaps, int[] dust,
             TraceScratch scratch, HubMemo memo, java.util.BitSet labelled, OutflowMarks marks, Executor sideExecutor,
             int sideFrom) {
        this.sideExecutor = sideExecutor;
        this.sideFrom = sideFrom;
        this.labelled = labelled;
        this.marks = marks;
        this.values = new ResultValues(data.graph(), labels, labelled);
        this.memo = memo;
        this.swaps = direction == Direction.FORWARD ? swaps : null;
        this.data = data;
        this.g = data.graph();
        this.labels = labels;
        this.model = model;
        this.policy = policy;
        this.direction = direction;
        this.fwd = direction == Direction.FORWARD;
        this.traced = traced;
        this.dust = dust;
        this.view = new TravelView(g, fwd, policy, traced);
        this.poisonings = new Poisonings(view, verdicts, values, memo);
        this.minBase = minBase;
        this.scratch = scratch;
        status = scratch.status;
        hop = scratch.hop;
        reason = scratch.reason;
        cutBy = scratch.cutBy;
        fanOut = scratch.fanOut;
        reachOrd = scratch.reachOrd;
        parent = scratch.parent;
        seed = scratch.seed;
        active = scratch.active;
    }

    /** True when {@code a}'s summaries are kept in the {@link HubMemo} (enough transfers to be worth it). */
    private boolean hub(int a) {
        return memo.isHub(g, a);
    }

    /** Address {@code id}, made once per trace (shared with the result's values). */
    private Address addr(int id) {
        return values.address(id);
    }

    /** The transaction hash of transfer {@code e}, made once per transaction per trace (shared with the result's values). */
    private dev.tracer.model.TxHash txOf(int e) {
        return values.tx(e);
    }

    // ---- direction helpers (TravelView): "out" is the direction of travel, "ord" the order of travel ----

    private int ord(int e) {
        return view.ord(e);
    }

    private int edgeAt(int ord) {
        return view.edgeAt(ord);
    }

    private int sender(int e) {
        return view.sender(e);
    }

    private int receiver(int e) {
        return view.receiver(e);
    }

    private int outDeg(int a) {
        return view.outDeg(a);
    }

    private int outAt(int a, int k) {
        return view.outAt(a, k);
    }

    private int inDeg(int a) {
        return view.inDeg(a);
    }

    private int inAt(int a, int k) {
        return view.inAt(a, k);
    }

    private boolean dust(int a) {
        return dust.length > 0 && java.util.Arrays.binarySearch(dust, a) >= 0;
    }

    private boolean isOutput(int a) {
        return g.addressKind(a) == Address.Kind.OUTPUT;
    }

    private boolean isSink(int a) {
        return g.addressKind(a) == Address.Kind.SINK;
    }

    private boolean covered(int a) {
        if (data.coverage().everyAddress()) {
            return true;
        }
        Address addr = addr(a);
        return fwd ? data.coverage().outflowsComplete(addr) : data.coverage().inflowsComplete(addr);
    }

    private boolean inWindow(int e) {
        return view.inWindow(e);
    }

    private boolean beforeWindow(int e) {
        return view.beforeWindow(e);
    }

    private boolean carriesValue(int e) {
        return view.carriesValue(e);
    }

    /**
     * An address is a stop when any of its labels with at least {@link #STOP_CONFIDENCE}
     * confidence is in a stop category (an exchange also labelled "sanctioned" is still an
     * exchange: the trail leaves the public ledger there).
     */
    private boolean isStop(int a) {
        if (policy.stopAt().isEmpty() || !labelled.get(a)) {
            return false;
        }
        for (Label l : labels.labels(addr(a))) {
            if (l.confidence() >= STOP_CONFIDENCE && policy.stopAt().contains(l.category())) {
                return true;
            }
        }
        return false;
    }

    private int firstOutAfter(int a, int o) {
        return view.firstOutAfter(a, o);
    }

    private int firstInAfter(int a, int o) {
        return view.firstInAfter(a, o);
    }

    private static long key(int ord, long tag) {
        return ((long) ord << 32) | tag;
    }

    TraceResult run(SortedSet<Seed> seeds, List<Integer> seedAddresses, SortedSet<Integer> seedEdges) {
        for (int s : seedAddresses) {
            scratch.touch(s);
            seed[s] = true;
            if (!covered(s)) {
                warnings.add("seed " + addr(s) + ": its " + (fwd ? "outflows" : "inflows")
                        + " are not complete in the data; the trace follows those present");
            }
        }
        reach(seedAddresses, seedEdges);
        SideTask<Early> early = scratch.touchedCount() >= sideFrom ? startSide() : null;
        try {
            taint(seedAddresses, seedEdges);
            if (replays != null) {
                replays.stop();
            }
            return result(seeds, early);
        } finally {
            if (early != null) {
                replays.stop();
                early.settle(); // on an exception: the task reads this run's arrays, which go back to the pool after
            }
        }
    }

    /**
     * Hands a large trace's work that depends only on pass 1 to {@link #sideExecutor}, to be done
     * during pass 2: first the clean replays of the followed addresses up to their pass-1
     * arrivals, in the order of those arrivals ({@link #replays}, which pass 2 takes as taint
     * reaches each address), then the {@link Early} parts of the result. What pass 1 decides
     * (statuses other than UNSEEN, followed addresses' hops and arrivals) pass 2 never changes.
     */
    private SideTask<Early> startSide() {
        int[] reached = scratch.touchedSorted();
        int[] followedIds = followed(reached);
        java.util.BitSet known = new java.util.BitSet();
        for (int a : reached) {
            if (status[a] != UNSEEN) {
                known.set(a); // a status other than UNSEEN is final: pass 2 only gives UNSEEN addresses one
            }
        }
        int n = 0;
        int[] ids = new int[followedIds.length];
        for (int a : followedIds) {
            if (!seed[a]) {
                ids[n++] = a; // a seed's history is replayed by pass 2 itself, as stolen
            }
        }
        replayIds = Arrays.copyOf(ids, n);
        long[] byArrival = new long[n];
        for (int i = 0; i < n; i++) {
            byArrival[i] = ((long) reachOrd[replayIds[i]] << 32) | i;
        }
        RadixSort.sort(byArrival);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = (int) byArrival[i];
        }
        int[] replayed = replayIds;
        MadeAhead<Replay> ahead = new MadeAhead<>(n, slot -> replay(replayed[slot], reachOrd[replayed[slot]]));
        replays = ahead;
        return SideTask.fork(sideExecutor, () -> {
            ahead.work(order);
            return early(followedIds, r -> !known.get(r));
        });
    }

    /** The followed addresses among {@code ids} (ascending), in that order. Pass 1 decides them all. */
    private int[] followed(int[] ids) {
        int n = 0;
        int[] out = new int[ids.length];
        for (int a : ids) {
            if (status[a] == FOLLOWED) {
                out[n++] = a;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * The parts of a result that depend only on pass 1 (which addresses are followed, their hops
     * and arrivals) and the graph: contract calls, poisonings, and the candidates for earlier
     * receivers ({@link #earlierCandidates}).
     */
    private record Early(List<TraceResult.ContractCall> calls, List<TraceResult.Poisoning> poisonings, long[] earlier) {
    }

    /** {@link Early} of {@code followedIds}; {@code open}: whether an address may still be unreached (see {@link #earlierCandidates}). */
    private Early early(int[] followedIds, java.util.function.IntPredicate open) {
        return new Early(calls(followedIds), poisoning(followedIds), earlierCandidates(followedIds, open));
    }

    // ---- pass 1: reach ----

    private void reach(List<Integer> seedAddresses, SortedSet<Integer> seedEdges) {
        int[] cur = scratch.cur;
        RadixHeap heap = new RadixHeap();
        for (int s : seedAddresses) {
            status[s] = FOLLOWED;
            hop[s] = 0;
            pushOut(heap, cur, s);
        }
        for (int e : seedEdges) {
            int r = receiver(e);
            classify(-1, r, e, heap, cur, hopCost(e));
        }
        while (!heap.isEmpty()) {
            long k = heap.pop();
            int e = edgeAt((int) (k >>> 32));
            int a = (int) k;
            cur[a]++;
            pushOut(heap, cur, a);
            if (!inWindow(e) || !carriesValue(e)
                    || minBase[g.assetId(e)].signum() > 0 && g.amount(e).compareTo(minBase[g.assetId(e)]) < 0) {
                continue;
            }
            classify(a, receiver(e), e, heap, cur, hop[a] + hopCost(e));
        }
    }

    /**
     * A hop is a transaction: an account transfer or, in the UTXO model, the step from an output
     * into the transaction that spends it (forward) or from an output back to the transaction
     * that created it (backward); the step between a transaction and its outputs is free.
     */
    private int hopCost(int e) {
        return isOutput(receiver(e)) ? 0 : 1;
    }

    private void pushOut(RadixHeap heap, int[] cur, int a) {
        if (cur[a] < outDeg(a)) {
            heap.push(key(ord(outAt(a, cur[a])), a));
        }
    }

    private void classify(int from, int r, int e, RadixHeap heap, int[] cur, int h) {
        if (status[r] != UNSEEN) {
            return;
        }
        scratch.touch(r);
        hop[r] = h;
        parent[r] = e;
        EndpointKind why = null;
        if (isSink(r)) {
            why = EndpointKind.FEE;
        } else if (dust(r)) {
            why = EndpointKind.DUST;
        } else if (isStop(r)) {
            why = EndpointKind.STOPPED;
        } else if (!covered(r)) {
            why = EndpointKind.FRONTIER;
        } else if (h >= policy.maxHops()) {
            why = EndpointKind.HOP_LIMIT;
        } else if (from >= 0 && fanOut[from] >= policy.fanOutCap()) {
            why = EndpointKind.FAN_OUT_CUT;
            cutBy[r] = from;
        }
        if (why != null) {
            status[r] = ENDPOINT;
            reason[r] = why;
            return;
        }
        status[r] = FOLLOWED;
        reachOrd[r] = ord(e);
        if (from >= 0) {
            fanOut[from]++;
        }
        cur[r] = firstOutAfter(r, ord(e));
        pushOut(heap, cur, r);
    }

    // ---- pass 2: taint ----

    /**
     * Pass 2: every transfer an active address (a seed, or a followed address once taint has
     * reached it) sends or receives, in chain order, through the taint model. Which addresses can
     * become active is known after pass 1, so their transfers from their pass-1 arrival on (a
     * seed's from the window on) are gathered and sorted into chain order at once, rather than
     * merged through a heap one transfer at a time: on the benchmark's data a k-way merge costs
     * about twice as much as sorting the gathered positions ({@code dev.tracer.bench.ChainOrderWalk}).
     * A gathered transfer is processed only when, by then, its sender or its receiver is active
     * (or it is a seed transfer): exactly the transfers a merge of the active addresses' own lists
     * would take. Taint can reach a followed address before its pass-1 arrival, by a transfer
     * pass 1 does not follow (below the policy's minimum); that address's transfers in between
     * are then merged in from a small heap ({@link #late}). O(T) to sort T transfers gathered
     * ({@link RadixSort}, a few passes over ids), and O(log L) for each of L late transfers.
     */
    private void taint(List<Integer> seedAddresses, SortedSet<Integer> seedEdges) {
        for (int s : seedAddresses) {
            NodeState st = state(s);
            active[s] = true;
            replayHistory(st, Integer.MAX_VALUE, true);
        }
        int[] order = gather(seedAddresses, seedEdges);
        int n = gathered;
        int last = -1;
        boolean anySeedEdge = !seedEdges.isEmpty();
        for (int i = 0;;) {
            int o;
            if (late != null && !late.isEmpty() && (i == n || (int) (late.peek() >>> 32) <= order[i])) {
                long k = late.poll();
                o = (int) (k >>> 32);
                NodeState st = node((int) k);
                if (st.inCur < inDeg(st.id) && ord(inAt(st.id, st.inCur)) == o) {
                    st.inCur++;
                } else {
                    st.outCur++;
                }
                pushLate(st);
            } else if (i < n) {
                o = order[i++];
            } else {
                break;
            }
            if (o == last) {
                continue; // a transfer between two gathered addresses
            }
            last = o;
            int e = edgeAt(o);
            if (!inWindow(e) || !carriesValue(e)) {
                continue;
            }
            boolean seedEdge = anySeedEdge && seedEdges.contains(e);
            if (!seedEdge && !active(sender(e)) && !active(receiver(e))) {
                continue;
            }
            scanned++;
            process(e, seedEdge);
        }
    }

    /**
     * The chain positions pass 2 may process, sorted (duplicates kept, adjacent): each seed's
     * transfers after its replayed history, each followed address's from its pass-1 arrival, and
     * the seed transfers. Sets {@link #gathered} to how many; the array is the scratch's, reused
     * by the next trace.
     */
    private int[] gather(List<Integer> seedAddresses, SortedSet<Integer> seedEdges) {
        int[] out = scratch.order;
        int n = 0;
        for (int s : seedAddresses) {
            NodeState st = node(s);
            out = gatherFrom(out, n, s, st.inCur, st.outCur);
            n += inDeg(s) - st.inCur + outDeg(s) - st.outCur;
        }
        for (int i = 0, size = scratch.touchedCount(); i < size; i++) {
            int a = scratch.touchedAt(i);
            if (status[a] == FOLLOWED && !seed[a]) {
                int in = firstInAfter(a, reachOrd[a] - 1);
                int outAt = firstOutAfter(a, reachOrd[a] - 1);
                out = gatherFrom(out, n, a, in, outAt);
                n += inDeg(a) - in + outDeg(a) - outAt;
            }
        }
        if (n + seedEdges.size() > out.length) {
            out = Arrays.copyOf(out, n + seedEdges.size());
        }
        for (int e : seedEdges) {
            out[n++] = ord(e);
        }
        RadixSort.sort(out, 0, n);
        gathered = n;
        scratch.order = out;
        return out;
    }

    /** Appends at {@code n} the positions of {@code a}'s inflows from index {@code in} and outflows from {@code outFrom}. */
    private int[] gatherFrom(int[] out, int n, int a, int in, int outFrom) {
        int ins = inDeg(a);
        int outs = outDeg(a);
        int need = n + ins - in + outs - outFrom;
        if (need > out.length) {
            out = Arrays.copyOf(out, Math.max(need, 2 * out.length));
        }
        for (int k = in; k < ins; k++) {
            out[n++] = ord(inAt(a, k));
        }
        for (int k = outFrom; k < outs; k++) {
            out[n++] = ord(outAt(a, k));
        }
        return out;
    }

    private boolean active(int a) {
        return active[a];
    }

    /**
     * Queues the next transfer of {@code st} (activated before its pass-1 arrival) that comes
     * before that arrival: those after it are gathered already.
     */
    private void pushLate(NodeState st) {
        int a = st.id;
        int best = Integer.MAX_VALUE;
        if (st.inCur < inDeg(a)) {
            best = ord(inAt(a, st.inCur));
        }
        if (st.outCur < outDeg(a)) {
            best = Math.min(best, ord(outAt(a, st.outCur)));
        }
        if (best < reachOrd[a]) {
            if (late == null) {
                late = new java.util.PriorityQueue<>();
            }
            late.add(key(best, a));
        }
    }

    /**
     * Whether {@code e}, an inflow or outflow of {@code a}, is a transfer to itself: {@code a} is
     * one end already, so this reads one column where comparing sender and receiver reads two (a
     * cache miss saved per transfer replayed).
     */
    private boolean selfTransfer(int a, int e, boolean inflow) {
        return inflow ? sender(e) == a : receiver(e) == a;
    }

    /**
     * The node state of {@code a}, made when absent. Only addresses pass 1 or the taint pass has
     * already given a status get one, so an UNSEEN address has none ({@link #earlierRows} relies on it).
     */
    private NodeState state(int a) {
        NodeState st = node(a);
        if (st == null) {
            assert status[a] != UNSEEN : "a node state for an unseen address " + a;
            scratch.touch(a);
            st = new NodeState(a);
            scratch.nodes[a] = st;
        }
        return st;
    }

    private NodeState node(int a) {
        return (NodeState) scratch.nodes[a];
    }

    /**
     * A walk over address {@code a}'s inflows and outflows merged in chain order (an inflow
     * first when both have the same order): {@link #peek} looks at the next transfer,
     * {@link #take} moves past it; {@code in} and {@code out} count the inflows and outflows
     * taken. O(1) a step.
     */
    private final class ChainCursor {
        private final int a;
        private int in;
        private int out;
        private int edge;
        private boolean inflow;

        ChainCursor(int a) {
            this.a = a;
        }

        /** Sets {@link #edge} and {@link #inflow} to the next transfer; false when none is left. */
        boolean peek() {
            int ei = in < inDeg(a) ? inAt(a, in) : -1;
            int eo = out < outDeg(a) ? outAt(a, out) : -1;
            inflow = ei >= 0 && (eo < 0 || ord(ei) <= ord(eo));
            edge = inflow ? ei : eo;
            return edge >= 0;
        }

        void take() {
            if (inflow) {
                in++;
            } else {
                out++;
            }
        }
    }

    /**
     * Replays the history of {@code st} that comes before the taint reaches it: for a seed, the
     * edges before the window (its holdings then count as stolen); for another address, every
     * edge before {@code untilOrd}. Leaves the cursors just past what was replayed.
     */
    private void replayHistory(NodeState st, int untilOrd, boolean isSeed) {
        ChainCursor c = new ChainCursor(st.id);
        while (c.peek()) {
            int e = c.edge;
            boolean inflow = c.inflow;
            if (isSeed ? !beforeWindow(e) : ord(e) >= untilOrd) {
                break;
            }
            c.take();
            if (!carriesValue(e)) {
                continue;
            }
            BigInteger amt = g.amount(e);
            int asset = g.assetId(e);
            boolean self = selfTransfer(st.id, e, inflow);
            if (inflow && !self) {
                st.ledger(asset).credit(isSeed ? Draw.tainted(amt) : Draw.clean(amt));
            } else if (!inflow) {
                Draw d;
                if (isSeed) {
                    // history before the window: what the seed lacked then is not stolen; only its balance at the start is
                    Ledger l = st.ledger(asset);
                    if (l.balance().compareTo(amt) < 0) {
                        l.credit(Draw.tainted(amt.subtract(l.balance())));
                    }
                    d = l.debit(amt);
                } else {
                    d = debit(st, e, g.amount(e), false);
                }
                if (self) {
                    st.ledger(asset).credit(d);
                }
            }
        }
        if (isSeed) {
            for (int i = 0; i < st.slots; i++) {
                if (st.ledgerAt(i) != null) {
                    addIntroduced(st.assetAt(i), st.ledgerAt(i).tainted());
                }
            }
        }
        st.inCur = c.in;
        st.outCur = c.out;
    }

    /**
     * The replay of {@link #replayHistory} for an address that is not a seed, before the taint
     * reaches it: every credit and debit is clean, so what it leaves is a clean balance per asset
     * and the unexplained inflows its outflows needed. For a hub these come from its memoised
     * clean history ({@link #cleanHistory}): the balances at the checkpoint before {@code untilOrd},
     * at most one checkpoint step of transfers replayed from there (degree / {@value #REPLAY_CHECKPOINTS}, at
     * least {@value #REPLAY_STEP}), and the shortfalls before it.
     */
    private void replayClean(NodeState st, int untilOrd) {
        Replay r = null;
        if (replays != null) {
            int slot = Arrays.binarySearch(replayIds, st.id);
            if (slot >= 0) {
                r = replays.take(slot); // made ahead, by pass 1's arrival: the same arrival as this, nearly always
            }
        }
        if (r == null || r.untilOrd() != untilOrd) {
            r = replay(st.id, untilOrd);
        }
        unexplained.addAll(r.shorts());
        creditClean(st, r.balances());
    }

    /** A clean replay of an address before {@code untilOrd}: its balances, and the unexplained inflows it needed, in order. */
    private record Replay(int untilOrd, CleanBalances balances, List<Unexplained> shorts) {
    }

    /**
     * {@link #replayClean}'s replay of address {@code a} before {@code untilOrd}. It reads only
     * the graph and the hub summaries, so another thread may make it ahead
     * ({@link #startSide}).
     */
    private Replay replay(int a, int untilOrd) {
        if (!hub(a)) {
            return replayDirect(a, untilOrd);
        }
        CleanHistory h = memo.get(a, fwd, HubMemo.Kind.REPLAY, () -> cleanHistory(a), CleanHistory::bytes);
        int p = lowerBound(h.ords(), untilOrd);
        int step = h.step();
        CleanBalances bal = h.balances().get(p / step).copy();
        for (int i = p / step * step; i < p; i++) {
            int e = h.edges()[i];
            boolean inflow = h.inflow()[i];
            bal.apply(g, e, inflow, selfTransfer(a, e, inflow)); // its shortfalls are kept below
        }
        int k = 0;
        while (k < h.shortAt().length && h.shortAt()[k] < p) {
            k++;
        }
        return new Replay(untilOrd, bal, h.shorts().subList(0, k));
    }

    /**
     * {@link #replay} by walking {@code a}'s transfers before {@code untilOrd}: clean balances in
     * a small per-asset array, no ledger or draw per transfer. O(transfers replayed).
     */
    private Replay replayDirect(int a, int untilOrd) {
        List<Unexplained> shorts = List.of();
        CleanBalances bal = new CleanBalances();
        ChainCursor c = new ChainCursor(a);
        while (c.peek()) {
            int e = c.edge;
            boolean inflow = c.inflow;
            c.take();
            if (ord(e) >= untilOrd) {
                break;
            }
            if (!carriesValue(e)) {
                continue;
            }
            BigInteger missing = bal.apply(g, e, inflow, selfTransfer(a, e, inflow));
            if (missing != null) {
                if (shorts.isEmpty()) {
                    shorts = new ArrayList<>();
                }
                shorts.add(new Unexplained(e, a, missing, false, BigInteger.ZERO));
            }
        }
        return new Replay(untilOrd, bal, shorts);
    }

    /** Credits {@code st} with each positive clean balance of {@code bal}. */
    private static void creditClean(NodeState st, CleanBalances bal) {
        for (int k = 0; k < bal.size(); k++) {
            Tally t = bal.tally(k);
            if (t.signum() > 0) {
                st.ledger(bal.asset(k)).credit(t.cleanDraw());
            }
        }
    }

    /**
     * A hub's value-carrying transfers in the order {@link #replayHistory} takes them ({@code ords},
     * {@code edges}, {@code inflow}), its clean balances per asset before every
     * {@code step}-th of them, and the shortfalls (unexplained inflows) a clean replay
     * meets, with the index of the transfer that needed each.
     */
    private record CleanHistory(int step, int[] ords, int[] edges, boolean[] inflow, List<CleanBalances> balances,
                                int[] shortAt, List<Unexplained> shorts) {
        /** Estimated heap bytes, for the {@link HubMemo} bound (a kept unexplained inflow, by ids, is about 100). */
        long bytes() {
            long b = 64L + 9L * ords.length + 4L * shortAt.length + 100L * shorts.size();
            for (CleanBalances c : balances) {
                b += c.bytes();
            }
            return b;
        }
    }

    /** The whole history of {@code a} replayed clean: O(degree) steps on {@link CleanBalances}, once per hub. */
    private CleanHistory cleanHistory(int a) {
        int n = inDeg(a) + outDeg(a);
        int[] ords = new int[n];
        int[] edges = new int[n];
        boolean[] inflows = new boolean[n];
        List<CleanBalances> balances = new ArrayList<>();
        int[] shortAt = new int[n];
        List<Unexplained> shorts = new ArrayList<>();
        CleanBalances bal = new CleanBalances();
        // about REPLAY_CHECKPOINTS checkpoints, at least REPLAY_STEP transfers apart
        int step = Math.max(REPLAY_STEP, n / REPLAY_CHECKPOINTS);
        int size = 0;
        ChainCursor c = new ChainCursor(a);
        while (c.peek()) {
            int e = c.edge;
            boolean inflow = c.inflow;
            c.take();
            if (!carriesValue(e)) {
                continue;
            }
            if (size % step == 0) {
                balances.add(bal.copy());
            }
            ords[size] = ord(e);
            edges[size] = e;
            inflows[size] = inflow;
            BigInteger missing = bal.apply(g, e, inflow, selfTransfer(a, e, inflow));
            if (missing != null) {
                shortAt[shorts.size()] = size;
                shorts.add(new Unexplained(e, a, missing, false, BigInteger.ZERO));
            }
            size++;
        }
        if (size % step == 0) {
            balances.add(bal.copy());
        }
        return new CleanHistory(step, Arrays.copyOf(ords, size), Arrays.copyOf(edges, size), Arrays.copyOf(inflows, size),
                List.copyOf(balances), Arrays.copyOf(shortAt, shorts.size()), List.copyOf(shorts));
    }

    /** First index of ascending {@code a} whose value is at least {@code key}. */
    private static int lowerBound(int[] a, int key) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private void addIntroduced(int asset, BigInteger v) {
        if (v.signum() > 0) {
            introduced.merge(asset, v, BigInteger::add);
        }
    }

    /**
     * {@link #debit(NodeState, int, BigInteger, boolean)} of {@code e}'s amount, given as
     * {@code (amountHi, amountLo)} ({@link TransferGraph#amountHigh}; -1: past 127 bits): with no
     * {@code BigInteger} when the ledger is a {@link WideLedger} that covers it.
     */
    private Draw debit(NodeState st, int e, long amountHi, long amountLo, boolean isSeed) {
        if (amountHi >= 0) {
            Ledger l = st.ledger(g.assetId(e));
            if (l instanceof WideLedger w && w.covers(amountHi, amountLo)) {
                return w.debit(amountHi, amountLo);
            }
        }
        return debit(st, e, bigAmount(e, amountHi, amountLo), isSeed);
    }

    /** The amount of {@code e} from its {@link Wide} pair, or from the graph when past 127 bits. */
    private BigInteger bigAmount(int e, long amountHi, long amountLo) {
        return amountHi >= 0 ? Wide.big(amountHi, amountLo) : g.amount(e);
    }

    /** Debits an outflow, crediting first any part the ledger cannot explain. */
    private Draw debit(NodeState st, int e, BigInteger amt, boolean isSeed) {
        int asset = g.assetId(e);
        Ledger l = st.ledger(asset);
        if (l.balance().compareTo(amt) < 0) {
            BigInteger missing = amt.subtract(l.balance());
            Draw credit = isSeed ? Draw.tainted(missing) : convert(st.id, e, asset, missing);
            l.credit(credit);
            if (isSeed) {
                addIntroduced(asset, missing);
            }
            unexplained.add(new Unexplained(e, st.id, missing, isSeed, credit.tainted()));
        }
        return l.debit(amt);
    }

    /**
     * Explains {@code missing} of {@code asset} at {@code a}, needed before outflow {@code e}, by
     * the tainted swap-like outflows {@code a} made of other assets of the same unit within the
     * window (oldest first); returns the credit with the taint it carries.
     */
    private Draw convert(int a, int e, int asset, BigInteger missing) {
        java.util.ArrayDeque<Offer> q = offers.get(a);
        Optional<String> unit = swaps == null ? Optional.empty() : swaps.unit(g.asset(asset));
        if (q == null || q.isEmpty() || unit.isEmpty()) {
            return Draw.clean(missing);
        }
        long now = g.epochSecond(e);
        long window = swaps.window().toSeconds();
        q.removeIf(o -> now - g.epochSecond(o.edge) > window);
        BigInteger need = missing;
        BigInteger tainted = BigInteger.ZERO;
        BigInteger offered = BigInteger.ZERO;
        List<Asset> from = new ArrayList<>();
        List<dev.tracer.model.TxHash> txs = new ArrayList<>();
        List<String> rules = new ArrayList<>();
        int targetDecimals = g.asset(asset).decimals();
        for (java.util.Iterator<Offer> it = q.iterator(); it.hasNext() && need.signum() > 0;) {
            Offer o = it.next();
            if (o.asset == asset || o.unit == null || !o.unit.equals(unit.get())) {
                continue;
            }
            int tokenDecimals = g.asset(o.asset).decimals();
            BigInteger available = rescale(o.remaining, tokenDecimals, targetDecimals);
            offered = offered.add(available);
            BigInteger take = need.min(available);
            BigInteger takeToken = take.equals(available) ? o.remaining
                    : rescale(take, targetDecimals, tokenDecimals).min(o.remaining);
            tainted = tainted.add(take.multiply(o.tainted).divide(o.total));
            swappedOut.merge(((long) o.receiver << 32) | o.asset, takeToken.multiply(o.tainted).divide(o.total), BigInteger::add);
            o.remaining = o.remaining.subtract(takeToken);
            need = need.subtract(take);
            if (!from.contains(g.asset(o.asset))) {
                from.add(g.asset(o.asset));
            }
            txs.add(txOf(o.edge));
            if (!rules.contains(o.rule)) {
                rules.add(o.rule);
            }
            if (o.remaining.signum() == 0) {
                it.remove();
            }
        }
        BigInteger converted = missing.subtract(need);
        if (converted.signum() == 0) {
            return Draw.clean(missing);
        }
        tainted = tainted.min(converted);
        convertedIn.merge(asset, tainted, BigInteger::add);
        conversions.add(new TraceResult.Conversion(addr(a), List.copyOf(from), List.copyOf(txs), List.copyOf(rules),
                g.asset(asset), txOf(e), converted, tainted, offered, true));
        return Draw.of(missing, tainted);
    }

    /**
     * Proceeds of a swap in one transaction: inflow {@code e} of asset Y to followed address
     * {@code a} from an address that holds no taint, in a transaction where {@code a} made a
     * swap-like tainted outflow of another asset. The inflow carries the outflows' tainted
     * fraction (tainted / total), whatever the units (USDT → ETH); the offers are consumed (and
     * serve every further proceeds of that transaction). Returns the clean draw when there is no
     * such outflow.
     */
    private Draw sameTxProceeds(int a, int e) {
        int asset = g.assetId(e);
        BigInteger amt = g.amount(e);
        List<Offer> used = new ArrayList<>();
        java.util.ArrayDeque<Offer> q = offers.get(a);
        if (q != null) {
            for (java.util.Iterator<Offer> it = q.iterator(); it.hasNext();) {
                Offer o = it.next();
                if (g.sameTx(o.edge, e) && o.asset != asset) {
                    it.remove();
                    used.add(o);
                    swappedOut.merge(((long) o.receiver << 32) | o.asset, o.tainted, BigInteger::add);
                    sameTxUsed.computeIfAbsent(a, x -> new ArrayList<>()).add(o);
                }
            }
        }
        if (used.isEmpty()) {
            for (Offer o : sameTxUsed.getOrDefault(a, List.of())) {
                if (g.sameTx(o.edge, e) && o.asset != asset) {
                    used.add(o);
                }
            }
        }
        if (used.isEmpty()) {
            return Draw.clean(amt);
        }
        BigInteger total = BigInteger.ZERO;
        BigInteger taintedOut = BigInteger.ZERO;
        List<Asset> from = new ArrayList<>();
        List<String> rules = new ArrayList<>(List.of("same-tx"));
        for (Offer o : used) {
            total = total.add(o.total);
            taintedOut = taintedOut.add(o.tainted);
            if (!from.contains(g.asset(o.asset))) {
                from.add(g.asset(o.asset));
            }
            if (!rules.contains(o.rule)) {
                rules.add(o.rule);
            }
        }
        BigInteger tainted = amt.multiply(taintedOut).divide(total);
        convertedIn.merge(asset, tainted, BigInteger::add);
        conversions.add(new TraceResult.Conversion(addr(a), List.copyOf(from), List.of(txOf(e)), List.copyOf(rules),
                g.asset(asset), txOf(e), amt, tainted, BigInteger.ZERO, false));
        return Draw.of(amt, tainted);
    }

    /**
     * The swap-like outflow of another asset that followed address {@code a} makes later in the
     * transaction of inflow {@code e} (proceeds recorded before the token-out), or -1.
     */
    private int laterSwapOut(int a, int e) {
        for (int k = firstOutAfter(a, ord(e)); k < outDeg(a); k++) {
            int o = outAt(a, k);
            if (!g.sameTx(o, e)) {
                break;
            }
            if (g.assetId(o) != g.assetId(e) && inWindow(o) && carriesValue(o) && receiver(o) != a
                    && status[receiver(o)] != FOLLOWED && swaps.swapLike(g, o, a).isPresent()) {
                return o;
            }
        }
        return -1;
    }

    private static BigInteger rescale(BigInteger v, int fromDecimals, int toDecimals) {
        if (fromDecimals == toDecimals) {
            return v;
        }
        return fromDecimals < toDecimals ? v.multiply(BigInteger.TEN.pow(toDecimals - fromDecimals))
                : v.divide(BigInteger.TEN.pow(fromDecimals - toDecimals));
    }

    /** Records a tainted outflow that may be a swap, for {@link #convert}. */
    private void offer(int s, int r, int e, Draw d) {
        if (swaps == null || seed[s] || status[r] == FOLLOWED || !d.anyTainted()) {
            return;
        }
        String unit = swaps.unit(g.assetOf(e)).orElse(null);
        swaps.swapLike(g, e, s).ifPresent(rule -> offers.computeIfAbsent(s, x -> new java.util.ArrayDeque<>())
                .add(new Offer(e, r, g.assetId(e), unit, rule, d.amount(), d.tainted())));
    }

    /** Credits the proceeds that waited for outflow {@code e} of {@code s} (now offered, or not a tainted swap). */
    private void settleAwaiting(int s, int e) {
        if (awaitingSwap.isEmpty()) {
            return; // most traces never wait for a swap: no boxing and hashing per outflow
        }
        List<Integer> waiting = awaitingSwap.remove(e);
        if (waiting == null) {
            return;
        }
        NodeState sn = node(s);
        for (int in : waiting) {
            Draw c = sameTxProceeds(s, in);
            sn.ledger(g.assetId(in)).credit(c);
            if (c.anyTainted()) {
                sn.addReceived(g.assetId(in), c);
                traced(in, c);
            }
        }
    }

    /** Records that transfer {@code e} carried the tainted part of {@code tainted}. */
    private void traced(int e, Draw tainted) {
        if (tracedCount == tracedEdge.length) {
            tracedEdge = Arrays.copyOf(tracedEdge, 2 * tracedCount);
            tracedPart = Arrays.copyOf(tracedPart, 2 * tracedCount);
        }
        tracedEdge[tracedCount] = e;
        tracedPart[tracedCount++] = tainted;
    }

    private void process(int e, boolean seedEdge) {
        int s = sender(e);
        int r = receiver(e);
        int asset = g.assetId(e);
        // the amount as a Wide pair (amountHi -1: past 127 bits, then a BigInteger)
        long amountHi = g.amountHigh(e);
        long amountLo = amountHi >= 0 ? g.amountLow(e) : 0;
        boolean senderActive = active[s];
        NodeState sn = senderActive ? node(s) : null;
        Draw d = senderActive ? debit(sn, e, amountHi, amountLo, seed[s])
                : amountHi >= 0 ? Draw.wide(amountHi, amountLo, 0, 0) : Draw.clean(g.amount(e));
        if (seedEdge) {
            BigInteger amt = bigAmount(e, amountHi, amountLo);
            addIntroduced(asset, amt.subtract(d.tainted()));
            d = Draw.tainted(amt);
        }
        if (d.anyTainted()) {
            if (senderActive && s != r) {
                sn.addSent(asset, d);
                offer(s, r, e, d);
            }
        }
        if (senderActive && s != r) {
            settleAwaiting(s, e);
        }
        if (!senderActive && swaps != null && !seedEdge && s != r && status[r] == FOLLOWED && !seed[r]) {
            if (active[r]) {
                // proceeds of a swap in this transaction: taint from the token-out, or wait for it
                int later = laterSwapOut(r, e);
                if (later >= 0) {
                    awaitingSwap.computeIfAbsent(later, x -> new ArrayList<>()).add(e);
                    return;
                }
                d = sameTxProceeds(r, e);
            }
        }
        if (d.anyTainted()) {
            traced(e, d);
        }
        if (s == r) {
            if (senderActive) {
                sn.ledger(asset).credit(d);
            }
            return;
        }
        if (seed[r]) {
            // a seed's holdings count wholly as stolen, whatever arrives
            NodeState rn = state(r);
            BigInteger amt = bigAmount(e, amountHi, amountLo);
            addIntroduced(asset, amt.subtract(d.tainted()));
            rn.addReceived(asset, d);
            rn.ledger(asset).credit(Draw.tainted(amt));
            return;
        }
        if (status[r] == FOLLOWED) {
            NodeState rn;
            if (active[r]) {
                rn = node(r);
                rn.ledger(asset).credit(d);
            } else if (d.anyTainted()) {
                rn = state(r);
                active[r] = true;
                replayClean(rn, ord(e));
                rn.ledger(asset).credit(d);
                if (ord(e) < reachOrd[r]) {
                    // taint came before r's pass-1 arrival: merge in r's transfers between, which were not gathered
                    rn.inCur = firstInAfter(r, ord(e));
                    rn.outCur = firstOutAfter(r, ord(e));
                    pushLate(rn);
                }
            } else {
                return;
            }
            rn.addReceived(asset, d);
        } else if (d.anyTainted()) {
            if (status[r] == UNSEEN) {
                scratch.touch(r);
                status[r] = ENDPOINT;
                reason[r] = isSink(r) ? EndpointKind.FEE : dust(r) ? EndpointKind.DUST : EndpointKind.BELOW_MINIMUM;
                hop[r] = hop[s] + hopCost(e);
                parent[r] = e;
            }
            NodeState rn = state(r);
            rn.addReceived(asset, d);
        }
    }

    // ---- result ----

    /**
     * The result: the trace's ids and amounts, in their final order, in lists that make each
     * value (address, hash, transfer, label, share) when it is first read ({@link IndexedList}).
     * The lists capture only {@link #values}, the graph and arrays no one writes after this,
     * never the pooled working arrays.
     */
    private TraceResult result(SortedSet<Seed> seeds, SideTask<Early> early) {
        touchedIds = scratch.touchedSorted();
        // the parts that read only the finished trace, assembled by another thread meanwhile when the result is large
        SideTask<SideParts> side = touchedIds.length >= sideFrom ? SideTask.fork(sideExecutor, () -> sideParts(early)) : null;
        try {
            return assemble(seeds, side, early);
        } finally {
            if (side != null) {
                side.settle(); // on an exception: the task reads this run's arrays, which go back to the pool after
            }
        }
    }

    /**
     * The parts of a result that read only the finished trace and write nothing of it: the
     * {@link Early} parts, earlier receivers, ledger gaps, unexplained inflows in report order,
     * traced transfers in edge order with their tainted parts, and truncations.
     */
    private record SideParts(Early early, List<NodeRow> earlier, List<TraceResult.LedgerGap> gaps, Unexplained[] inflows,
                             int[] tEdge, Draw[] tPart, List<TraceResult.Truncation> truncations) {
    }

    /** {@link SideParts}, with the {@link Early} parts of {@code early} (null: made here). */
    private SideParts sideParts(SideTask<Early> early) {
        Early e = early != null ? early.join() : early(followed(touchedIds), r -> status[r] == UNSEEN);
        List<NodeRow> earlier = earlierRows(e.earlier());
        List<TraceResult.LedgerGap> gaps = gaps();
        Unexplained[] inflows = sortedInflows();
        if (!fwd) {
            java.util.Collections.reverse(Arrays.asList(inflows));
        }
        int[] order = tracedOrder();
        int[] tEdge = new int[order.length];
        Draw[] tPart = new Draw[order.length]; // each tainted part made when its traced transfer is read
        for (int i = 0; i < order.length; i++) {
            tEdge[i] = tracedEdge[order[i]];
            tPart[i] = tracedPart[order[i]];
        }
        return new SideParts(e, earlier, gaps, inflows, tEdge, tPart, truncations(tEdge, tPart));
    }

    /**
     * {@link #result}'s own share; {@code side}: the {@link SideParts} under way, or null to make
     * them here (with {@code early}'s parts, or null to make those too).
     */
    private TraceResult assemble(SortedSet<Seed> seeds, SideTask<SideParts> side, SideTask<Early> early) {
        ResultValues v = values;
        TreeMap<Asset, BigInteger> seedAmounts = new TreeMap<>();
        introduced.forEach((a, x) -> seedAmounts.put(g.asset(a), x));
        TreeMap<Asset, BigInteger> converted = new TreeMap<>();
        convertedIn.forEach((a, x) -> {
            if (x.signum() > 0) {
                converted.put(g.asset(a), x);
            }
        });
        TreeMap<Asset, BigInteger> traced = new TreeMap<>(seedAmounts);
        converted.forEach((a, x) -> traced.merge(a, x, BigInteger::add));
        SortedMap<Asset, BigInteger> tracedView = java.util.Collections.unmodifiableSortedMap(traced);
        List<NodeRow> nodes = new ArrayList<>(touchedIds.length);
        List<Ranked> endpoints = new ArrayList<>();
        Paths paths = new Paths();
        int followed = 0;
        int maxHop = 0;
        for (int a : touchedIds) {
            NodeState st = node(a);
            boolean reachedWithTaint = active[a] || st != null && st.receivedAny();
            if (status[a] == UNSEEN && !reachedWithTaint) {
                continue;
            }
            int[] assets = st == null ? null : st.assetArray(); // received, sent and heldBy by the node's asset slots
            BigInteger[] received = st == null ? null : st.receivedArray();
            BigInteger[] sent = st == null ? null : st.sentArray();
            BigInteger[] heldBy = null;
            TraceResult.Role role;
            EndpointKind kind = null;
            if (status[a] == FOLLOWED) {
                followed++;
                role = seed[a] ? TraceResult.Role.SEED : TraceResult.Role.FOLLOWED;
                if (st != null) {
                    heldBy = new BigInteger[st.slots];
                    for (int i = 0; i < st.slots; i++) {
                        if (st.ledgerAt(i) != null) {
                            heldBy[i] = st.ledgerAt(i).tainted();
                        }
                    }
                }
                if (heldBy != null && hasAny(heldBy)) {
                    int[] path = paths.of(a);
                    for (int i = 0; i < heldBy.length; i++) {
                        if (heldBy[i] != null && heldBy[i].signum() > 0) {
                            endpoints.add(Ranked.of(assets[i], a, heldBy[i], EndpointKind.HELD, hop[a], path));
                        }
                    }
                    kind = EndpointKind.HELD;
                }
            } else {
                role = TraceResult.Role.ENDPOINT;
                kind = reason[a];
                int[] path = paths.of(a);
                // the sort below puts them in order; per address and asset, the swapped part first
                for (int i = 0; st != null && i < st.slots; i++) {
                    BigInteger got = received[i];
                    if (got == null || got.signum() <= 0) {
                        continue;
                    }
                    int as = assets[i];
                    BigInteger swapped = swappedOut.getOrDefault(((long) a << 32) | as, BigInteger.ZERO).min(got);
                    BigInteger rest = got.subtract(swapped);
                    if (swapped.signum() > 0) {
                        endpoints.add(Ranked.of(as, a, swapped, EndpointKind.SWAPPED, hop[a], path));
                    }
                    if (rest.signum() > 0) {
                        endpoints.add(Ranked.of(as, a, rest, reason[a], hop[a], path));
                    }
                }
            }
            maxHop = Math.max(maxHop, hop[a]);
            nodes.add(new NodeRow(a, hop[a], role, kind, assets, received, sent, heldBy, parent[a]));
        }
        Ranked[] ranked = rank(endpoints);
        SideParts sp = side != null ? side.join() : sideParts(early);
        int[] tEdge = sp.tEdge();
        Draw[] tPart = sp.tPart();
        Unexplained[] inflows = sp.inflows();
        TransferGraph graph = g;
        // address ids are in address order (TransferGraph interns them sorted): merge the two id-sorted lists
        NodeRow[] nodeRows = mergeById(nodes, sp.earlier());
        return new TraceResult(direction, model.name(), model.description(), model.conserving(), policy,
                data.description(), data.coverage(), List.copyOf(seeds), java.util.Collections.unmodifiableSortedMap(seedAmounts),
                java.util.Collections.unmodifiableSortedMap(converted), List.copyOf(conversions),
                new IndexedList<>(nodeRows.length, i -> nodeRows[i].value(v)),
                new IndexedList<>(tEdge.length, i -> new TraceResult.TracedTransfer(tEdge[i], v.transfer(tEdge[i]), tPart[i].tainted())),
                new IndexedList<>(ranked.length, i -> ranked[i].value(v, tracedView)),
                new IndexedList<>(inflows.length, i -> inflows[i].value(v, graph)),
                sp.gaps(), sp.early().poisonings(), sp.early().calls(), sp.truncations(), List.copyOf(warnings), List.of(),
                new TraceResult.Stats(scanned, nodeRows.length, followed, maxHop));
    }

    /**
     * The endpoint rows in report order: asset, amount from the largest, address, then the order
     * they were added (per address and asset, the swapped part first). Sorted as indexes over
     * primitive columns ({@link IndexSort}), the amount as a 128-bit pair when both fit: a compare reads
     * primitive arrays, not two rows and their big integers. O(n log n).
     */
    private static Ranked[] rank(List<Ranked> rows) {
        int n = rows.size();
        int[] asset = new int[n];
        long[] hi = new long[n];
        long[] lo = new long[n];
        int[] address = new int[n];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            Ranked r = rows.get(i);
            asset[i] = r.asset();
            hi[i] = r.hi();
            lo[i] = r.lo();
            address[i] = r.address();
            order[i] = i;
        }
        IndexSort.sort(order, (x, y) -> {
            int c = Integer.compare(asset[x], asset[y]);
            if (c == 0) {
                c = hi[x] < 0 || hi[y] < 0 ? rows.get(y).amount().compareTo(rows.get(x).amount())
                        : hi[x] != hi[y] ? Long.compare(hi[y], hi[x]) : Long.compareUnsigned(lo[y], lo[x]);
            }
            return c != 0 ? c : Integer.compare(address[x], address[y]);
        });
        Ranked[] out = new Ranked[n];
        for (int i = 0; i < n; i++) {
            out[i] = rows.get(order[i]);
        }
        return out;
    }

    /** Indexes of the traced transfers sorted by edge id (each edge is traced once). */
    private int[] tracedOrder() {
        long[] keys = new long[tracedCount];
        for (int i = 0; i < tracedCount; i++) {
            keys[i] = ((long) tracedEdge[i] << 32) | i;
        }
        RadixSort.sort(keys);
        int[] order = new int[tracedCount];
        for (int i = 0; i < tracedCount; i++) {
            order[i] = (int) keys[i];
        }
        return order;
    }

    /**
     * Receivers of value from a followed (non-seed) address before it was reached, that the
     * trace did not reach otherwise: shown as {@link TraceResult.Role#EARLIER}, with no taint.
     * Candidates from {@code followedIds} (ascending): each receiver {@code open} accepts, once,
     * with its least hop, as {@code (receiver << 32) | hop} ascending. {@code open} may accept
     * more addresses than end up unreached (it is asked while pass 2 may still reach some):
     * {@link #earlierRows} keeps those still unreached, which gives the same rows, as each
     * receiver's candidate is kept or dropped whole.
     */
    private long[] earlierCandidates(int[] followedIds, java.util.function.IntPredicate open) {
        long[] hops = new long[16]; // (receiver << 32) | hop
        int nh = 0;
        for (int a : followedIds) {
            if (seed[a]) {
                continue;
            }
            if (hub(a)) {
                // each receiver once, by its first payment: O(receivers before the reach), not O(transfers)
                int[][] first = memo.get(a, fwd, HubMemo.Kind.FIRST_RECEIVERS, () -> firstReceivers(a),
                        f -> 16L + 8L * f[0].length);
                for (int k = 0; k < first[0].length && first[1][k] < reachOrd[a]; k++) {
                    int r = first[0][k];
                    if (open.test(r)) {
                        if (nh == hops.length) {
                            hops = Arrays.copyOf(hops, 2 * nh);
                        }
                        hops[nh++] = ((long) r << 32) | (hop[a] + 1);
                    }
                }
                continue;
            }
            for (int k = 0; k < outDeg(a); k++) {
                int e = outAt(a, k);
                if (ord(e) >= reachOrd[a]) {
                    break;
                }
                int r = receiver(e);
                if (inWindow(e) && carriesValue(e) && r != a && open.test(r)) {
                    if (nh == hops.length) {
                        hops = Arrays.copyOf(hops, 2 * nh);
                    }
                    hops[nh++] = ((long) r << 32) | (hop[a] + 1);
                }
            }
        }
        // by receiver, then hop: the first of each receiver has its least hop
        RadixSort.sort(hops, 0, nh);
        int n = 0;
        for (int k = 0; k < nh; k++) {
            if (n == 0 || (int) (hops[n - 1] >>> 32) != (int) (hops[k] >>> 32)) {
                hops[n++] = hops[k];
            }
        }
        return Arrays.copyOf(hops, n);
    }

    /** The {@link TraceResult.Role#EARLIER} rows of {@link #earlierCandidates}: those the trace left unreached. */
    private List<NodeRow> earlierRows(long[] candidates) {
        List<NodeRow> nodes = new ArrayList<>(candidates.length);
        for (long c : candidates) {
            int r = (int) (c >>> 32);
            if (status[r] == UNSEEN) { // an address with a node state is never UNSEEN (see state)
                nodes.add(new NodeRow(r, (int) c, TraceResult.Role.EARLIER, null, null, null, null, null, -1));
            }
        }
        return nodes;
    }

    /**
     * The distinct receivers of value (in the window, not {@code a} itself) from {@code a}, in the
     * order of their first such transfer, with that transfer's order: {receivers, ords}. O(degree).
     */
    private int[][] firstReceivers(int a) {
        int n = outDeg(a);
        int[] rs = new int[n];
        int[] ords = new int[n];
        int size = 0;
        java.util.HashSet<Integer> seen = new java.util.HashSet<>();
        for (int k = 0; k < n; k++) {
            int e = outAt(a, k);
            int r = receiver(e);
            if (inWindow(e) && carriesValue(e) && r != a && seen.add(r)) {
                rs[size] = r;
                ords[size++] = ord(e);
            }
        }
        return new int[][] {Arrays.copyOf(rs, size), Arrays.copyOf(ords, size)};
    }

    /** Merges two lists of nodes, each ascending by id, by id: O(n), no address comparisons. */
    private static NodeRow[] mergeById(List<NodeRow> nodes, List<NodeRow> more) {
        NodeRow[] out = new NodeRow[nodes.size() + more.size()];
        int i = 0;
        int n = 0;
        for (NodeRow x : more) {
            while (i < nodes.size() && nodes.get(i).id() < x.id()) {
                out[n++] = nodes.get(i++);
            }
            out[n++] = x;
        }
        while (i < nodes.size()) {
            out[n++] = nodes.get(i++);
        }
        return out;
    }

    /**
     * The unexplained inflows by {@link dev.tracer.model.Transfer#CHAIN_ORDER} of their transfer,
     * then address (stable). Edge ids are in chain order, and on one chain only the transfers of
     * one transaction and position tie, which are adjacent ids: a primitive sort of (edge, index)
     * keys, then each such run of ties re-sorted by address, O(n log n) with no comparator over
     * values. Several chains fall back to {@link #chainOrder}.
     */
    private Unexplained[] sortedInflows() {
        int n = unexplained.size();
        List<Unexplained> out = new ArrayList<>(n);
        boolean oneChain = true;
        for (int i = 1; i < n && oneChain; i++) {
            oneChain = g.assetOf(unexplained.get(i).edge()).chain().equals(g.assetOf(unexplained.get(0).edge()).chain());
        }
        if (!oneChain) {
            List<Unexplained> sorted = new ArrayList<>(unexplained);
            sorted.sort((x, y) -> {
                int c = chainOrder(x.edge(), y.edge());
                return c != 0 ? c : Integer.compare(x.address(), y.address());
            });
            return sorted.toArray(new Unexplained[0]);
        }
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = ((long) unexplained.get(i).edge() << 32) | i;
        }
        RadixSort.sort(keys);
        for (int i = 0; i < n;) {
            int e = (int) (keys[i] >>> 32);
            int j = i + 1;
            while (j < n && g.sameTx((int) (keys[j] >>> 32), e) && g.position((int) (keys[j] >>> 32)) == g.position(e)) {
                j++;
            }
            if (j - i > 1) {
                // ties in chain order: by address, then as they came
                long[] run = new long[j - i];
                for (int k = i; k < j; k++) {
                    int idx = (int) keys[k];
                    run[k - i] = ((long) unexplained.get(idx).address() << 32) | idx;
                }
                Arrays.sort(run);
                for (long r : run) {
                    out.add(unexplained.get((int) r));
                }
            } else {
                out.add(unexplained.get((int) keys[i]));
            }
            i = j;
        }
        return out.toArray(new Unexplained[0]);
    }

    /**
     * {@link dev.tracer.model.Transfer#CHAIN_ORDER} of transfers {@code e1} and {@code e2} from the
     * graph's columns: edge ids are in chain order, so only transfers of one block, transaction
     * index, hash and position tie. Hashes are compared by transaction id (ids are in hash order)
     * on one chain; across chains by their text. On one chain this is the order of the ids except
     * for transfers whose keys tie, so only those (and transfers of two chains) are compared by
     * their columns.
     */
    private int chainOrder(int e1, int e2) {
        if (e1 == e2) {
            return 0;
        }
        if ((!g.sameTx(e1, e2) || g.position(e1) != g.position(e2))
                && g.assetOf(e1).chain().equals(g.assetOf(e2).chain())) {
            // the graph's rows are sorted by this very key (block, index, transaction id, position)
            // on one chain: unless both keys are equal, the ids are in their order; no block search
            return Integer.compare(e1, e2);
        }
        int c = Long.compare(g.block(e1), g.block(e2));
        if (c == 0) {
            c = Integer.compare(g.txIndex(e1), g.txIndex(e2));
        }
        if (c == 0 && !g.sameTx(e1, e2)) {
            c = g.assetOf(e1).chain().equals(g.assetOf(e2).chain()) ? Integer.compare(g.txId(e1), g.txId(e2))
                    : txOf(e1).compareTo(txOf(e2));
        }
        return c != 0 ? c : Integer.compare(g.position(e1), g.position(e2));
    }

    /** Totals in the data for each (address, asset) that needed unexplained inflows. */
    private List<TraceResult.LedgerGap> gaps() {
        // per (address id, asset id), which sort as addresses and assets do: sorted keys, sums by key index
        int m = unexplained.size();
        long[] keyOf = new long[m];
        for (int i = 0; i < m; i++) {
            Unexplained u = unexplained.get(i);
            keyOf[i] = ((long) u.address() << 32) | g.assetId(u.edge());
        }
        long[] keys = keyOf.clone();
        RadixSort.sort(keys);
        int n = 0;
        for (int i = 0; i < m; i++) {
            if (n == 0 || keys[i] != keys[n - 1]) {
                keys[n++] = keys[i];
            }
        }
        BigInteger[] missing = new BigInteger[n];
        BigInteger[] tainted = new BigInteger[n];
        Arrays.fill(missing, BigInteger.ZERO);
        Arrays.fill(tainted, BigInteger.ZERO);
        boolean[] stolen = new boolean[n];
        for (int i = 0; i < m; i++) {
            Unexplained u = unexplained.get(i);
            int k = Arrays.binarySearch(keys, 0, n, keyOf[i]);
            missing[k] = missing[k].signum() == 0 ? u.missing() : missing[k].add(u.missing());
            if (u.tainted().signum() > 0) {
                tainted[k] = tainted[k].signum() == 0 ? u.tainted() : tainted[k].add(u.tainted());
            }
            stolen[k] |= u.countedAsStolen();
        }
        GapRow[] rows = new GapRow[n];
        for (int i = 0; i < n;) {
            // an address's keys are adjacent; each of its rows says whether any of its gaps counted as stolen
            int a = (int) (keys[i] >>> 32);
            int j = i;
            boolean seedGap = false;
            while (j < n && (int) (keys[j] >>> 32) == a) {
                seedGap |= stolen[j++];
            }
            for (int k = i; k < j; k++) {
                rows[k] = new GapRow(a, (int) keys[k], missing[k], seedGap, tainted[k]);
            }
            i = j;
        }
        // the address's whole-history totals depend only on the graph: looked up when the gap is read
        LedgerTotals totals = new LedgerTotals(view, memo);
        ResultValues v = values;
        return new IndexedList<>(n, i -> rows[i].value(v, totals));
    }

    private static boolean hasAny(BigInteger[] tally) {
        for (BigInteger v : tally) {
            if (v != null && v.signum() > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first-reach chains of one result ({@link #pathEdges}), each made from its parent's:
     * the addresses reached from one sender share the walk up to the seed, so a chain costs one
     * step and a look-up instead of a walk of its hops. Parent links form a cycle only through a
     * seed transfer whose sender was reached later; such a chain is walked as before.
     */
    private final class Paths {
        private static final int[] NONE = new int[0];
        private final int[][] made = new int[touchedIds.length][]; // by index in touchedIds (every chain's addresses are touched)
        private final int[] up = new int[8];
        private final int[] index = scratch.indexTouched(touchedIds);

        /** The index of {@code a} in touchedIds, or -1 when it is not touched. O(1). */
        private int at(int a) {
            return scratch.isTouched(a) ? index[a] : -1;
        }

        int[] of(int a) {
            int i0 = at(a);
            if (i0 >= 0 && made[i0] != null) {
                return made[i0];
            }
            // the addresses up the chain until one already made or the start, nearest first
            int[] chain = up;
            int n = 0;
            int v = a;
            int[] base = NONE;
            while (parent[v] >= 0) {
                if (n == chain.length) {
                    if (n > touchedIds.length) {
                        return pathEdges(a); // a cycle of parent links
                    }
                    chain = Arrays.copyOf(chain, 2 * n);
                }
                chain[n++] = v;
                v = sender(parent[v]);
                int iv = at(v);
                if (iv >= 0 && made[iv] != null) {
                    base = made[iv];
                    break;
                }
            }
            for (int i = n - 1; i >= 0; i--) {
                int e = parent[chain[i]];
                int last = base.length - 1;
                if (last >= 0 && g.txId(base[last]) == g.txId(e)) {
                    // a UTXO step in and out of one transaction is one transaction: its last transfer stands for it
                    base = base.clone();
                    base[last] = e;
                } else {
                    base = Arrays.copyOf(base, base.length + 1);
                    base[last + 1] = e;
                }
                int ic = at(chain[i]);
                if (ic >= 0) {
                    made[ic] = base;
                }
            }
            return base;
        }
    }

    /**
     * The first-reach chain from a seed to {@code a}, in the direction of travel: one transfer per
     * transaction, whose hashes are the path's evidence.
     */
    private int[] pathEdges(int a) {
        int[] edges = new int[Math.max(1, hop[a] + 1)]; // the chain's first-reach transfers, last first
        int n = 0;
        int v = a;
        int lastTx = -1;
        for (int guard = 0; parent[v] >= 0 && guard <= g.addressCount(); guard++) {
            int e = parent[v];
            if (g.txId(e) != lastTx) {
                if (n == edges.length) {
                    edges = Arrays.copyOf(edges, 2 * n);
                }
                edges[n++] = e; // a UTXO step in and out of one transaction is one transaction
                lastTx = g.txId(e);
            }
            v = sender(e);
        }
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = edges[n - 1 - i];
        }
        return p;
    }

    /** What the fan-out cap cut, per sender: from the traced transfers ({@code edges}, {@code tainted}). */
    private List<TraceResult.Truncation> truncations(int[] edges, Draw[] tainted) {
        TreeMap<Address, int[]> counts = new TreeMap<>();
        TreeMap<Address, TreeMap<Asset, BigInteger>> amounts = new TreeMap<>();
        for (int i = 0; i < edges.length; i++) {
            int e = edges[i];
            int r = receiver(e);
            if (status[r] == ENDPOINT && reason[r] == EndpointKind.FAN_OUT_CUT && cutBy[r] == sender(e)) {
                Address s = addr(sender(e));
                counts.computeIfAbsent(s, x -> new int[1])[0]++;
                amounts.computeIfAbsent(s, x -> new TreeMap<>()).merge(g.assetOf(e), tainted[i].tainted(), BigInteger::add);
            }
        }
        List<TraceResult.Truncation> out = new ArrayList<>();
        counts.forEach((a, c) -> out.add(new TraceResult.Truncation(a, "fan-out cap of " + policy.fanOutCap()
                + " receivers reached", c[0], java.util.Collections.unmodifiableSortedMap(amounts.get(a)))));
        return List.copyOf(out);
    }

    /**
     * Zero-value native transfers (contract calls) from followed addresses, per caller and
     * contract (callers, then contracts, in address order: ids are); the values are made when read.
     * {@code followedIds}: the followed addresses, ascending (pass 1 decides them).
     */
    private List<TraceResult.ContractCall> calls(int[] followedIds) {
        List<CallRow> out = new ArrayList<>();
        for (int a : followedIds) {
            if (!fwd || !marks.callsFrom(a)) {
                continue;
            }
            out.addAll(hub(a) ? memo.get(a, fwd, HubMemo.Kind.CALLS, () -> callsOf(a), TraceRun::callBytes) : callsOf(a));
        }
        CallRow[] rows = out.toArray(new CallRow[0]);
        ResultValues v = values;
        return new IndexedList<>(rows.length, i -> rows[i].value(v));
    }

    /** The contract calls of one caller to one contract, by ids: {@code edges} in chain order. */
    private record CallRow(int caller, int contract, int[] edges) {
        TraceResult.ContractCall value(ResultValues v) {
            return new TraceResult.ContractCall(v.address(caller), v.address(contract), v.label(contract), edges.length,
                    v.txs(edges));
        }
    }

    /** Estimated heap bytes of contract calls, for the {@link HubMemo} bound. */
    private static long callBytes(List<CallRow> calls) {
        long b = 16;
        for (CallRow c : calls) {
            b += 48 + 4L * c.edges().length;
        }
        return b;
    }

    /** The contract calls of followed address {@code a}, by contract id. O(out-degree + calls log calls). */
    private List<CallRow> callsOf(int a) {
        long[] keys = new long[8]; // (contract << 32) | edge: by contract, then in chain order
        int n = 0;
        for (int k = 0; k < g.outDegree(a); k++) {
            int e = g.outEdge(a, k);
            if (g.kind(e) == TransferKind.NATIVE && g.isZeroAmount(e) && inWindow(e)) {
                if (n == keys.length) {
                    keys = Arrays.copyOf(keys, 2 * n);
                }
                keys[n++] = ((long) g.to(e) << 32) | e;
            }
        }
        RadixSort.sort(keys, 0, n);
        List<CallRow> out = new ArrayList<>();
        for (int i = 0; i < n;) {
            int c = (int) (keys[i] >>> 32);
            int j = i;
            while (j < n && (int) (keys[j] >>> 32) == c) {
                j++;
            }
            int[] edges = new int[j - i];
            for (int k = i; k < j; k++) {
                edges[k - i] = (int) keys[k];
            }
            out.add(new CallRow(a, c, edges));
            i = j;
        }
        return List.copyOf(out);
    }

    /**
     * Excluded transfers from followed addresses (imitation tokens, zero-value tokens, unverified
     * tokens), by {@link dev.tracer.model.Transfer#CHAIN_ORDER} of their transfers (stable). Which
     * transfers is found here; each one's detail and look-alike are made when it is read.
     * {@code followedIds}: the followed addresses, ascending (pass 1 decides them).
     */
    private List<TraceResult.Poisoning> poisoning(int[] followedIds) {
        int[] edges = new int[16];
        int n = 0;
        for (int a : followedIds) {
            if (marks.excludesFrom(a, fwd)) {
                int[] of = hub(a) ? memo.get(a, fwd, HubMemo.Kind.POISONING, () -> poisonings.from(a), p -> 16L + 4L * p.length)
                        : poisonings.from(a);
                if (n + of.length > edges.length) {
                    edges = Arrays.copyOf(edges, Math.max(2 * edges.length, n + of.length));
                }
                System.arraycopy(of, 0, edges, n, of.length);
                n += of.length;
            }
        }
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        int[] found = edges;
        IndexSort.sort(idx, (x, y) -> chainOrder(found[x], found[y])); // stable: ties keep the order found
        int[] sorted = new int[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = found[idx[i]];
        }
        Poisonings p = poisonings;
        return new IndexedList<>(n, i -> p.value(sorted[i]));
    }
}
