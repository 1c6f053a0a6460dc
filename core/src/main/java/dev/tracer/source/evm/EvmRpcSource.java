package dev.tracer.source.evm;

import dev.tracer.model.Address;
import dev.tracer.model.Asset;
import dev.tracer.model.BlockRange;
import dev.tracer.model.BridgeDeposit;
import dev.tracer.model.Chain;
import dev.tracer.model.InvalidInputException;
import dev.tracer.model.Transfer;
import dev.tracer.model.TxHash;
import dev.tracer.source.SourceException;
import dev.tracer.source.SourceStats;
import dev.tracer.source.TransferSource;
import dev.tracer.source.rpc.RpcStack;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthBlockNumber;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthChainId;
import org.web3j.protocol.core.methods.response.EthGetTransactionReceipt;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * The {@link TransferSource} port answered by an EVM JSON-RPC node (or a recording of one).
 *
 * <p>For an address, over block windows aligned to multiples of {@code window} (so that an
 * overlapping trace at a later head reuses every full window from the cache):
 * <ul>
 *   <li>{@code eth_getLogs} with the ERC-20 Transfer topic and the address as topic 1 (sent) and
 *       as topic 2 (received): every node has it.
 *   <li>{@code trace_filter} with {@code fromAddress} and, separately, {@code toAddress} (nodes
 *       differ on whether both together mean "and" or "or"): native transfers and internal calls
 *       that move ETH. For a transaction with a nested trace, {@code trace_transaction} gives
 *       the whole tree, so a call inside a reverted parent counts as failed (ethereum-etl's status)
 *       and positions are stable whichever address asked.
 *   <li>Without {@code trace_filter} (geth): a scan of every block in the range with
 *       {@code eth_getBlockByNumber} and {@code debug_traceBlockByNumber} (call tracer), done once
 *       and indexed; the last resort, reported on the progress line.
 * </ul>
 * A window the node refuses as too large (too many results, range limit) is split in half until
 * it passes. Block times come from {@code eth_getBlockByNumber}; token symbol and decimals from
 * {@code eth_call} at the range's last block. Every call names an explicit block or hash, so
 * answers are immutable and cached (memory, and disk when configured); only {@code eth_blockNumber}
 * is not (give {@code toBlock} to avoid it). Calls of one step go in one batch.
 *
 * <p>Cost per address: 4 × windows log/trace calls (more when split) + one call per new block,
 * per transaction with internal transfers, and two per new token. Thread-safe: the expanding
 * trace calls {@link #transfersOf} from many virtual threads.
 */
public final class EvmRpcSource implements TransferSource {
    private static final Logger LOG = LoggerFactory.getLogger(EvmRpcSource.class);

    /** How native and internal transfers are found. */
    enum Mode { TRACE_FILTER, BLOCK_SCAN }

    private final RpcStack stack;
    private final Web3jRpcService service;
    private final Optional<Chain> expectedChain;
    private final long fromBlock;
    private final OptionalLong toBlock;
    private final long window;
    private final Consumer<String> progress;
    private final Map<Address, Asset> tokens = new ConcurrentHashMap<>();
    private final Map<Long, Instant> blockTimes = new ConcurrentHashMap<>();
    private volatile Chain chain;
    private volatile BlockRange range;
    private volatile Mode mode;
    private BlockScan scan; // guarded by this

    private EvmRpcSource(Builder b) {
        this.stack = b.stack;
        this.expectedChain = Optional.ofNullable(b.chain);
        this.fromBlock = b.fromBlock;
        this.toBlock = b.toBlock;
        this.window = b.window;
        this.progress = b.progress;
        this.service = new Web3jRpcService(stack, this::cacheKey);
    }

    public static Builder builder(RpcStack stack) {
        return new Builder(stack);
    }

    // ---------------------------------------------------------------- the port

    @Override
    public Chain chain() {
        init();
        return chain;
    }

    @Override
    public BlockRange range() {
        init();
        return range;
    }

    @Override
    public String description() {
        init();
        return "EVM JSON-RPC node, chain " + chain.name() + " (id " + chain.chainId() + "), blocks " + range + "; "
                + (mode == Mode.TRACE_FILTER ? "ETH via trace_filter and trace_transaction"
                        : "ETH via a block scan with debug_traceBlockByNumber")
                + ", tokens via eth_getLogs";
    }

    @Override
    public SourceStats stats() {
        return stack.stats();
    }

    @Override
    public List<Transfer> transfersOf(Address address, BlockRange r) {
        init();
        if (!address.chain().equals(chain)) {
            throw new InvalidInputException("address " + address + " is on " + address.chain() + ", the node on " + chain);
        }
        BlockRange within = clamp(r);
        List<Log> logs = new ArrayList<>();
        List<ParityTrace> traces = new ArrayList<>();
        String a = address.value();
        String topic = "0x" + "0".repeat(24) + a.substring(2);
        List<Query> queries = new ArrayList<>();
        for (long[] w : windows(within)) {
            queries.add(Query.logs(w[0], w[1], List.of(EvmTransfers.TRANSFER_TOPIC, topic)));
            queries.add(Query.logs(w[0], w[1], java.util.Arrays.asList(EvmTransfers.TRANSFER_TOPIC, null, topic)));
            if (mode == Mode.TRACE_FILTER) {
                queries.add(Query.traces(w[0], w[1], "fromAddress", a));
                queries.add(Query.traces(w[0], w[1], "toAddress", a));
            }
        }
        runRanged(queries, logs, traces);
        Set<Transfer> out = new LinkedHashSet<>();
        List<EvmTransfers.ValueTrace> values;
        if (mode == Mode.TRACE_FILTER) {
            values = valueTraces(chain, traces);
        } else {
            values = scan().tracesOf(address, within);
        }
        Set<Long> blocks = new TreeSet<>();
        logs.forEach(l -> blocks.add(l.getBlockNumber().longValueExact()));
        values.forEach(v -> blocks.add(v.block()));
        fetchBlockTimes(blocks);
        fetchTokens(logs);
        for (Log l : logs) {
            EvmTransfers.fromLog(chain, l, tokens::get, blockTimes::get).ifPresent(out::add);
        }
        for (Transfer t : EvmTransfers.fromTraces(chain, values, blockTimes::get)) {
            if (t.from().equals(address) || t.to().equals(address)) {
                out.add(t);
            }
        }
        List<Transfer> sorted = new ArrayList<>(out);
        sorted.sort(Transfer.CHAIN_ORDER);
        LOG.debug("{}: {} transfers in blocks {}", address, sorted.size(), within);
        return List.copyOf(sorted);
    }

    /**
     * Deposits into bridge contract {@code bridge} that its event logs state (the scenario
     * bridge's {@code DepositInitiated}, THORChain router's {@code Deposit}): one
     * {@code eth_getLogs} per window, filtered by the contract and the two event topics.
     */
    @Override
    public List<BridgeDeposit> bridgeDeposits(Address bridge, BlockRange r) {
        init();
        BlockRange within = clamp(r);
        List<Query> queries = new ArrayList<>();
        for (long[] w : windows(within)) {
            queries.add(Query.contractLogs(w[0], w[1], bridge.value(), List.of(BridgeEvents.TOPICS)));
        }
        List<Log> logs = new ArrayList<>();
        runRanged(queries, logs, new ArrayList<>());
        List<Address> assets = new ArrayList<>();
        for (Log l : logs) {
            if (l.getTopics() != null && l.getTopics().size() == 3
                    && BridgeEvents.THORCHAIN_DEPOSIT.equalsIgnoreCase(l.getTopics().get(0))) {
                String hex = Numeric.cleanHexPrefix(l.getTopics().get(2));
                Address asset = Address.parse(chain, "0x" + hex.substring(hex.length() - 40).toLowerCase(Locale.ROOT));
                if (!asset.value().equals("0x" + "0".repeat(40))) {
                    assets.add(asset);
                }
            }
        }
        fetchTokenMetadata(assets);
        List<BridgeDeposit> out = new ArrayList<>();
        for (Log l : logs) {
            BridgeEvents.decode(chain, l, tokens::get).ifPresent(out::add);
        }
        LOG.debug("{}: {} bridge deposits in blocks {}", bridge, out.size(), within);
        return List.copyOf(out);
    }

    @Override
    public List<Transfer> transfersIn(TxHash tx) {
        init();
        EthGetTransactionReceipt receipt = send(new Request<>("eth_getTransactionReceipt", List.of(tx.value()), service,
                EthGetTransactionReceipt.class));
        Optional<TransactionReceipt> rec = receipt.getTransactionReceipt();
        if (rec.isEmpty() || rec.get().getBlockNumber() == null) {
            return List.of();
        }
        long block = rec.get().getBlockNumber().longValueExact();
        if (!range.contains(block)) {
            return List.of();
        }
        List<EvmTransfers.ValueTrace> values;
        if (mode == Mode.TRACE_FILTER) {
            TraceList tl = send(new Request<>("trace_transaction", List.of(tx.value()), service, TraceList.class));
            values = EvmTransfers.fromParity(chain, tl.getResult() == null ? List.of() : tl.getResult());
        } else {
            values = scan().tracesOfTx(tx, block);
        }
        fetchBlockTimes(Set.of(block));
        List<Log> logs = rec.get().getLogs() == null ? List.of() : rec.get().getLogs();
        fetchTokens(logs);
        List<Transfer> out = new ArrayList<>(EvmTransfers.fromTraces(chain, values, blockTimes::get));
        for (Log l : logs) {
            EvmTransfers.fromLog(chain, l, tokens::get, blockTimes::get).ifPresent(out::add);
        }
        out.sort(Transfer.CHAIN_ORDER);
        return List.copyOf(out);
    }

    // ---------------------------------------------------------------- set-up

    private synchronized void init() {
        if (range != null) {
            return;
        }
        EthChainId id = send(new Request<>("eth_chainId", List.of(), service, EthChainId.class));
        Chain c = Chain.evm(id.getChainId().longValueExact());
        if (expectedChain.isPresent() && expectedChain.get().chainId() != c.chainId()) {
            throw new InvalidInputException("--chain " + expectedChain.get().name() + " but the node at " + stack.endpoint()
                    + " serves chain id " + c.chainId());
        }
        this.chain = c;
        long head;
        if (toBlock.isPresent()) {
            EthBlock b = send(new Request<>("eth_getBlockByNumber", List.of(hex(toBlock.getAsLong()), false), service, EthBlock.class));
            if (b.getBlock() == null) {
                throw new InvalidInputException("--to-block " + toBlock.getAsLong() + " is beyond the head of the node at " + stack.endpoint());
            }
            blockTimes.put(toBlock.getAsLong(), Instant.ofEpochSecond(b.getBlock().getTimestamp().longValueExact()));
            head = toBlock.getAsLong();
        } else {
            EthBlockNumber n = send(new Request<>("eth_blockNumber", List.of(), service, EthBlockNumber.class));
            head = n.getBlockNumber().longValueExact();
        }
        if (head < fromBlock) {
            throw new InvalidInputException("--from-block " + fromBlock + " is after the last block " + head);
        }
        TraceList probe = sendRaw(new Request<>("trace_filter", List.of(filter(head, head, "fromAddress",
                "0x0000000000000000000000000000000000000000")), service, TraceList.class));
        if (probe.hasError()) {
            if (!isMissing(probe.getError())) {
                throw new SourceException.Unavailable("node " + stack.endpoint() + " failed trace_filter: "
                        + probe.getError().getMessage(), null);
            }
            mode = Mode.BLOCK_SCAN;
            LOG.warn("node {} has no trace_filter ({}); native and internal transfers come from a scan of blocks {}..{}",
                    stack.endpoint(), probe.getError().getMessage(), fromBlock, head);
        } else {
            mode = Mode.TRACE_FILTER;
        }
        this.range = new BlockRange(fromBlock, head);
        LOG.info("{}: chain {}, blocks {}, {}", stack.endpoint(), c.name(), range, mode == Mode.TRACE_FILTER
                ? "native and internal transfers via trace_filter" : "block scan");
    }

    private Optional<String> cacheKey(String method, String params) {
        return switch (method) {
            case "eth_blockNumber" -> Optional.empty();
            case "eth_chainId" -> Optional.of("endpoint " + stack.endpointKey() + " " + method + " " + params);
            default -> chain == null ? Optional.empty() : Optional.of("chain " + chain.chainId() + " " + method + " " + params);
        };
    }

    private BlockRange clamp(BlockRange r) {
        long first = Math.max(r.first(), range.first());
        long last = Math.min(r.last(), range.last());
        if (last < first) {
            throw new InvalidInputException("block range " + r + " is outside the node's " + range);
        }
        return new BlockRange(first, last);
    }

    private List<long[]> windows(BlockRange r) {
        List<long[]> out = new ArrayList<>();
        for (long s = r.first() / window * window; s <= r.last(); s += window) {
            out.add(new long[] {Math.max(s, r.first()), Math.min(s + window - 1, r.last())});
        }
        return out;
    }

    // ---------------------------------------------------------------- ranged queries

    /** An eth_getLogs or trace_filter query over blocks lo..hi. */
    private record Query(String method, long lo, long hi, Object topics, String key, String address) {
        static Query logs(long lo, long hi, Object topics) {
            return new Query("eth_getLogs", lo, hi, topics, null, null);
        }

        /** Logs emitted by one contract. */
        static Query contractLogs(long lo, long hi, String contract, Object topics) {
            return new Query("eth_getLogs", lo, hi, topics, null, contract);
        }

        static Query traces(long lo, long hi, String key, String address) {
            return new Query("trace_filter", lo, hi, null, key, address);
        }

        Query with(long l, long h) {
            return new Query(method, l, h, topics, key, address);
        }

        Request<?, ? extends Response<?>> request(Web3jRpcService s) {
            if (method.equals("eth_getLogs")) {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("fromBlock", hex(lo));
                f.put("toBlock", hex(hi));
                if (address != null) {
                    f.put("address", address);
                }
                f.put("topics", topics);
                return new Request<>(method, List.of(f), s, EthLog.class);
            }
            return new Request<>(method, List.of(filter(lo, hi, key, address)), s, TraceList.class);
        }
    }

    private void runRanged(List<Query> queries, List<Log> logs, List<ParityTrace> traces) {
        Deque<Query> todo = new ArrayDeque<>(queries);
        while (!todo.isEmpty()) {
            List<Query> batch = new ArrayList<>(todo);
            todo.clear();
            BatchRequest br = new BatchRequest(service);
            batch.forEach(q -> br.add(q.request(service)));
            List<? extends Response<?>> replies = sendBatch(br);
            for (int i = 0; i < batch.size(); i++) {
                Query q = batch.get(i);
                Response<?> r = replies.get(i);
                if (r.hasError()) {
                    if (q.hi() > q.lo() && !isMissing(r.getError())) {
                        long mid = q.lo() + (q.hi() - q.lo()) / 2;
                        LOG.info("{} over blocks {}..{} refused ({}); splitting", q.method(), q.lo(), q.hi(), r.getError().getMessage());
                        todo.add(q.with(q.lo(), mid));
                        todo.add(q.with(mid + 1, q.hi()));
                        continue;
                    }
                    throw new SourceException.Unavailable("node " + stack.endpoint() + " refused " + q.method() + " over blocks "
                            + q.lo() + ".." + q.hi() + ": " + oneLine(r.getError().getMessage()), null);
                }
                if (r instanceof EthLog el) {
                    for (EthLog.LogResult<?> lr : el.getLogs() == null ? List.<EthLog.LogResult<?>>of() : el.getLogs()) {
                        if (lr instanceof EthLog.LogObject lo) {
                            logs.add(lo.get());
                        }
                    }
                } else if (r instanceof TraceList tl && tl.getResult() != null) {
                    traces.addAll(tl.getResult());
                }
            }
        }
    }

    /** Value traces of an address: top-level ones as filtered, whole trees for transactions with nested ones. */
    private List<EvmTransfers.ValueTrace> valueTraces(Chain c, List<ParityTrace> filtered) {
        Set<String> nested = new TreeSet<>();
        List<ParityTrace> top = new ArrayList<>();
        for (ParityTrace t : filtered) {
            if (t.transactionHash == null) {
                continue;
            }
            if (t.traceAddress.isEmpty()) {
                top.add(t);
            } else {
                nested.add(t.transactionHash.toLowerCase(Locale.ROOT));
            }
        }
        List<ParityTrace> all = new ArrayList<>();
        for (ParityTrace t : top) {
            if (!nested.contains(t.transactionHash.toLowerCase(Locale.ROOT))) {
                all.add(t);
            }
        }
        if (!nested.isEmpty()) {
            BatchRequest br = new BatchRequest(service);
            for (String h : nested) {
                br.add(new Request<>("trace_transaction", List.of(h), service, TraceList.class));
            }
            for (Response<?> r : sendBatch(br)) {
                if (r.hasError()) {
                    throw new SourceException.Unavailable("node " + stack.endpoint() + " failed trace_transaction: "
                            + oneLine(r.getError().getMessage()), null);
                }
                if (((TraceList) r).getResult() != null) {
                    all.addAll(((TraceList) r).getResult());
                }
            }
        }
        return EvmTransfers.fromParity(c, all);
    }

    // ---------------------------------------------------------------- blocks and tokens

    private void fetchBlockTimes(Set<Long> blocks) {
        List<Long> missing = blocks.stream().filter(b -> !blockTimes.containsKey(b)).sorted().toList();
        if (missing.isEmpty()) {
            return;
        }
        BatchRequest br = new BatchRequest(service);
        for (long b : missing) {
            br.add(new Request<>("eth_getBlockByNumber", List.of(hex(b), false), service, EthBlock.class));
        }
        List<? extends Response<?>> replies = sendBatch(br);
        for (int i = 0; i < missing.size(); i++) {
            EthBlock eb = (EthBlock) replies.get(i);
            if (eb.hasError() || eb.getBlock() == null) {
                throw new SourceException.Unavailable("node " + stack.endpoint() + " has no block " + missing.get(i), null);
            }
            blockTimes.put(missing.get(i), Instant.ofEpochSecond(eb.getBlock().getTimestamp().longValueExact()));
        }
    }

    private void fetchTokens(List<Log> logs) {
        fetchTokenMetadata(logs.stream().map(l -> Address.parse(chain, l.getAddress())).toList());
    }

    private void fetchTokenMetadata(List<Address> contracts) {
        List<Address> missing = new ArrayList<>(new TreeSet<>(contracts.stream().filter(a -> !tokens.containsKey(a)).toList()));
        if (missing.isEmpty()) {
            return;
        }
        BatchRequest br = new BatchRequest(service);
        for (Address t : missing) {
            for (String data : new String[] {TokenMetadata.SYMBOL_CALL, TokenMetadata.DECIMALS_CALL}) {
                Map<String, Object> call = new LinkedHashMap<>();
                call.put("to", t.value());
                call.put("data", data);
                br.add(new Request<>("eth_call", List.of(call, hex(range.last())), service, EthCall.class));
            }
        }
        List<? extends Response<?>> replies = sendBatch(br);
        for (int i = 0; i < missing.size(); i++) {
            EthCall sym = (EthCall) replies.get(2 * i);
            EthCall dec = (EthCall) replies.get(2 * i + 1);
            tokens.putIfAbsent(missing.get(i), TokenMetadata.asset(missing.get(i),
                    sym.hasError() ? null : sym.getValue(), dec.hasError() ? null : dec.getValue()));
        }
    }

    private synchronized BlockScan scan() {
        if (scan == null) {
            scan = new BlockScan(chain, range, new BlockScan.Fetcher() {
                @Override
                public List<? extends Response<?>> send(BatchRequest br) {
                    return sendBatch(br);
                }

                @Override
                public BatchRequest batch() {
                    return new BatchRequest(service);
                }

                @Override
                public Web3jRpcService service() {
                    return service;
                }
            }, progress, stack.endpoint());
        }
        return scan;
    }

    // ---------------------------------------------------------------- plumbing

    private <T extends Response<?>> T send(Request<?, T> req) {
        T r = sendRaw(req);
        if (r.hasError()) {
            throw new SourceException.Unavailable("node " + stack.endpoint() + " failed " + req.getMethod() + ": "
                    + oneLine(r.getError().getMessage()), null);
        }
        return r;
    }

    private <T extends Response<?>> T sendRaw(Request<?, T> req) {
        try {
            return req.send();
        } catch (IOException e) {
            throw new SourceException.Unavailable("node " + stack.endpoint() + ": unreadable answer to " + req.getMethod()
                    + ": " + oneLine(e.getMessage()), e);
        }
    }

    private List<? extends Response<?>> sendBatch(BatchRequest br) {
        if (br.getRequests().isEmpty()) {
            return List.of();
        }
        try {
            BatchResponse r = br.send();
            return r.getResponses();
        } catch (IOException e) {
            throw new SourceException.Unavailable("node " + stack.endpoint() + ": unreadable batch answer: "
                    + oneLine(e.getMessage()), e);
        }
    }

    static boolean isMissing(Response.Error e) {
        return dev.tracer.source.rpc.RpcReply.error(e.getCode(), e.getMessage()).isMethodMissing();
    }

    static String hex(long n) {
        return Numeric.encodeQuantity(BigInteger.valueOf(n));
    }

    static Map<String, Object> filter(long lo, long hi, String key, String address) {
        Map<String, Object> f = new HashMap<>();
        f.put("fromBlock", hex(lo));
        f.put("toBlock", hex(hi));
        f.put(key, List.of(address));
        return f;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replace('\n', ' ').replace('\r', ' ');
    }

    /** web3j response type for trace_filter, trace_transaction and trace_block. */
    static final class TraceList extends Response<List<ParityTrace>> {
    }

    /** Builder; setters validate at once. */
    public static final class Builder {
        private final RpcStack stack;
        private Chain chain;
        private long fromBlock;
        private OptionalLong toBlock = OptionalLong.empty();
        private long window = 1_000_000;
        private Consumer<String> progress = s -> { };

        private Builder(RpcStack stack) {
            this.stack = Objects.requireNonNull(stack, "stack");
        }

        /** The chain the node must serve (checked against eth_chainId); any when not set. */
        public Builder chain(Chain c) {
            if (c != null && !c.isEvm()) {
                throw new InvalidInputException("--chain " + c.name() + " is not an EVM chain");
            }
            this.chain = c;
            return this;
        }

        public Builder fromBlock(long b) {
            if (b < 0) {
                throw new InvalidInputException("--from-block must be zero or more, got " + b);
            }
            this.fromBlock = b;
            return this;
        }

        /** The last block to use (pins the range: no eth_blockNumber, fully cacheable). */
        public Builder toBlock(long b) {
            if (b < 0) {
                throw new InvalidInputException("--to-block must be zero or more, got " + b);
            }
            this.toBlock = OptionalLong.of(b);
            return this;
        }

        /** Blocks per eth_getLogs / trace_filter window (default 1,000,000; split further when refused). */
        public Builder window(long blocks) {
            if (blocks < 1) {
                throw new IllegalArgumentException("window must be at least one block");
            }
            this.window = blocks;
            return this;
        }

        /** Receives progress lines of long scans. */
        public Builder progress(Consumer<String> p) {
            this.progress = Objects.requireNonNull(p, "progress");
            return this;
        }

        public EvmRpcSource build() {
            if (toBlock.isPresent() && toBlock.getAsLong() < fromBlock) {
                throw new InvalidInputException("--to-block " + toBlock.getAsLong() + " is before --from-block " + fromBlock);
            }
            return new EvmRpcSource(this);
        }
    }
}
