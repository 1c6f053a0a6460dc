package dev.tracer.bench;

import dev.tracer.assets.AssetRegistry;
import dev.tracer.assets.FakeTokenClassifier;
import dev.tracer.model.Address;
import dev.tracer.model.Chain;
import dev.tracer.source.evm.EvmRpcSource;
import dev.tracer.source.rpc.RpcStack;
import dev.tracer.trace.Direction;
import dev.tracer.trace.ExpandingTrace;
import dev.tracer.trace.Seed;
import dev.tracer.trace.TaintModel;
import dev.tracer.trace.TracePolicy;
import dev.tracer.trace.TraceResult;
import dev.tracer.trace.Tracer;
import java.util.List;
import java.util.function.Consumer;

/**
 * Node requests of live traces: plays a {@link BranchingScenario} on a local node, then through
 * one {@link EvmRpcSource} (one cache, in memory) traces forward from the first theft address
 * (cold: nothing cached), the same trace again (repeated), and from the second theft address,
 * whose reach overlaps the first's by half (overlapping). Counts are the source's
 * {@code nodeRequests}: calls that reached the node. Counts, not timings: they are the same on
 * any machine for the same node.
 */
public final class RequestBench {

    /** Requests of each trace, and the sizes that explain them. */
    public record Result(long cold, long repeated, long overlapping, int reached1, int reached2, int shared) {
        /** overlapping / cold. */
        public double overlapRatio() {
            return (double) overlapping / cold;
        }
    }

    private final String url;
    private final int fanOut;
    private final int depth;
    private final Consumer<String> progress;

    /**
     * @param url    a local node that accepts anvil's impersonation calls (e.g. {@code http://127.0.0.1:8545})
     * @param fanOut receivers per address in the scenario's trees
     * @param depth  levels of each tree
     */
    public RequestBench(String url, int fanOut, int depth, Consumer<String> progress) {
        this.url = url;
        this.fanOut = fanOut;
        this.depth = depth;
        this.progress = progress;
    }

    public Result run() {
        BranchingScenario.Played p = new BranchingScenario(url, fanOut, depth, 20250221).play();
        progress.accept(String.format("requests: scenario played up to block %d (%d and %d addresses reachable, %d shared)",
                p.lastBlock(), p.reachable1(), p.reachable2(), p.shared()));
        RpcStack stack = RpcStack.live("--rpc", url).rateLimit(10_000).build();
        EvmRpcSource source = EvmRpcSource.builder(stack).toBlock(p.lastBlock()).build();
        Chain chain = source.chain();
        AssetRegistry registry = AssetRegistry.bundled();
        TracePolicy policy = TracePolicy.builder().maxHops(depth + 3).build();
        ExpandingTrace live = new ExpandingTrace(source, d -> Tracer.builder().dataset(d)
                .classifier(new FakeTokenClassifier(registry)).model(TaintModel.named("haircut")).policy(policy).build(),
                10_000, line -> { });
        long before = stack.stats().nodeRequests();
        TraceResult first = trace(live, chain, p.t1());
        long cold = stack.stats().nodeRequests() - before;
        before = stack.stats().nodeRequests();
        trace(live, chain, p.t1());
        long repeated = stack.stats().nodeRequests() - before;
        before = stack.stats().nodeRequests();
        TraceResult second = trace(live, chain, p.t2());
        long overlap = stack.stats().nodeRequests() - before;
        progress.accept(String.format("requests: cold %d, repeated %d, overlapping %d", cold, repeated, overlap));
        return new Result(cold, repeated, overlap, first.nodes().size(), second.nodes().size(), p.shared());
    }

    private static TraceResult trace(ExpandingTrace live, Chain chain, String seed) {
        return live.trace(List.of(Seed.address(Address.parse(chain, seed))), Direction.FORWARD);
    }
}
