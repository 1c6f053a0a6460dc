package dev.tracer.source.evm;

import dev.tracer.model.Address;
import dev.tracer.model.Asset;
import dev.tracer.model.Chain;
import dev.tracer.model.Transfer;
import dev.tracer.model.TransferKind;
import dev.tracer.model.TxHash;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

/**
 * Turns node answers into {@link Transfer}s with ethereum-etl's rules (so the project's ETL
 * reader and the live source agree on the same chain data):
 * <ul>
 *   <li><b>Token transfers</b> (ethereum-etl {@code extract_transfers}): a log whose first topic
 *       is {@code Transfer(address,address,uint256)} and whose topics plus 32-byte data words are
 *       exactly four (ERC-721's indexed token id makes five and is not a fungible transfer).
 *       Removed (re-orged) logs are dropped. Position 1 + log index.
 *   <li><b>Value traces</b> (Parity {@code trace_*} or geth {@code callTracer}): a trace fails if it
 *       or any ancestor in its transaction has an error (ethereum-etl's status); delegatecall,
 *       staticcall and callcode move no value of their own; rewards have no sender. A top-level
 *       call is the transaction's own value, NATIVE at position 0 (zero values kept, as in
 *       ethereum-etl's transactions); a top-level create with value pays the new contract; a
 *       nested call, create or selfdestruct with value is INTERNAL at 1,000,000 + its index
 *       among the transaction's traces.
 * </ul>
 * Known false positives: a token contract may emit Transfer events for value that never moved
 * (spoofing); that is the asset classifier's job, not this parser's. O(n) in the answer size.
 */
final class EvmTransfers {
    static final String TRANSFER_TOPIC = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";
    static final int INTERNAL_BASE = 1_000_000;

    private EvmTransfers() {
    }

    /** One trace flattened, with the status ethereum-etl gives it. */
    record ValueTrace(Optional<TxHash> tx, int txIndex, long block, String type, String callType,
                      List<Integer> traceAddress, Optional<Address> from, Optional<Address> to,
                      BigInteger value, boolean ok, int order) {

        boolean topLevel() {
            return traceAddress.isEmpty();
        }
    }

    /** The ERC-20 transfer a log records, if it is one. */
    static Optional<Transfer> fromLog(Chain chain, Log log, Function<Address, Asset> asset, LongFunction<Instant> time) {
        if (log.isRemoved() || log.getTopics() == null || log.getTopics().isEmpty()
                || !TRANSFER_TOPIC.equalsIgnoreCase(log.getTopics().get(0))) {
            return Optional.empty();
        }
        List<String> words = new ArrayList<>(log.getTopics().subList(1, log.getTopics().size()));
        String data = Numeric.cleanHexPrefix(log.getData() == null ? "" : log.getData());
        if (data.length() % 64 != 0) {
            return Optional.empty();
        }
        for (int i = 0; i < data.length(); i += 64) {
            words.add(data.substring(i, i + 64));
        }
        if (words.size() != 3) {
            return Optional.empty();
        }
        long block = log.getBlockNumber().longValueExact();
        Address contract = Address.parse(chain, log.getAddress());
        return Optional.of(new Transfer(chain, TxHash.parse(chain, log.getTransactionHash()),
                log.getTransactionIndex() == null ? -1 : log.getTransactionIndex().intValueExact(),
                1 + log.getLogIndex().intValueExact(), wordAddress(chain, words.get(0)), wordAddress(chain, words.get(1)),
                asset.apply(contract), Numeric.toBigInt(words.get(2)), block, time.apply(block), TransferKind.TOKEN));
    }

    private static Address wordAddress(Chain chain, String word) {
        String hex = Numeric.cleanHexPrefix(word);
        return Address.parse(chain, "0x" + hex.substring(hex.length() - 40).toLowerCase(Locale.ROOT));
    }

    /** Parity traces (one transaction's, a block's or a filter's) flattened with their status. */
    static List<ValueTrace> fromParity(Chain chain, List<ParityTrace> traces) {
        Map<String, Set<List<Integer>>> failed = new HashMap<>();
        for (ParityTrace t : traces) {
            if (t.error != null && !t.error.isEmpty()) {
                failed.computeIfAbsent(String.valueOf(t.transactionHash), k -> new HashSet<>()).add(t.traceAddress);
            }
        }
        Map<String, Integer> order = new HashMap<>();
        List<ValueTrace> out = new ArrayList<>();
        for (ParityTrace t : traces) {
            String key = String.valueOf(t.transactionHash);
            int ord = order.merge(key, 1, Integer::sum) - 1;
            boolean ok = true;
            Set<List<Integer>> f = failed.getOrDefault(key, Set.of());
            for (int n = 0; n <= t.traceAddress.size() && ok && !f.isEmpty(); n++) {
                ok = !f.contains(t.traceAddress.subList(0, n));
            }
            ParityTrace.Action a = t.action;
            String type = t.type == null ? "" : t.type;
            Optional<Address> from;
            Optional<Address> to;
            String value;
            switch (type) {
                case "suicide" -> {
                    from = addr(chain, a.address);
                    to = addr(chain, a.refundAddress);
                    value = a.balance;
                }
                case "create" -> {
                    from = addr(chain, a.from);
                    to = t.result == null ? Optional.empty() : addr(chain, t.result.address);
                    value = a.value;
                }
                case "reward" -> {
                    from = Optional.empty();
                    to = addr(chain, a.author);
                    value = a.value;
                }
                default -> {
                    from = addr(chain, a.from);
                    to = addr(chain, a.to);
                    value = a.value;
                }
            }
            out.add(new ValueTrace(t.transactionHash == null ? Optional.empty() : Optional.of(TxHash.parse(chain, t.transactionHash)),
                    t.transactionPosition == null ? -1 : t.transactionPosition, t.blockNumber, type,
                    a.callType == null ? "" : a.callType, List.copyOf(t.traceAddress), from, to, quantity(value), ok, ord));
        }
        return out;
    }

