package dev.tracer.source.bitcoin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracer.assets.AssetRegistry;
import dev.tracer.assets.FakeTokenClassifier;
import dev.tracer.bitcoin.BtcTx;
import dev.tracer.bitcoin.Outpoint;
import dev.tracer.bitcoin.TxGraph;
import dev.tracer.bitcoin.TxSet;
import dev.tracer.model.Address;
import dev.tracer.model.BlockRange;
import dev.tracer.model.Chain;
import dev.tracer.model.InvalidInputException;
import dev.tracer.model.TxHash;
import dev.tracer.source.SourceException;
import dev.tracer.source.http.HttpTransport;
import dev.tracer.source.http.JdkHttpTransport;
import dev.tracer.source.http.RecordingTransport;
import dev.tracer.source.http.Recording;
import dev.tracer.source.http.ReplayTransport;
import dev.tracer.testing.EsploraEmulator;
import dev.tracer.testing.LocalHttp;
import dev.tracer.testing.SharedData;
import dev.tracer.trace.Direction;
import dev.tracer.trace.ExpandingTrace;
import dev.tracer.trace.Seed;
import dev.tracer.trace.TaintModel;
import dev.tracer.trace.TracePolicy;
import dev.tracer.trace.TraceResult;
import dev.tracer.trace.Tracer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Esplora source against a local Esplora (real data: the first 439 mainnet blocks and the
 * recorded mainnet /tx responses). A trace through it must equal the same trace on the block file.
 */
