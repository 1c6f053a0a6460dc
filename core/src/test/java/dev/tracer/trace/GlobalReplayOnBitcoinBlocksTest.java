package dev.tracer.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracer.assets.AssetRegistry;
import dev.tracer.assets.FakeTokenClassifier;
import dev.tracer.bitcoin.TxSet;
import dev.tracer.graph.TransferGraph;
import dev.tracer.model.Address;
import dev.tracer.source.Dataset;
import dev.tracer.source.bitcoin.BlockFiles;
import dev.tracer.testing.SharedData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The engine against the naive oracle {@link GlobalReplay} in the UTXO model, on real mainnet
 * blocks read by bitcoinj: the first 439 blocks of Bitcoin's block file (the genesis to block 438,
 * with Satoshi's payment to Hal Finney and the peel chain after it), and blocks 481,815 and
 * 481,829 alone (2017, thousands of transactions each, with chains of transactions spending
 * outputs of the same block; inputs from earlier blocks are outside the data, so their
 * transactions have unexplained inflows and unspent outputs are frontiers). A transaction is a
 * vertex credited by its inputs in input order and debited by its outputs in output order, fee
 * last; a hop is a transaction, the fee is an endpoint. From every output spent within the data,
 * traced as one seed each by one {@code Tracer}, in every model, forward and (four of the
 * configurations) backward: each address's stolen satoshis received, sent and held, and every
 * endpoint, must equal the oracle's.
 */
class GlobalReplayOnBitcoinBlocksTest {
    static final Map<String, Dataset> DATA = new java.util.TreeMap<>();

    @BeforeAll
    static void read() {
        for (String f : List.of("first-100k-blocks.dat", "block481815.dat", "block481829.dat")) {
            TxSet blocks = BlockFiles.read(List.of(SharedData.path("bitcoin/blocks/" + f)), Optional.empty());
            DATA.put(f, blocks.dataset(f));
        }
    }

    /** Every output spent within the data. */
    static List<Address> seeds(TransferGraph g) {
        List<Address> seeds = new ArrayList<>();
        for (int a = 0; a < g.addressCount(); a++) {
            if (g.addressKind(a) == Address.Kind.OUTPUT && g.outDegree(a) > 0) {
                seeds.add(g.address(a));
            }
        }
        return seeds;
    }

    @ParameterizedTest(name = "{2}: {0}, {1} hops, {3}")
    @CsvSource({
        "haircut, 10, first-100k-blocks.dat, forward", "fifo, 10, first-100k-blocks.dat, forward",
        "poison, 10, first-100k-blocks.dat, forward", "haircut, 2, first-100k-blocks.dat, forward",
        "fifo, 3, first-100k-blocks.dat, forward", "haircut, 10, first-100k-blocks.dat, backward",
        "haircut, 5, block481815.dat, forward", "fifo, 5, block481815.dat, forward", "poison, 5, block481815.dat, forward",
        "haircut, 5, block481829.dat, forward", "fifo, 5, block481829.dat, forward", "poison, 5, block481829.dat, forward",
        "haircut, 5, block481815.dat, backward", "fifo, 5, block481815.dat, backward", "poison, 5, block481829.dat, backward"})
    void everySpentOutputsTraceIsTheGlobalReplay(String model, int hops, String file, String direction) {
        boolean forward = direction.equals("forward");
        Dataset data = DATA.get(file);
        TransferGraph g = data.graph();
        List<Address> seeds = seeds(g);
        assertThat(seeds).as("outputs spent within the data").hasSizeGreaterThan(5);
        FakeTokenClassifier classifier = new FakeTokenClassifier(AssetRegistry.bundled());
        List<GlobalReplay.Move> moves = GlobalReplay.moves(g, forward, classifier);
        Tracer tracer = Tracer.builder().dataset(data).classifier(classifier)
                .model(TaintModel.named(model)).policy(TracePolicy.builder().maxHops(hops).build()).build();
        int multiHop = 0;
        for (Address seed : seeds) {
            Set<Integer> ids = Set.of(g.idOf(seed).orElseThrow());
            GlobalReplay.Reach reach = GlobalReplay.reach(moves, ids, a -> g.addressKind(a) == Address.Kind.SINK,
                    a -> g.addressKind(a) == Address.Kind.OUTPUT, a -> false,
                    a -> forward ? data.coverage().outflowsComplete(g.address(a)) : data.coverage().inflowsComplete(g.address(a)),
                    m -> true, hops, TracePolicy.DEFAULT_FAN_OUT_CAP);
            GlobalReplay.Found want = GlobalReplay.replay(moves, ids, reach, false, model);
            TraceResult t = tracer.trace(List.of(Seed.address(seed)), forward ? Direction.FORWARD : Direction.BACKWARD);
            GlobalReplay.assertMatches(model + " from " + seed.value(), t, want, a -> g.idOf(a).orElseThrow(),
                    a -> GlobalReplayOnBenchDataTest.assetId(g, a));
            multiHop += t.nodes().stream().anyMatch(n -> n.hop() >= 2) ? 1 : 0;
        }
        assertThat(multiHop).as("traces that went two transactions or more").isPositive();
    }
}
