package dev.tracer.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A deposit into a cross-chain bridge as the bridge's own event log states it: where the funds
 * are meant to go on the other side. Source-independent: the EVM source decodes it from
 * {@code eth_getLogs}; a dataset without logs has none.
 *
 * @param chain              the chain the deposit was made on
 * @param tx                 the deposit's transaction
 * @param logIndex           the event's index in its block
 * @param bridge             the contract that emitted the event
 * @param from               the depositor when the event names one
 * @param destinationChain   the destination chain as this tool names it ({@code evm-56} for an EVM
 *                           chain id, THORChain's chain code such as {@code BTC} for a memo)
 * @param destinationAddress the receiving address on the destination chain, as text (its own format);
 *                           empty when the event does not name one
 * @param amount             what was deposited, when the event says
 * @param evidence           the event and its decoded arguments (the memo for THORChain), one line
 */
public record BridgeDeposit(Chain chain, TxHash tx, int logIndex, Address bridge, Optional<Address> from,
                            String destinationChain, String destinationAddress, Optional<Amount> amount, String evidence) {

    public BridgeDeposit {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(tx, "tx");
        Objects.requireNonNull(bridge, "bridge");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(destinationChain, "destinationChain");
        Objects.requireNonNull(destinationAddress, "destinationAddress");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(evidence, "evidence");
    }

    /** "evm-56 0xabc…", or the chain alone when no address is named. */
    public String destination() {
        return destinationAddress.isEmpty() ? destinationChain : destinationChain + " " + destinationAddress;
    }
}
