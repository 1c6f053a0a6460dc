package dev.tracer.report;

import dev.tracer.assets.AssetRegistry;
import dev.tracer.assets.FakeTokenClassifier;
import dev.tracer.graph.TransferGraph;
import dev.tracer.label.Category;
import dev.tracer.label.Label;
import dev.tracer.label.LabelStore;
import dev.tracer.model.Address;
import dev.tracer.model.Amount;
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
import dev.tracer.trace.TraceResult;
import dev.tracer.trace.Tracer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A real trace over a small hand-made dataset whose attacker-controlled text is hostile: a listed
 * token whose symbol holds markup, quotes, control characters (ESC, SOH), a formula prefix, a
 * backslash escape, a bidirectional override and Cyrillic look-alike letters; an exchange and a
 * bridge whose labels hold markup, a bell, line breaks, an unpaired surrogate, table pipes and a
 * formula. The seed pays a followed address, which pays the exchange, the bridge and a frontier
 * address; one transfer is marked as UTXO-style change by a {@code change} flag.
 */
final class HostileTrace {
    static final Chain ETH = Chain.ETHEREUM;
    static final Address SEED = addr('1');
    static final Address HOP1 = addr('2');
    static final Address EXCHANGE = addr('3');
    static final Address FRONTIER = addr('4');
    static final Address BRIDGE = addr('5');
    static final Address TOKEN = addr('c');
    /** Markup, quotes, ESC and SOH, a formula start, a backslash escape, RLO, Cyrillic Е Т Н. */
    static final String SYMBOL = "=<\u0415\u0422\u041D & \"q\" 'a'\u001B[31m\u0001\\N|*>\u202E";
    /** What every export shows for {@link #SYMBOL}: forbidden and display controls replaced. */
    static final String SYMBOL_SHOWN = "=<\u0415\u0422\u041D & \"q\" 'a'\uFFFD[31m\uFFFD\\N|*>\uFFFD";
    static final String EXCHANGE_ENTITY = "Evil <b>&amp; \"Exchange\"\u0007\r\nline2 \uD800 \u0415TH | `x` [a](http://e)";
    static final String EXCHANGE_ENTITY_SHOWN = "Evil <b>&amp; \"Exchange\"\uFFFD  line2 \uFFFD \u0415TH | `x` [a](http://e)";
    static final String BRIDGE_ENTITY = "@SUM(A1:A9), bridge \"B\"";
    static final Instant T0 = Instant.parse("2025-02-21T14:29:47Z");

    private HostileTrace() {
    }

    static TraceResult trace(Path tmp) {
        Asset eth = Asset.nativeOf(ETH);
        Asset hostile = Asset.token(TOKEN, SYMBOL, 6, true);
        TransferGraph g = TransferGraph.builder()
                .add(transfer(1, SEED, HOP1, Amount.parseDecimal(eth, "10"), 100, TransferKind.NATIVE))
                .add(transfer(2, SEED, HOP1, Amount.parseDecimal(hostile, "1000.5"), 101, TransferKind.TOKEN))
                .add(transfer(3, HOP1, EXCHANGE, Amount.parseDecimal(eth, "1.234567890123456789"), 102, TransferKind.NATIVE))
                .add(transfer(4, HOP1, FRONTIER, Amount.parseDecimal(eth, "3"), 103, TransferKind.NATIVE))
                .add(transfer(5, HOP1, FRONTIER, Amount.parseDecimal(hostile, "250.25"), 104, TransferKind.TOKEN))
                .add(transfer(6, HOP1, BRIDGE, Amount.parseDecimal(eth, "2"), 105, TransferKind.NATIVE))
                .build();
        Dataset data = new Dataset(ETH, Coverage.outflowsOf(ETH, new BlockRange(100, 200), Set.of(SEED, HOP1)), g,
                "hand-made test data <with> \"quotes\"");
        Path registry = tmp.resolve("hostile-tokens.csv");
        try {
            Files.writeString(registry, "chain_id,contract,symbol,decimals\n1," + TOKEN.value() + ",\""
                    + SYMBOL.replace("\"", "\"\"") + "\",6\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LabelStore labels = LabelStore.empty().with(List.of(
                new Label(EXCHANGE, EXCHANGE_ENTITY, Category.EXCHANGE, "test <source>", 90),
                new Label(BRIDGE, BRIDGE_ENTITY, Category.BRIDGE, "test", 80)));
        TraceResult r = Tracer.builder()
                .dataset(data)
                .labels(labels)
                .classifier(new FakeTokenClassifier(AssetRegistry.bundled().withCsv(registry)))
                .model(TaintModel.named("haircut"))
                .build()
                .trace(List.of(Seed.address(SEED)), Direction.FORWARD);
        List<Flag> flags = new ArrayList<>(r.flags());
        flags.add(new Flag("change", "TestChangeDetector", FRONTIER, "test-change", 50, "change back to <self> & co",
                List.of(tx(4)), List.of(Amount.parseDecimal(eth, "3")), T0, T0));
        return r.withFlags(flags);
    }

    static Address addr(char hex) {
        return Address.parse(ETH, "0x" + String.valueOf(hex).repeat(40));
    }

    static TxHash tx(int n) {
        return TxHash.parse(ETH, String.format("%064x", n));
    }

    private static Transfer transfer(int n, Address from, Address to, Amount amount, long block, TransferKind kind) {
        return new Transfer(ETH, tx(n), 0, 0, from, to, amount.asset(), amount.value(), block,
                T0.plusSeconds(12 * (block - 100)), kind);
    }
}
