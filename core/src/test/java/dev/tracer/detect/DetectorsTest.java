package dev.tracer.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracer.assets.AssetRegistry;
import dev.tracer.assets.FakeTokenClassifier;
import dev.tracer.graph.TransferGraph;
import dev.tracer.label.Category;
import dev.tracer.label.Label;
import dev.tracer.label.LabelStore;
import dev.tracer.model.Address;
import dev.tracer.model.Asset;
import dev.tracer.model.BlockRange;
import dev.tracer.model.Chain;
import dev.tracer.model.Coverage;
import dev.tracer.model.Flag;
import dev.tracer.model.Transfer;
import dev.tracer.model.TransferKind;
import dev.tracer.model.TxHash;
import dev.tracer.source.Dataset;
import dev.tracer.trace.Direction;
import dev.tracer.trace.Seed;
import dev.tracer.trace.TaintModel;
import dev.tracer.trace.TracePolicy;
import dev.tracer.trace.TraceResult;
import dev.tracer.trace.Tracer;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Each detector on small hand-built account datasets: the case it must flag and the look-alike
 * cases it must not.
 */
class DetectorsTest {
    static final Chain ETH = Chain.ETHEREUM;
    static final AssetRegistry REGISTRY = AssetRegistry.bundled();
    static final Asset NATIVE = Asset.nativeOf(ETH);
    static final Asset STETH = REGISTRY.token(Address.parse(ETH, "0xae7ab96520de3a18e5e111b5eaab095312d7fe84")).orElseThrow();
    static final BigInteger ETHER = BigInteger.TEN.pow(18);

    static Address a(int i) {
        return Address.parse(ETH, String.format("0x%040x", 0xa000 + i));
    }

    /** Builds transfers; every call is its own transaction unless {@code tx} is reused. */
    static final class Data {
        final List<Transfer> ts = new ArrayList<>();
        final TreeSet<Address> covered = new TreeSet<>();
        int n;

        TxHash tx() {
            return TxHash.parse(ETH, String.format("%064x", ++n));
        }

        Data send(TxHash tx, int from, int to, Asset asset, BigInteger amount, long block, long minute) {
            ts.add(new Transfer(ETH, tx, 0, ts.size(), a(from), a(to), asset, amount, block,
                    Instant.parse("2025-02-21T12:00:00Z").plusSeconds(minute * 60), asset.isNative() ? TransferKind.NATIVE : TransferKind.TOKEN));
            return this;
        }

        Data eth(int from, int to, long ether, long block, long minute) {
            return send(tx(), from, to, NATIVE, ETHER.multiply(BigInteger.valueOf(ether)), block, minute);
        }

        Data cover(int... ids) {
            for (int i : ids) {
                covered.add(a(i));
            }
            return this;
        }

        Dataset dataset() {
            return new Dataset(ETH, Coverage.outflowsOf(ETH, new BlockRange(1, 100_000), covered),
                    TransferGraph.builder().addAll(ts).build(), "hand-built");
        }
    }

    static List<Flag> run(Data d, LabelStore labels, boolean swaps, Detector... detectors) {
        Dataset ds = d.dataset();
        FakeTokenClassifier classifier = new FakeTokenClassifier(REGISTRY);
        Tracer.Builder b = Tracer.builder().dataset(ds).labels(labels).classifier(classifier)
                .model(TaintModel.named("haircut")).policy(TracePolicy.builder().maxHops(6).build());
        if (swaps) {
            b.swaps(new DexSwapContinuity(REGISTRY, labels, Duration.ofHours(24)));
        }
        TraceResult r = b.build().trace(List.of(Seed.address(a(0))), Direction.FORWARD);
        return new Detectors(List.of(detectors)).apply(r, ds, labels, classifier).flags();
    }

    static LabelStore label(int i, Category c, String name) {
        return LabelStore.empty().with(List.of(new Label(a(i), name, c, "test", 90)));
    }

