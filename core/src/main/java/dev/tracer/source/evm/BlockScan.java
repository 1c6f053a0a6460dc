package dev.tracer.source.evm;

import dev.tracer.model.Address;
import dev.tracer.model.BlockRange;
import dev.tracer.model.Chain;
import dev.tracer.model.TxHash;
import dev.tracer.source.SourceException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.EthBlock;

/**
 * The last resort for nodes without {@code trace_filter} (geth): reads every block of the range
 * once, {@code eth_getBlockByNumber} for the transaction hashes and {@code debug_traceBlockByNumber}
 * with the call tracer for every call's value (or {@code debug_traceTransaction} per transaction
 * where the node lacks the block form, as anvil does), and indexes the value traces by address.
 * Cost: two calls per block (batched, 25 blocks at a time) plus one per transaction in the
 * per-transaction form, O(range) whatever the trace, which is why it is last; progress is
 * reported per batch. Memory: the value traces of the range.
 */
final class BlockScan {
    /** How the scan reaches the node. */
    interface Fetcher {
        List<? extends Response<?>> send(BatchRequest br);

        BatchRequest batch();

        Web3jRpcService service();
    }

    /** web3j response type for debug_traceBlockByNumber. */
    static final class GethBlockTraces extends Response<List<GethFrame.TxResult>> {
    }

    /** web3j response type for debug_traceTransaction with the call tracer. */
    static final class GethTxTrace extends Response<GethFrame> {
    }

    private static final int BLOCKS_PER_BATCH = 25;

    private final Map<Address, List<EvmTransfers.ValueTrace>> byAddress = new HashMap<>();
    private final Map<TxHash, List<EvmTransfers.ValueTrace>> byTx = new HashMap<>();

    BlockScan(Chain chain, BlockRange range, Fetcher node, Consumer<String> progress, String endpoint) {
        long total = range.last() - range.first() + 1;
        for (long lo = range.first(); lo <= range.last(); lo += BLOCKS_PER_BATCH) {
            long hi = Math.min(range.last(), lo + BLOCKS_PER_BATCH - 1);
            BatchRequest br = node.batch();
            for (long b = lo; b <= hi; b++) {
                br.add(new Request<>("eth_getBlockByNumber", List.of(EvmRpcSource.hex(b), false), node.service(), EthBlock.class));
                br.add(new Request<>("debug_traceBlockByNumber", List.of(EvmRpcSource.hex(b), Map.of("tracer", "callTracer")),
                        node.service(), GethBlockTraces.class));
            }
            List<? extends Response<?>> replies = node.send(br);
            for (long b = lo; b <= hi; b++) {
                int i = (int) (2 * (b - lo));
                EthBlock eb = (EthBlock) replies.get(i);
                GethBlockTraces gt = (GethBlockTraces) replies.get(i + 1);
                if (eb.hasError() || eb.getBlock() == null) {
                    throw new SourceException.Unavailable("node " + endpoint + " has no block " + b, null);
                }
                List<String> hashes = new ArrayList<>();
                for (EthBlock.TransactionResult<?> r : eb.getBlock().getTransactions()) {
                    hashes.add(String.valueOf(r.get()));
                }
                List<GethFrame.TxResult> results;
                if (!gt.hasError()) {
                    results = gt.getResult() == null ? List.of() : gt.getResult();
                } else if (EvmRpcSource.isMissing(gt.getError())) {
                    results = perTransaction(node, hashes, endpoint);
                } else {
                    throw new SourceException.Unavailable("node " + endpoint + " failed debug_traceBlockByNumber on block " + b + ": "
                            + gt.getError().getMessage(), null);
                }
                for (EvmTransfers.ValueTrace v : EvmTransfers.fromGeth(chain, b, hashes, results)) {
                    v.from().ifPresent(a -> byAddress.computeIfAbsent(a, k -> new ArrayList<>()).add(v));
                    v.to().filter(a -> !a.equals(v.from().orElse(null)))
                            .ifPresent(a -> byAddress.computeIfAbsent(a, k -> new ArrayList<>()).add(v));
                    v.tx().ifPresent(t -> byTx.computeIfAbsent(t, k -> new ArrayList<>()).add(v));
                }
            }
            progress.accept(String.format("block scan: %d of %d blocks", hi - range.first() + 1, total));
        }
    }

    /** A block's call traces one transaction at a time, for nodes without debug_traceBlockByNumber (anvil). */
    private static List<GethFrame.TxResult> perTransaction(Fetcher node, List<String> hashes, String endpoint) {
        if (hashes.isEmpty()) {
            return List.of();
        }
        BatchRequest br = node.batch();
        for (String h : hashes) {
            br.add(new Request<>("debug_traceTransaction", List.of(h, Map.of("tracer", "callTracer")), node.service(), GethTxTrace.class));
        }
        List<GethFrame.TxResult> out = new ArrayList<>();
        List<? extends Response<?>> replies = node.send(br);
        for (int k = 0; k < hashes.size(); k++) {
            GethTxTrace t = (GethTxTrace) replies.get(k);
            if (t.hasError() || t.getResult() == null) {
                throw new SourceException.Unavailable("node " + endpoint + " offers neither trace_filter nor geth's call tracer ("
                        + (t.hasError() ? t.getError().getMessage() : "no trace of " + hashes.get(k))
                        + "): internal transfers cannot be fetched completely", null);
            }
            GethFrame.TxResult r = new GethFrame.TxResult();
            r.txHash = hashes.get(k);
            r.result = t.getResult();
            out.add(r);
        }
        return out;
    }

    List<EvmTransfers.ValueTrace> tracesOf(Address a, BlockRange r) {
        return byAddress.getOrDefault(a, List.of()).stream().filter(v -> r.contains(v.block())).toList();
    }

    List<EvmTransfers.ValueTrace> tracesOfTx(TxHash tx, long block) {
        return byTx.getOrDefault(tx, List.of());
    }
}