class EsploraSourceTest {
    static LocalHttp server;
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);
    static final TxHash CB9 = TxHash.parse(Chain.BITCOIN, "0437cd7f8525ceed2324359c2d0ba26006d92d856a9c20fa0241106ee5a597c9");
    static final TxHash PEEL5 = TxHash.parse(Chain.BITCOIN, "828ef3b079f9c23829c56fe86e85b4a69d9e06e5b54ea597eef5fb3ffef509fe");

    @BeforeAll
    static void start() throws IOException {
        server = LocalHttp.start(new EsploraEmulator(SharedData.path("bitcoin/blocks/first-100k-blocks.dat"),
                SharedData.path("bitcoin/esplora")));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static HttpTransport http() {
        return JdkHttpTransport.forUrl("--esplora", server.url(""), Optional.empty(), Duration.ofSeconds(10));
    }

    static EsploraSource source(HttpTransport t) {
        return new EsploraSource(t, "local", CLOCK);
    }

    static TraceResult trace(EsploraSource src, Address seed, Direction d) {
        return new ExpandingTrace(src, ds -> Tracer.builder().dataset(ds).classifier(new FakeTokenClassifier(AssetRegistry.bundled()))
                .model(TaintModel.named("haircut")).policy(TracePolicy.builder().maxHops(10).build()).build(), 500, line -> { })
                .trace(List.of(Seed.address(seed)), d);
    }

    static Map<String, Long> endpoints(TraceResult r) {
        Map<String, Long> m = new TreeMap<>();
        r.endpoints().forEach(e -> m.merge(e.kind().code() + " " + e.address().value(), e.amount().value().longValueExact(), Long::sum));
        return m;
    }

    static TraceResult onBlockFile(Address seed, Direction d) {
        TxSet set = BlockFiles.read(List.of(SharedData.path("bitcoin/blocks/first-100k-blocks.dat")), Optional.empty());
        return Tracer.builder().dataset(set.dataset("blocks")).classifier(new FakeTokenClassifier(AssetRegistry.bundled()))
                .model(TaintModel.named("haircut")).policy(TracePolicy.builder().maxHops(10).build()).build()
                .trace(List.of(Seed.address(seed)), d);
    }

    @Test
    void recordedMainnetTransactionsDecodeThroughTheApi() {
        EsploraSource src = source(http());
        BtcTx w = src.transaction(TxHash.parse(Chain.BITCOIN, "323df21f0b0756f98336437aa3d2fb87e02b59f1946b714a7b09df04d429dec2"));
        assertThat(w.outputs()).hasSize(5).allMatch(o -> o.value() == 5_000_000);
        assertThat(w.fee()).hasValue(30_000);
        TxHash unknown = TxHash.parse(Chain.BITCOIN, "ff".repeat(32));
        assertThatThrownBy(() -> src.transaction(unknown)).isInstanceOf(InvalidInputException.class).hasMessageContaining(unknown.value());
        int before = server.requests().size();
        src.transaction(w.txid());
        assertThat(server.requests()).hasSize(before); // parsed transactions are kept for the session
    }

    @Test
    void aForwardTraceThroughEsploraEqualsTheSameTraceOnTheBlockFile() {
        Address seed = Address.output(Chain.BITCOIN, CB9, 0, null);
        TraceResult live = trace(source(http()), seed, Direction.FORWARD);
        TraceResult file = onBlockFile(seed, Direction.FORWARD);
        assertThat(endpoints(live)).isEqualTo(endpoints(file)).hasSize(6).containsEntry("held " + PEEL5.value() + ":1", 1_800_000_000L);
        assertThat(live.seedAmounts()).isEqualTo(file.seedAmounts());
    }

    @Test
    void aBackwardTraceThroughEsploraEqualsTheSameTraceOnTheBlockFile() {
        Address seed = Address.output(Chain.BITCOIN, PEEL5, 1, null);
        assertThat(endpoints(trace(source(http()), seed, Direction.BACKWARD)))
                .isEqualTo(endpoints(onBlockFile(seed, Direction.BACKWARD)))
                .containsExactlyEntriesOf(Map.of("held tx:" + CB9.value(), 1_800_000_000L));
    }

    @Test
    void aRecordedSessionReplaysWithoutTheServerAndAnUnrecordedRequestIsNamed(@TempDir Path dir) {
        RecordingTransport rec = new RecordingTransport(http(), "esplora");
        Address seed = Address.output(Chain.BITCOIN, CB9, 0, null);
        Map<String, Long> live = endpoints(trace(source(rec), seed, Direction.FORWARD));
        Path file = dir.resolve("session.json");
        rec.recording().write(file);
        Recording back = Recording.read(file);
        assertThat(back.source()).isEqualTo("esplora");
        int before = server.requests().size();
        EsploraSource replay = source(new ReplayTransport(back, file.toString()));
        assertThat(endpoints(trace(replay, seed, Direction.FORWARD))).isEqualTo(live);
        assertThat(server.requests()).hasSize(before);
        assertThatThrownBy(() -> replay.transaction(TxHash.parse(Chain.BITCOIN, "ab".repeat(32))))
                .isInstanceOf(SourceException.Unavailable.class)
                .hasMessageContaining("session.json").hasMessageContaining("GET /tx/" + "ab".repeat(32));
    }

    @Test
    void spendersAndFreshnessComeFromOutspendsAndAddressHistory() {
        EsploraSource src = source(http());
        assertThat(src.spender(new Outpoint(CB9, 0)).by()).contains(TxHash.parse(Chain.BITCOIN,
                "f4184fc596403b9d638783cf57adfe4c75c605f6356fbc91338530e9831e9e16"));
        assertThat(src.spender(new Outpoint(PEEL5, 1)).state()).isEqualTo(TxGraph.Spend.State.UNSPENT);
        assertThat(src.range()).isEqualTo(new BlockRange(0, 439));
        // a recorded transaction whose outspends the recording lacks: unknown, and a trace through it is an error
        TxHash whirlpool = TxHash.parse(Chain.BITCOIN, "323df21f0b0756f98336437aa3d2fb87e02b59f1946b714a7b09df04d429dec2");
        assertThat(src.spender(new Outpoint(whirlpool, 0)).state()).isEqualTo(TxGraph.Spend.State.UNKNOWN);
        assertThatThrownBy(() -> src.transfersOf(Address.output(Chain.BITCOIN, whirlpool, 0, null), src.range()))
                .isInstanceOf(SourceException.Unavailable.class).hasMessageContaining("HTTP 404");
    }

    @Test
    void anAddressWithTooLongAHistoryIsRefusedAsASeed() {
        assertThatThrownBy(() -> source(http()).history("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", 10_000))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("56893 confirmed transactions");
    }

    @Test
    void anOutputIsNotAnAccountVertex() {
        List<String> errors = new ArrayList<>();
        try {
            source(http()).transfersOf(Address.parse(Chain.BITCOIN, "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"), new BlockRange(0, 1));
        } catch (InvalidInputException e) {
            errors.add(e.getMessage());
        }
        assertThat(errors).singleElement().asString().contains("not a vertex");
    }
}