    @Test
    void equalSplitNeedsEnoughSameAmountLotsToDistinctReceiversWithinTheWindow() {
        Data split = new Data().cover(0);
        for (int i = 1; i <= 5; i++) {
            split.eth(0, i, 100, 10 + i, i);
        }
        split.eth(0, 9, 7, 20, 20);
        List<Flag> f = run(split, LabelStore.empty(), false, new EqualSplitDetector(5, Duration.ofHours(24)));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.rule()).isEqualTo("equal-lots:5x");
            assertThat(x.txs()).hasSize(5);
            assertThat(x.summary()).contains("5 × 100 ETH to 5 receivers (5 fresh)");
        });

        Data four = new Data().cover(0);
        for (int i = 1; i <= 4; i++) {
            four.eth(0, i, 100, 10 + i, i);
        }
        assertThat(run(four, LabelStore.empty(), false, new EqualSplitDetector(5, Duration.ofHours(24)))).isEmpty();

        Data slow = new Data().cover(0);
        for (int i = 1; i <= 5; i++) {
            slow.eth(0, i, 100, 10 + i * 10_000, i * 60L * 24 * 2); // one every two days
        }
        assertThat(run(slow, LabelStore.empty(), false, new EqualSplitDetector(5, Duration.ofHours(24)))).isEmpty();

        Data oneReceiver = new Data().cover(0);
        for (int i = 1; i <= 5; i++) {
            oneReceiver.eth(0, 1, 100, 10 + i, i);
        }
        assertThat(run(oneReceiver, LabelStore.empty(), false, new EqualSplitDetector(5, Duration.ofHours(24)))).isEmpty();
    }

    @Test
    void mixerEntryTellsPoolDenominationsFromOtherDeposits() {
        LabelStore mixer = label(5, Category.MIXER, "Tornado.Cash: 10 ETH");
        Data d = new Data().cover(0).eth(0, 5, 10, 10, 1).eth(0, 5, 7, 11, 2).eth(0, 6, 10, 12, 3);
        List<Flag> f = run(d, mixer, false, new MixerDetector());
        assertThat(f).extracting(Flag::rule).containsExactlyInAnyOrder("mixer-entry:denomination", "mixer-entry:label");
        assertThat(f).allSatisfy(x -> assertThat(x.address()).isEqualTo(a(0)));
    }

    @Test
    void bridgeExitOnlyIntoLabelledBridges() {
        Data d = new Data().cover(0).eth(0, 5, 3, 10, 1).eth(0, 6, 3, 11, 2);
        List<Flag> f = run(d, label(5, Category.BRIDGE, "THORChain: Router"), false, new BridgeDetector());
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.type()).isEqualTo("bridge-exit");
            assertThat(x.summary()).contains("THORChain: Router", "destination not in the data");
        });
    }

    @Test
    void exchangeDepositNeedsNearlyEverythingForwardedSoon() {
        LabelStore ex = label(9, Category.EXCHANGE, "Binance 14");
        Data deposit = new Data().cover(0, 1).eth(0, 1, 10, 100, 1).eth(1, 9, 10, 150, 5);
        assertThat(run(deposit, ex, false, new ExchangeDepositDetector(95, 5000)))
                .singleElement().satisfies(x -> assertThat(x.address()).isEqualTo(a(1)));
        Data half = new Data().cover(0, 1).eth(0, 1, 10, 100, 1).eth(1, 9, 5, 150, 5).eth(1, 3, 5, 151, 6);
        assertThat(run(half, ex, false, new ExchangeDepositDetector(95, 5000))).isEmpty();
        Data late = new Data().cover(0, 1).eth(0, 1, 10, 100, 1).eth(1, 9, 10, 90_000, 5);
        assertThat(run(late, ex, false, new ExchangeDepositDetector(95, 5000))).isEmpty();
    }

    @Test
    void rapidPassThroughChainsHops() {
        Data d = new Data().cover(0, 1, 2, 3)
                .eth(0, 1, 10, 10, 0).eth(1, 2, 10, 11, 10).eth(2, 3, 10, 12, 20).eth(3, 4, 10, 500, 60 * 48);
        List<Flag> f = run(d, LabelStore.empty(), false, new RapidPassThroughDetector(Duration.ofMinutes(60)));
        assertThat(f).extracting(x -> x.address().value()).containsExactlyInAnyOrder(a(1).value(), a(2).value());
        assertThat(f).filteredOn(x -> x.address().equals(a(2))).singleElement()
                .satisfies(x -> assertThat(x.summary()).contains("hop 2 of a chain"));
    }

    @Test
    void consolidationNeedsTwoTracedSendersOrAssetsOrOutsideFunds() {
        Data twoPaths = new Data().cover(0, 1, 2).eth(0, 1, 5, 10, 1).eth(0, 2, 5, 11, 2).eth(1, 3, 5, 12, 3).eth(2, 3, 5, 13, 4);
        assertThat(run(twoPaths, LabelStore.empty(), false, new ConsolidationDetector()))
                .filteredOn(x -> x.address().equals(a(3))).singleElement()
                .satisfies(x -> assertThat(x.rule()).isEqualTo("fan-in:senders"));
        Data onePath = new Data().cover(0, 1).eth(0, 1, 5, 10, 1).eth(1, 3, 5, 12, 3);
        assertThat(run(onePath, LabelStore.empty(), false, new ConsolidationDetector())).isEmpty();
    }

    @Test
    void swapContinuityCarriesTaintAcrossAPulledTokenSaleButNotAPlainTransfer() {
        // seed 0 gives A=1 10 stETH; A approves (zero-value call to the token), the stETH is pulled
        // by 7 in a tx A did not sign, then A sends 9.9 ETH it never received in the data
        Data d = new Data().cover(0, 1);
        d.send(d.tx(), 0, 1, STETH, ETHER.multiply(BigInteger.TEN), 10, 1);
        d.ts.add(new Transfer(ETH, d.tx(), 0, 0, a(1), STETH.contract().orElseThrow(), NATIVE, BigInteger.ZERO, 11,
                Instant.parse("2025-02-21T12:02:00Z"), TransferKind.NATIVE));
        d.send(d.tx(), 1, 7, STETH, ETHER.multiply(BigInteger.TEN), 12, 3);
        d.send(d.tx(), 1, 8, NATIVE, ETHER.multiply(BigInteger.valueOf(99)).divide(BigInteger.TEN), 13, 4);
        List<Flag> f = run(d, LabelStore.empty(), true, new SwapFlagger());
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.rule()).isEqualTo("inferred:pulled");
            assertThat(x.summary()).contains("9.9 ETH", "face value of the swapped stETH: 10 ETH (99%)");
        });
        // without swaps the ETH is of unknown origin
        assertThat(run(d, LabelStore.empty(), false, new SwapFlagger())).isEmpty();

        // the same, but A itself called the token contract in the sending tx: a plain transfer, not a swap
        Data plain = new Data().cover(0, 1);
        plain.send(plain.tx(), 0, 1, STETH, ETHER.multiply(BigInteger.TEN), 10, 1);
        TxHash own = plain.tx();
        plain.ts.add(new Transfer(ETH, own, 0, 0, a(1), STETH.contract().orElseThrow(), NATIVE, BigInteger.ZERO, 12,
                Instant.parse("2025-02-21T12:03:00Z"), TransferKind.NATIVE));
        plain.send(own, 1, 7, STETH, ETHER.multiply(BigInteger.TEN), 12, 3);
        plain.send(plain.tx(), 1, 8, NATIVE, ETHER, 13, 4);
        assertThat(run(plain, LabelStore.empty(), true, new SwapFlagger())).isEmpty();
    }
}