    /**
     * geth callTracer results of one block flattened in depth-first order with their status;
     * {@code txHashes} are the block's transactions in order (older geth leaves txHash out).
     */
    static List<ValueTrace> fromGeth(Chain chain, long block, List<String> txHashes, List<GethFrame.TxResult> results) {
        List<ValueTrace> out = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            GethFrame.TxResult r = results.get(i);
            String hash = r.txHash != null ? r.txHash : i < txHashes.size() ? txHashes.get(i) : null;
            Optional<TxHash> tx = hash == null ? Optional.empty() : Optional.of(TxHash.parse(chain, hash));
            if (r.result != null) {
                flatten(chain, tx, i, block, r.result, new ArrayList<>(), true, out, new int[] {0});
            }
        }
        return out;
    }

    private static void flatten(Chain chain, Optional<TxHash> tx, int txIndex, long block, GethFrame f,
                                List<Integer> path, boolean parentOk, List<ValueTrace> out, int[] order) {
        boolean ok = parentOk && (f.error == null || f.error.isEmpty());
        String t = f.type == null ? "CALL" : f.type.toUpperCase(Locale.ROOT);
        String type = switch (t) {
            case "CREATE", "CREATE2" -> "create";
            case "SELFDESTRUCT" -> "suicide";
            default -> "call";
        };
        String callType = type.equals("call") ? t.toLowerCase(Locale.ROOT) : "";
        out.add(new ValueTrace(tx, txIndex, block, type, callType, List.copyOf(path), addr(chain, f.from), addr(chain, f.to),
                quantity(f.value), ok, order[0]++));
        for (int k = 0; k < f.calls.size(); k++) {
            path.add(k);
            flatten(chain, tx, txIndex, block, f.calls.get(k), path, ok, out, order);
            path.remove(path.size() - 1);
        }
    }

    /** The transfers among {@code traces} under the rules above. */
    static List<Transfer> fromTraces(Chain chain, List<ValueTrace> traces, LongFunction<Instant> time) {
        List<Transfer> out = new ArrayList<>();
        for (ValueTrace v : traces) {
            movesValue(v).ifPresent(kind -> out.add(new Transfer(chain, v.tx().orElseThrow(), v.txIndex(),
                    kind == TransferKind.NATIVE ? 0 : INTERNAL_BASE + v.order(), v.from().orElseThrow(), v.to().orElseThrow(),
                    Asset.nativeOf(chain), v.value(), v.block(), time.apply(v.block()), kind)));
        }
        return out;
    }

    /** NATIVE or INTERNAL when the trace moves value by the rules above. */
    static Optional<TransferKind> movesValue(ValueTrace v) {
        if (!v.ok() || v.tx().isEmpty() || v.from().isEmpty() || v.to().isEmpty() || v.type().equals("reward")) {
            return Optional.empty();
        }
        String ct = v.callType();
        if (ct.equals("delegatecall") || ct.equals("staticcall") || ct.equals("callcode")) {
            return Optional.empty();
        }
        if (v.topLevel()) {
            if (v.type().equals("call") || v.type().equals("create") && v.value().signum() > 0) {
                return Optional.of(TransferKind.NATIVE);
            }
            return Optional.empty();
        }
        return v.value().signum() > 0 ? Optional.of(TransferKind.INTERNAL) : Optional.empty();
    }

    /** The value each transaction of a block carries (ethereum-etl's transactions: no status known here). */
    static List<Transfer> fromBlock(Chain chain, EthBlock.Block b) {
        List<Transfer> out = new ArrayList<>();
        long block = b.getNumber().longValueExact();
        Instant time = Instant.ofEpochSecond(b.getTimestamp().longValueExact());
        for (EthBlock.TransactionResult<?> r : b.getTransactions()) {
            if (!(r.get() instanceof EthBlock.TransactionObject t) || t.getTo() == null) {
                continue;
            }
            out.add(new Transfer(chain, TxHash.parse(chain, t.getHash()), t.getTransactionIndex().intValueExact(), 0,
                    Address.parse(chain, t.getFrom()), Address.parse(chain, t.getTo()), Asset.nativeOf(chain),
                    t.getValue(), block, time, TransferKind.NATIVE));
        }
        return out;
    }

    private static Optional<Address> addr(Chain chain, String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(Address.parse(chain, s.toLowerCase(Locale.ROOT)));
    }

    /** A JSON-RPC quantity ("0x1a"), or zero when absent. */
    static BigInteger quantity(String s) {
        return s == null || s.isBlank() || s.equals("0x") ? BigInteger.ZERO : Numeric.decodeQuantity(s);
    }
}
