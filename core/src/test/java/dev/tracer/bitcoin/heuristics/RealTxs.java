package dev.tracer.bitcoin.heuristics;

import dev.tracer.bitcoin.BtcInput;
import dev.tracer.bitcoin.BtcOutput;
import dev.tracer.bitcoin.BtcTx;
import dev.tracer.bitcoin.Outpoint;
import dev.tracer.bitcoin.ScriptKind;
import dev.tracer.bitcoin.TxSet;
import dev.tracer.model.Chain;
import dev.tracer.model.TxHash;
import dev.tracer.source.bitcoin.BitcoinTxFiles;
import dev.tracer.source.bitcoin.BlockFiles;
import dev.tracer.testing.SharedData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The real mainnet transactions the heuristic tests use, by file and by height. */
final class RealTxs {
    private static final Map<String, TxSet> BLOCKS = new HashMap<>();

    private RealTxs() {
    }

    /** An Esplora /tx response from shared/data/bitcoin/esplora. */
    static BtcTx esplora(String name) {
        return BitcoinTxFiles.read(SharedData.path("bitcoin/esplora/" + name + ".json"));
    }

    static final List<String> NOT_COINJOINS = List.of("batch-withdrawal-143", "dust-attack-555", "simple-legacy-p2pkh",
            "bare-multisig", "op-return-charley", "taproot-op-return", "taproot-script-path");

    static synchronized TxSet block(String file) {
        return BLOCKS.computeIfAbsent(file, f -> BlockFiles.read(List.of(SharedData.path("bitcoin/blocks/" + f)), Optional.empty()));
    }

    static TxSet early() {
        return block("first-100k-blocks.dat");
    }

    /** Blocks {@code first..last} through the Core RPC source, from bitcoin-etl's recorded responses in {@code dir}. */
    static TxSet coreRpc(String dir, long first, long last) {
        try (dev.tracer.testing.LocalHttp node = dev.tracer.testing.LocalHttp.start(
                new dev.tracer.testing.BitcoinEtlRpc(SharedData.path("bitcoin/core-rpc/" + dir)))) {
            return dev.tracer.source.bitcoin.CoreRpcSource.forRange(dev.tracer.source.http.JdkHttpTransport.forUrl("--rpc",
                    node.url("/"), Optional.empty(), java.time.Duration.ofSeconds(10)), "local",
                    new dev.tracer.model.BlockRange(first, last)).load();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static TxHash h(String s) {
        return TxHash.parse(Chain.BITCOIN, s);
    }

    /**
     * A constructed transaction (not on chain) for rules the shared data has no real example of:
     * {@code inputs} and {@code outputs} values in sat, every script of {@code kind}.
     */
    static BtcTx constructed(String seedHex, ScriptKind kind, long[] inputs, long[] outputs) {
        List<BtcInput> ins = new ArrayList<>();
        for (int i = 0; i < inputs.length; i++) {
            TxHash prev = h(String.format("%062x%02x", i + 1, 0xee));
            ins.add(new BtcInput(i, new Outpoint(prev, 0), 0xffffffffL, Optional.of(out(0, inputs[i], kind, "in" + i))));
        }
        List<BtcOutput> outs = new ArrayList<>();
        for (int i = 0; i < outputs.length; i++) {
            outs.add(out(i, outputs[i], kind, "out" + i));
        }
        return new BtcTx(h(seedHex.repeat(64 / seedHex.length())), 2, 0, 1000, false, ins, outs, Optional.empty());
    }

    private static BtcOutput out(int index, long value, ScriptKind kind, String tag) {
        String address = "constructed-" + tag;
        return new BtcOutput(index, value, kind, Optional.of(address), address);
    }
}
