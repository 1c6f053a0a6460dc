package dev.tracer.source.evm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * One OpenEthereum/Parity-style trace as {@code trace_filter}, {@code trace_transaction} and
 * {@code trace_block} return it (Erigon, Nethermind, Reth, anvil). Jackson DTO, package-private.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
final class ParityTrace {
    public Action action = new Action();
    public Result result;
    public String blockHash;
    public long blockNumber;
    public String transactionHash;
    public Integer transactionPosition;
    public List<Integer> traceAddress = List.of();
    public int subtraces;
    public String type;
    public String error;

    /** The action: a call, create, suicide (selfdestruct) or reward. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class Action {
        public String callType;
        public String from;
        public String to;
        public String value;
        public String address;        // suicide: the destroyed contract
        public String refundAddress;  // suicide: who gets its balance
        public String balance;        // suicide: the balance moved
        public String author;         // reward
        public String rewardType;     // reward
    }

    /** The result; for a create, the new contract's address. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class Result {
        public String address;
    }
}
