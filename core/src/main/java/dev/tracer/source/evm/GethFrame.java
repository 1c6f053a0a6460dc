package dev.tracer.source.evm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * One call frame of geth's {@code callTracer} ({@code debug_traceBlockByNumber},
 * {@code debug_traceTransaction}): type CALL, CALLCODE, DELEGATECALL, STATICCALL, CREATE, CREATE2
 * or SELFDESTRUCT, with nested {@code calls}. Jackson DTO, package-private.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
final class GethFrame {
    public String type;
    public String from;
    public String to;
    public String value;
    public String error;
    public List<GethFrame> calls = List.of();

    /** One element of {@code debug_traceBlockByNumber}'s answer: the transaction's top frame. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class TxResult {
        public String txHash;
        public GethFrame result;
        public String error;
    }
}
